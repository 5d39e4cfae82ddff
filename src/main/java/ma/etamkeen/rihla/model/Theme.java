package ma.etamkeen.rihla.model;

import java.util.UUID;

/** A theme of the visit, e.g. "simplification"; the code is stable, the labels editable. */
public record Theme(UUID id, String code, Localized label) {
}
