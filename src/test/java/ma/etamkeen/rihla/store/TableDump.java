package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every domain table as text: two dumps are equal when the stored content is equal. */
public final class TableDump {
    private static final List<String> TABLES = List.of("visit", "theme", "site", "site_fact", "site_theme",
            "administration", "delegate", "note", "lesson", "lesson_theme", "idea", "idea_theme",
            "idea_administration", "attachment", "app_setting", "exchange_version", "exchange_export");

    private TableDump() {
    }

    public static Map<String, List<String>> of(Database database) {
        return database.read(tx -> {
            Map<String, List<String>> dump = new LinkedHashMap<>();
            for (String table : TABLES) {
                dump.put(table, tx.list("SELECT * FROM " + table + " ORDER BY 1", TableDump::row));
            }
            return dump;
        });
    }

    /**
     * The dump without the store's own id (a restored or recovered copy gets a new one, see
     * ContentRevision.fork): equal when two stores hold the same data.
     */
    public static Map<String, List<String>> content(Database database) {
        Map<String, List<String>> dump = of(database);
        dump.put("app_setting", dump.get("app_setting").stream()
                .filter(row -> !row.contains("SETTING_KEY=" + ContentRevision.DATABASE_ID + "|")).toList());
        return dump;
    }

    /** The store's own id. */
    public static String databaseId(Database database) {
        return database.read(tx -> ContentRevision.stamp(tx).database());
    }

    private static String row(ResultSet row) throws java.sql.SQLException {
        ResultSetMetaData meta = row.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = row.getObject(i);
            if (value instanceof java.sql.Blob blob) {
                value = java.util.Arrays.hashCode(blob.getBytes(1, (int) blob.length()));
            }
            values.add(meta.getColumnName(i) + "=" + value);
        }
        return String.join("|", values);
    }
}
