package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * A number that goes up with every change to what can be searched, written in the same transaction as
 * the change, and the id of this database. The pair says how far a store has come: the search index, the
 * {@link StoreMarker} and every backup record the pair they saw, so that a store that went back in time
 * (H2 falling back to an older version of a damaged file) is noticed, and the index rebuilt when it does not
 * match. A restored, recovered or new store gets a new id ({@link #fork}): its history starts afresh, and
 * nothing recorded of the old history is compared with it.
 */
public final class ContentRevision {
    static final String REVISION = "content.revision";
    static final String DATABASE_ID = "content.database-id";
    private static final SettingsRepository SETTINGS = new SettingsRepository();

    /** Which store ({@code database}, a UUID; null before the first seeding) and how far it came. */
    public record Stamp(String database, long revision) {
        /** Whether this stamp records a later state of the same store than {@code store}. */
        public boolean isLaterThan(Stamp store) {
            return database != null && database.equals(store.database()) && revision > store.revision();
        }
    }

    private ContentRevision() {
    }

    /** Records one more change; call inside the writing transaction. */
    public static void bump(Tx tx) throws SQLException {
        SETTINGS.put(tx, REVISION, String.valueOf(current(tx) + 1));
    }

    public static long current(Tx tx) throws SQLException {
        return SETTINGS.get(tx, REVISION).map(Long::parseLong).orElse(0L);
    }

    /** The store's id and revision now. */
    public static Stamp stamp(Tx tx) throws SQLException {
        return new Stamp(SETTINGS.get(tx, DATABASE_ID).orElse(null), current(tx));
    }

    /** This database's id, made on first use. Call from a write transaction the first time. */
    public static String databaseId(Tx tx) throws SQLException {
        Optional<String> existing = SETTINGS.get(tx, DATABASE_ID);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        SETTINGS.put(tx, DATABASE_ID, id);
        return id;
    }

    /** Gives the store a new id (a restored or recovered copy starts a history of its own); returns its stamp. */
    public static Stamp fork(Tx tx) throws SQLException {
        SETTINGS.put(tx, DATABASE_ID, UUID.randomUUID().toString());
        return stamp(tx);
    }
}
