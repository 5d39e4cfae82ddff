package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import ma.etamkeen.rihla.model.Theme;

/** The themes of the visit, in their reference order. */
public final class ThemeRepository {

    public List<Theme> findAll(Tx tx) throws SQLException {
        return tx.list("""
                SELECT id, code, label_ar, label_fr, label_en FROM theme
                WHERE deleted_at IS NULL ORDER BY position, code""", ThemeRepository::mapRow);
    }

    static Theme mapRow(ResultSet row) throws SQLException {
        return new Theme(Tx.uuid(row, "id"), row.getString("code"),
                Tx.localized(row, "label"));
    }
}
