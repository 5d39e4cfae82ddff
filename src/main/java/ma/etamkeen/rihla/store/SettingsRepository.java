package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.Optional;

/** Settings of this installation: language, current author, last filters ... Never merged. */
public final class SettingsRepository {

    public Optional<String> get(Tx tx, String key) throws SQLException {
        return tx.one("SELECT setting_value FROM app_setting WHERE setting_key = ?", row -> row.getString(1), key);
    }

    public void put(Tx tx, String key, String value) throws SQLException {
        if (value == null) {
            tx.update("DELETE FROM app_setting WHERE setting_key = ?", key);
        } else {
            tx.update("MERGE INTO app_setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)", key, value);
        }
    }
}
