package ma.etamkeen.rihla.ui.common;

import java.util.UUID;

import ma.etamkeen.rihla.model.SearchKind;

/** Opens something found elsewhere (a search hit, a row of the practices table) in its site, selected. */
@FunctionalInterface
public interface Navigator {
    void open(SearchKind kind, UUID id, UUID siteId);
}
