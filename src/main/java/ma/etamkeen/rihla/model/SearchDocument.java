package ma.etamkeen.rihla.model;

import java.util.Set;
import java.util.UUID;

/**
 * What the search index holds of one site or entry.
 *
 * @param title  the words that weigh most (names, a title, a caption)
 * @param text   the rest of its text
 * @param themes theme codes, for filtering (an entry without themes of its own takes its site's)
 */
public record SearchDocument(SearchKind kind, UUID id, UUID siteId, String siteSlug, Set<String> themes, String title,
                             String text) {
    public SearchDocument {
        themes = Set.copyOf(themes);
    }
}
