package ma.etamkeen.rihla.model;

import java.util.UUID;

/**
 * A theme of the visits, e.g. "simplification": the code is stable, the labels editable. A hidden theme is no
 * longer offered for new entries; what it already marks keeps it.
 *
 * @param position its place in lists
 */
public record Theme(UUID id, String code, Localized label, int position, boolean hidden) {
}
