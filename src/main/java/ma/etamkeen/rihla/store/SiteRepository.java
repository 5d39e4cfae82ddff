package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Confirmation;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;

/**
 * Sites with their themes and facts. Deleted sites (and facts) are invisible here; the trash brings them back.
 * Writes go through the field model ({@link Rows}); every write that changes what search shows bumps the
 * {@link ContentRevision}.
 */
public final class SiteRepository {
    private static final String LIVE = "deleted_at IS NULL";

    /** Every live site, of every visit, by slug. */
    public List<Site> findAll(Tx tx) throws SQLException {
        return assemble(tx, tx.list("SELECT " + Rows.select(RecordKind.SITE) + " FROM site WHERE " + LIVE
                + " ORDER BY slug", SiteRepository::mapRow));
    }

    public Optional<Site> findBySlug(Tx tx, String slug) throws SQLException {
        return assemble(tx, tx.list("SELECT " + Rows.select(RecordKind.SITE) + " FROM site WHERE " + LIVE
                + " AND slug = ?", SiteRepository::mapRow, slug)).stream().findFirst();
    }

    public Optional<Site> findById(Tx tx, UUID id) throws SQLException {
        return assemble(tx, tx.list("SELECT " + Rows.select(RecordKind.SITE) + " FROM site WHERE " + LIVE
                + " AND id = ?", SiteRepository::mapRow, id)).stream().findFirst();
    }

    /** The slugs of all live sites, for "did you mean" messages. */
    public List<String> slugs(Tx tx) throws SQLException {
        return tx.list("SELECT slug FROM site WHERE " + LIVE + " ORDER BY slug", row -> row.getString(1));
    }

    /** Whether a site, live or in the trash, already has this slug (slugs are never reused). */
    public boolean slugTaken(Tx tx, String slug, UUID except) throws SQLException {
        return except == null ? tx.exists("SELECT 1 FROM site WHERE slug = ?", slug)
                : tx.exists("SELECT 1 FROM site WHERE slug = ? AND id <> ?", slug, except);
    }

    /**
     * Inserts or updates a site, its themes included (its facts are saved one by one: {@link #saveFact}).
     * A site deleted meanwhile is left in the trash.
     *
     * @return false when the site is in the trash
     */
    public boolean save(Tx tx, Site site, Stamp stamp) throws SQLException {
        Map<String, Object> values = Rows.values(RecordKind.SITE, site);
        if (!Rows.update(tx, RecordKind.SITE, site.id(), values, stamp, LIVE)) {
            if (tx.exists("SELECT 1 FROM site WHERE id = ?", site.id())) {
                return false;
            }
            Rows.insert(tx, RecordKind.SITE, site.id(), values, stamp);
        }
        ContentRevision.bump(tx);
        return true;
    }

    /** Inserts or updates a fact of a live site; a fact removed meanwhile stays removed. */
    public void saveFact(Tx tx, SiteFact fact, Stamp stamp) throws SQLException {
        Map<String, Object> values = Rows.values(RecordKind.FACT, fact);
        if (!Rows.update(tx, RecordKind.FACT, fact.id(), values, stamp, LIVE)
                && !tx.exists("SELECT 1 FROM site_fact WHERE id = ?", fact.id())) {
            Rows.insert(tx, RecordKind.FACT, fact.id(), values, stamp);
        }
        ContentRevision.bump(tx);
    }

    /** Removes a fact (a tombstone, so other laptops learn of it). */
    public void removeFact(Tx tx, UUID factId, Stamp stamp) throws SQLException {
        if (tx.update("UPDATE site_fact SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND " + LIVE,
                stamp.at(), stamp.at(), stamp.by(), factId) > 0) {
            ContentRevision.bump(tx);
        }
    }

    /** The next free position among a site's facts. */
    public int nextFactPosition(Tx tx, UUID siteId) throws SQLException {
        return (int) tx.count("SELECT COALESCE(MAX(position) + 1, 0) FROM site_fact WHERE site_id = ?", siteId);
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
                    themes.getOrDefault(s.id(), List.of()), facts.getOrDefault(s.id(), List.of()), s.toConfirm(),
                    s.confirmations()));
        }
        return sites;
    }

    private static Map<UUID, List<Theme>> themesBySite(Tx tx) throws SQLException {
        Map<UUID, List<Theme>> bySite = new HashMap<>();
        tx.list("SELECT st.site_id, " + ThemeRepository.COLUMNS_OF_T + """
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
        tx.list("SELECT " + Rows.select(RecordKind.FACT) + " FROM site_fact WHERE " + LIVE + " ORDER BY position",
                row -> {
                    SiteFact fact = mapFact(row);
                    bySite.computeIfAbsent(fact.siteId(), k -> new ArrayList<>()).add(fact);
                    return null;
                });
        return bySite;
    }

    static SiteFact mapFact(ResultSet row) throws SQLException {
        String confirmedBy = row.getString("confirmed_by");
        return new SiteFact(Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), row.getInt("position"),
                Tx.localized(row, "text"), row.getString("source"), row.getBoolean("to_confirm"),
                confirmedBy == null ? null : new Confirmation(confirmedBy, Tx.instant(row, "confirmed_at")));
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
                Site.decodeFields(row.getString("to_confirm")),
                Site.decodeConfirmations(row.getString("confirmations")));
    }
}
