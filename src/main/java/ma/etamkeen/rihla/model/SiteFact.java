package ma.etamkeen.rihla.model;

import java.util.UUID;

/** One fact about a site with the address it comes from; unverified facts show as "to be confirmed". */
public record SiteFact(UUID id, Localized text, String source, boolean toConfirm) {
}
