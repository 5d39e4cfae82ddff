package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.UUID;

/**
 * A number that goes up with every change to what can be searched, written in the same transaction as
 * the change, and the id of this database. The search index records the pair it is up to date with; a
 * different pair on opening (a crash before the index caught up, a restored backup) means: rebuild it.
 */
public final class ContentRevision {
    static final String REVISION = "content.revision";
    static final String DATABASE_ID = "content.database-id";
    private static final SettingsRepository SETTINGS = new SettingsRepository();

    private ContentRevision() {
    }

    /** Records one more change; call inside the writing transaction. */
    public static void bump(Tx tx) throws SQLException {
        SETTINGS.put(tx, REVISION, String.valueOf(current(tx) + 1));
    }

    public static long current(Tx tx) throws SQLException {
        return SETTINGS.get(tx, REVISION).map(Long::parseLong).orElse(0L);
    }

    /** This database's id, made on first use. Call from a write transaction the first time. */
    public static String databaseId(Tx tx) throws SQLException {
        var existing = SETTINGS.get(tx, DATABASE_ID);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        SETTINGS.put(tx, DATABASE_ID, id);
        return id;
    }
}
