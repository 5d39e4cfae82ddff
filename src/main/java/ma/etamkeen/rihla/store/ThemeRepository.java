package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ma.etamkeen.rihla.model.Theme;

/** The themes of the visit, in their reference order. */
public final class ThemeRepository {

    public List<Theme> findAll(Tx tx) throws SQLException {
        return tx.list("""
                SELECT id, code, label_ar, label_fr, label_en FROM theme
                WHERE deleted_at IS NULL ORDER BY position, code""", ThemeRepository::mapRow);
    }

    /** Theme ids by code, for the links of lessons and ideas. */
    public Map<String, UUID> idsByCode(Tx tx) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        for (Theme theme : tx.list("SELECT id, code, label_ar, label_fr, label_en FROM theme", ThemeRepository::mapRow)) {
            ids.put(theme.code(), theme.id());
        }
        return ids;
    }

    static Theme mapRow(ResultSet row) throws SQLException {
        return new Theme(Tx.uuid(row, "id"), row.getString("code"),
                Tx.localized(row, "label"));
    }
}
