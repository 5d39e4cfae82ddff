package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Theme;

/** The themes of the visits, in their order; hidden ones included (the pickers leave them out). */
public final class ThemeRepository {
    /** The theme columns {@link #mapRow} reads, taken from a theme table aliased {@code t}. */
    static final String COLUMNS_OF_T = "t.id, t.code, t.label_ar, t.label_fr, t.label_en, t.position, t.hidden";

    public List<Theme> findAll(Tx tx) throws SQLException {
        return tx.list("SELECT " + COLUMNS_OF_T + " FROM theme t WHERE t.deleted_at IS NULL ORDER BY t.position, t.code",
                ThemeRepository::mapRow);
    }

    /** Theme ids by code, for the links of lessons and ideas. */
    public Map<String, UUID> idsByCode(Tx tx) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        tx.list("SELECT id, code FROM theme", row -> ids.put(row.getString("code"), Tx.uuid(row, "id")));
        return ids;
    }

    /** Whether a theme, live or deleted, already has this code (codes are never reused). */
    public boolean codeTaken(Tx tx, String code, UUID except) throws SQLException {
        return except == null ? tx.exists("SELECT 1 FROM theme WHERE code = ?", code)
                : tx.exists("SELECT 1 FROM theme WHERE code = ? AND id <> ?", code, except);
    }

    /** The position after the last theme. */
    public int nextPosition(Tx tx) throws SQLException {
        return (int) tx.count("SELECT COALESCE(MAX(position) + 1, 0) FROM theme");
    }

    /** Inserts or updates a theme. */
    public void save(Tx tx, Theme theme, Stamp stamp) throws SQLException {
        Map<String, Object> values = Rows.values(RecordKind.THEME, theme);
        if (!Rows.update(tx, RecordKind.THEME, theme.id(), values, stamp, null)) {
            Rows.insert(tx, RecordKind.THEME, theme.id(), values, stamp);
        }
        ContentRevision.bump(tx);
    }

    static Theme mapRow(ResultSet row) throws SQLException {
        return new Theme(Tx.uuid(row, "id"), row.getString("code"), Tx.localized(row, "label"), row.getInt("position"),
                row.getBoolean("hidden"));
    }
}
