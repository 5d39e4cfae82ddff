package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import ma.etamkeen.rihla.model.SearchDocument;
import ma.etamkeen.rihla.model.SearchKind;

/**
 * Reads what the search index holds: every live site and entry as a {@link SearchDocument}. Sites are found
 * by their names in every language, their summaries and facts; notes by their text; lessons and ideas by
 * their titles and fields; attachments by caption and file name. Parts of a text go on lines of their own,
 * so an excerpt stays within one of them (one language, one field).
 */
public final class SearchSource {
    private static final String SITE_SQL = """
            SELECT s.id, s.slug, CONCAT_WS(CHAR(10), s.name_ar, s.name_fr, s.name_en, s.name_original) AS title,
                CONCAT_WS(CHAR(10), s.summary_ar, s.summary_fr, s.summary_en, s.type_ar, s.type_fr, s.type_en,
                    CONCAT_WS(' · ', s.city_ar, s.city_fr, s.city_en), s.address, s.website,
                    (SELECT LISTAGG(CONCAT_WS(CHAR(10), f.text_ar, f.text_fr, f.text_en), CHAR(10)) FROM site_fact f
                     WHERE f.site_id = s.id AND f.deleted_at IS NULL)) AS text
            FROM site s WHERE s.deleted_at IS NULL""";
    private static final String NOTE_SQL = """
            SELECT e.id, e.site_id, s.slug, '' AS title, e.body AS text
            FROM note e JOIN site s ON s.id = e.site_id WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""";
    private static final String LESSON_SQL = """
            SELECT e.id, e.site_id, s.slug, e.title, CONCAT_WS(CHAR(10), e.observed, e.why_it_works) AS text
            FROM lesson e JOIN site s ON s.id = e.site_id WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""";
    private static final String IDEA_SQL = """
            SELECT e.id, e.site_id, s.slug, e.title, CONCAT_WS(CHAR(10), e.description, e.prerequisites, e.owner) AS text
            FROM idea e JOIN site s ON s.id = e.site_id WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""";
    private static final String ATTACHMENT_SQL = """
            SELECT e.id, e.site_id, s.slug, COALESCE(e.caption, e.file_name) AS title, e.file_name AS text
            FROM attachment e JOIN site s ON s.id = e.site_id WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""";

    /** Hands every live site and entry to {@code sink}, kind by kind. */
    public void all(Tx tx, Consumer<SearchDocument> sink) throws SQLException {
        Themes themes = Themes.load(tx);
        for (SearchKind kind : SearchKind.values()) {
            tx.list(sql(kind), row -> {
                UUID id = Tx.uuid(row, "id");
                UUID site = kind == SearchKind.SITE ? id : Tx.uuid(row, "site_id");
                sink.accept(new SearchDocument(kind, id, site, row.getString("slug"), themes.of(kind, id, site),
                        nullToEmpty(row.getString("title")), nullToEmpty(row.getString("text"))));
                return null;
            });
        }
    }

    /** The document of one site or entry, or empty if it is gone (deleted, purged). */
    public Optional<SearchDocument> one(Tx tx, SearchKind kind, UUID id) throws SQLException {
        String where = kind == SearchKind.SITE ? " AND s.id = ?" : " AND e.id = ?";
        Optional<SearchDocument> found = tx.one(sql(kind) + where, row -> new SearchDocument(kind, id,
                kind == SearchKind.SITE ? id : Tx.uuid(row, "site_id"), row.getString("slug"), Set.of(),
                nullToEmpty(row.getString("title")), nullToEmpty(row.getString("text"))), id);
        if (found.isEmpty()) {
            return found;
        }
        SearchDocument document = found.get();
        String themeSql = switch (kind) {
            case LESSON -> "SELECT t.code FROM lesson_theme x JOIN theme t ON t.id = x.theme_id WHERE x.lesson_id = ?";
            case IDEA -> "SELECT t.code FROM idea_theme x JOIN theme t ON t.id = x.theme_id WHERE x.idea_id = ?";
            default -> "SELECT t.code FROM site_theme x JOIN theme t ON t.id = x.theme_id WHERE x.site_id = ?";
        };
        UUID owner = kind == SearchKind.LESSON || kind == SearchKind.IDEA ? id : document.siteId();
        Set<String> themes = new HashSet<>(tx.list(themeSql + " AND x.deleted_at IS NULL", row -> row.getString(1), owner));
        return Optional.of(new SearchDocument(kind, id, document.siteId(), document.siteSlug(), themes, document.title(),
                document.text()));
    }

    /** The ids of the attachments hanging on an entry (they follow it in and out of the trash). */
    public List<UUID> attachmentsOf(Tx tx, String ownerKind, UUID ownerId) throws SQLException {
        return tx.list("SELECT id FROM attachment WHERE owner_kind = ? AND owner_id = ?",
                row -> Tx.uuid(row, "id"), ownerKind, ownerId);
    }

    private static String sql(SearchKind kind) {
        return switch (kind) {
            case SITE -> SITE_SQL;
            case NOTE -> NOTE_SQL;
            case LESSON -> LESSON_SQL;
            case IDEA -> IDEA_SQL;
            case ATTACHMENT -> ATTACHMENT_SQL;
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Theme codes of sites, lessons and ideas, loaded once per pass. */
    private record Themes(Map<UUID, Set<String>> bySite, Map<UUID, Set<String>> byEntry) {
        static Themes load(Tx tx) throws SQLException {
            Map<UUID, Set<String>> bySite = new HashMap<>();
            Map<UUID, Set<String>> byEntry = new HashMap<>();
            tx.list("""
                    SELECT st.site_id AS owner, t.code, 'site' AS kind FROM site_theme st JOIN theme t ON t.id = st.theme_id
                    WHERE st.deleted_at IS NULL
                    UNION ALL SELECT lt.lesson_id, t.code, 'entry' FROM lesson_theme lt JOIN theme t ON t.id = lt.theme_id
                    WHERE lt.deleted_at IS NULL
                    UNION ALL SELECT it.idea_id, t.code, 'entry' FROM idea_theme it JOIN theme t ON t.id = it.theme_id
                    WHERE it.deleted_at IS NULL""", row -> {
                Map<UUID, Set<String>> target = row.getString("kind").equals("site") ? bySite : byEntry;
                target.computeIfAbsent(Tx.uuid(row, "owner"), k -> new HashSet<>()).add(row.getString("code"));
                return null;
            });
            return new Themes(bySite, byEntry);
        }

        Set<String> of(SearchKind kind, UUID id, UUID site) {
            if (kind == SearchKind.LESSON || kind == SearchKind.IDEA) {
                return byEntry.getOrDefault(id, Set.of());
            }
            return bySite.getOrDefault(site, Set.of());
        }
    }
}
