package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;

/** Sites with their themes and facts. Soft-deleted rows are invisible here. */
public final class SiteRepository {

    private static final String SITE_COLUMNS = """
            id, visit_id, slug, name_ar, name_fr, name_en, name_original, type_ar, type_fr, type_en, level,
            level_detail_ar, level_detail_fr, level_detail_en, city_ar, city_fr, city_en, address, website,
            summary_ar, summary_fr, summary_en, to_confirm""";

    public List<Site> findAll(Tx tx) throws SQLException {
        List<Site> rows = tx.list("SELECT " + SITE_COLUMNS + " FROM site WHERE deleted_at IS NULL ORDER BY slug",
                SiteRepository::mapRow);
        return assemble(tx, rows);
    }

    public Optional<Site> findBySlug(Tx tx, String slug) throws SQLException {
        List<Site> rows = tx.list("SELECT " + SITE_COLUMNS + " FROM site WHERE deleted_at IS NULL AND slug = ?",
                SiteRepository::mapRow, slug);
        return assemble(tx, rows).stream().findFirst();
    }

    public Optional<Site> findById(Tx tx, UUID id) throws SQLException {
        List<Site> rows = tx.list("SELECT " + SITE_COLUMNS + " FROM site WHERE deleted_at IS NULL AND id = ?",
                SiteRepository::mapRow, id);
        return assemble(tx, rows).stream().findFirst();
    }

    /** The slugs of all live sites, for "did you mean" messages. */
    public List<String> slugs(Tx tx) throws SQLException {
        return tx.list("SELECT slug FROM site WHERE deleted_at IS NULL ORDER BY slug", row -> row.getString(1));
    }

    private static List<Site> assemble(Tx tx, List<Site> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Theme>> themes = themesBySite(tx);
        Map<UUID, List<SiteFact>> facts = factsBySite(tx);
        List<Site> sites = new ArrayList<>(rows.size());
        for (Site s : rows) {
            sites.add(new Site(s.id(), s.visitId(), s.slug(), s.name(), s.originalName(), s.type(), s.level(),
                    s.levelDetail(), s.city(), s.address(), s.website(), s.summary(),
                    themes.getOrDefault(s.id(), List.of()), facts.getOrDefault(s.id(), List.of()), s.toConfirm()));
        }
        return sites;
    }

    private static Map<UUID, List<Theme>> themesBySite(Tx tx) throws SQLException {
        Map<UUID, List<Theme>> bySite = new HashMap<>();
        tx.list("""
                SELECT st.site_id, t.id, t.code, t.label_ar, t.label_fr, t.label_en
                FROM site_theme st JOIN theme t ON t.id = st.theme_id
                WHERE st.deleted_at IS NULL AND t.deleted_at IS NULL
                ORDER BY t.position, t.code""", row -> {
            bySite.computeIfAbsent(Tx.uuid(row, "site_id"), k -> new ArrayList<>()).add(ThemeRepository.mapRow(row));
            return null;
        });
        return bySite;
    }

    private static Map<UUID, List<SiteFact>> factsBySite(Tx tx) throws SQLException {
        Map<UUID, List<SiteFact>> bySite = new HashMap<>();
        tx.list("""
                SELECT id, site_id, text_ar, text_fr, text_en, source, to_confirm FROM site_fact
                WHERE deleted_at IS NULL ORDER BY position""", row -> {
            bySite.computeIfAbsent(Tx.uuid(row, "site_id"), k -> new ArrayList<>()).add(new SiteFact(
                    Tx.uuid(row, "id"),
                    Tx.localized(row, "text"),
                    row.getString("source"),
                    row.getBoolean("to_confirm")));
            return null;
        });
        return bySite;
    }

    /** A site without its themes and facts; {@link #assemble} adds them. */
    private static Site mapRow(ResultSet row) throws SQLException {
        return new Site(
                Tx.uuid(row, "id"),
                Tx.uuid(row, "visit_id"),
                row.getString("slug"),
                Tx.localized(row, "name"),
                row.getString("name_original"),
                Tx.localized(row, "type"),
                GovernmentLevel.fromCode(row.getString("level")),
                Tx.localized(row, "level_detail"),
                Tx.localized(row, "city"),
                row.getString("address"),
                row.getString("website"),
                Tx.localized(row, "summary"),
                List.of(),
                List.of(),
                decodeFields(row.getString("to_confirm")));
    }

    static String encodeFields(Collection<Site.Field> fields) {
        return fields.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Site.Field> decodeFields(String encoded) {
        Set<Site.Field> fields = EnumSet.noneOf(Site.Field.class);
        if (encoded != null && !encoded.isBlank()) {
            Arrays.stream(encoded.split(",")).map(String::trim).map(Site.Field::valueOf).forEach(fields::add);
        }
        return fields;
    }
}
