package ma.etamkeen.rihla.model;

import java.util.UUID;

/**
 * One fact about a site with where it comes from (an address, or a free text such as "presentation by the
 * host, 27 Sep 2022"). An unverified fact shows as "to be confirmed" until someone confirms or corrects it.
 *
 * @param position     its place among the site's facts
 * @param confirmation who confirmed it and when (null when it never was)
 */
public record SiteFact(UUID id, UUID siteId, int position, Localized text, String source, boolean toConfirm,
                       Confirmation confirmation) {
}
