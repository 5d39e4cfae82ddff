package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.h2.api.ErrorCode;

import ma.etamkeen.rihla.model.StoreCounts;

/**
 * Looks at a data folder's database before anything writes to it: opened read-only (H2's
 * {@code ACCESS_MODE_DATA=r}, which leaves the file byte for byte as it was), its schema version and its
 * {@link ContentRevision} are read and compared with what the folder saw before — the {@link StoreMarker},
 * the search index's last commit and the newest backup of the same store. A database that is missing from a
 * folder that had one, that H2 cannot read, that an upgrade left half done, or that went back in time is
 * reported as a {@link Damage}, and so is another store than the folder's own (a database copied in by hand);
 * the caller must not open it for writing.
 */
final class StoreCheck {
    private static final Logger LOG = Logger.getLogger(StoreCheck.class.getName());

    /** What a readable database says of itself. */
    record Contents(ContentRevision.Stamp stamp, int schemaVersion, boolean failedMigration) {
    }

    /**
     * No database file is shorter: H2's MVStore begins with two 4 KB file headers (the MVStore file format),
     * and a new store is made whole elsewhere before it is moved here.
     */
    private static final long MIN_BYTES = 2 * 4096;

    private StoreCheck() {
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new StoreException(StoreException.Reason.READ_ONLY, file.toString(), e);
        }
    }

    /**
     * The folder's database as it is; empty for a folder that never had one (a first start). Call holding
     * the folder's lock.
     *
     * @throws DamagedStoreException for a damaged database (the file is left untouched)
     * @throws StoreException        {@code READ_ONLY} for a database file that may not be written,
     *                               {@code NEWER_VERSION} for one a newer Rihla wrote
     */
    static Optional<Contents> examine(Path folder) {
        Path file = folder.resolve(Database.DB_FILE);
        if (!Files.exists(file)) {
            String witness = existenceWitness(folder);
            if (witness != null) {
                throw damaged(new Damage(Damage.Kind.MISSING, file, "missing; the folder has " + witness, null, null,
                        witness), null);
            }
            return Optional.empty();
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new StoreException(StoreException.Reason.READ_ONLY, file.toString(), null);
        }
        long size = size(file);
        if (size < MIN_BYTES) {
            throw damaged(new Damage(Damage.Kind.UNREADABLE, file, "only " + size + " bytes long", null, null, null),
                    null);
        }
        Contents contents;
        try (Connection connection = openReadOnly(file)) {
            contents = contents(connection);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {  // not another Rihla: we hold the folder
                throw new StoreException(StoreException.Reason.OPEN_ELSEWHERE, folder.toString(), e);
            }
            throw damaged(new Damage(Damage.Kind.UNREADABLE, file, e.getMessage(), null, null, null), e);
        }
        Optional<String> suspicion = StoreMarker.suspicion(folder);
        if (suspicion.isPresent()) {
            // Found damaged while in use: read it whole to know. A false alarm is cleared, real damage refused.
            try (Connection connection = openReadOnly(file)) {
                readEverything(connection);
                LOG.warning(() -> "The database was suspected damaged (" + suspicion.get() + ") but reads whole");
                StoreMarker.clearSuspicion(folder);
            } catch (SQLException e) {
                throw damaged(new Damage(Damage.Kind.UNREADABLE, file, "found damaged while in use: " + suspicion.get()
                        + "; " + e.getMessage(), contents.stamp(), null, "marker"), e);
            }
        }
        if (contents.failedMigration()) {
            throw damaged(new Damage(Damage.Kind.INTERRUPTED_UPGRADE, file, "a failed migration is recorded",
                    contents.stamp(), null, null), null);
        }
        if (contents.schemaVersion() > Database.SCHEMA_VERSION) {
            throw new StoreException(StoreException.Reason.NEWER_VERSION, folder.toString(), null);
        }
        checkNotWentBack(folder, file, contents.stamp());
        return Optional.of(contents);
    }

    /** What shows that a store lived in the folder: its marker, a backup, or an index of it; null if nothing. */
    private static String existenceWitness(Path folder) {
        if (StoreMarker.exists(folder)) {
            return "marker";
        }
        if (!Backups.list(folder).isEmpty()) {
            return "backups";
        }
        if (SearchIndex.recordedStamp(folder).isPresent()) {
            return "index";
        }
        return null;
    }

    /** A store that holds an older state than the folder saw of it (H2 fell back to an older version). */
    private static void checkNotWentBack(Path folder, Path file, ContentRevision.Stamp store) {
        if (store.database() == null) {
            return;  // no id to compare by: only a database changed by hand has none (a new one is seeded whole)
        }
        Optional<ContentRevision.Stamp> marker = StoreMarker.read(folder);
        if (marker.isPresent() && marker.get().isLaterThan(store)) {
            throw wentBack(file, store, marker.get(), "marker");
        }
        // The index is read only when the marker did not see its last commit (a kill between the two, a lost
        // marker, an index of an older Rihla): reading it starts Lucene's codecs, on the way to the window.
        Optional<String> indexCommit = SearchIndex.lastCommit(folder);
        Optional<ContentRevision.Stamp> index = indexCommit.isPresent()
                && indexCommit.equals(StoreMarker.indexCommit(folder)) ? Optional.empty()
                : SearchIndex.recordedStamp(folder);
        if (index.isPresent() && index.get().isLaterThan(store)) {
            throw wentBack(file, store, index.get(), "index");
        }
        // The backups likewise, only when this store's marker did not see the newest of them (a kill between the
        // backup and the marker, a lost marker, a backup made while the store was closed, another store's): reading
        // a backup's manifest starts Jackson's data binding, on the way to the window.
        boolean markerSawNewestBackup = marker.isPresent() && marker.get().database().equals(store.database())
                && Backups.newestMarkerName(folder).equals(StoreMarker.newestBackup(folder));
        Optional<Backups.Backup> backup = markerSawNewestBackup ? Optional.empty()
                : Backups.newestOf(folder, store.database());
        if (backup.isPresent() && backup.get().manifest().stamp().isLaterThan(store)) {
            throw wentBack(file, store, backup.get().manifest().stamp(), backup.get().file().getFileName().toString());
        }
        if (marker.isPresent() && !marker.get().database().equals(store.database())) {
            throw damaged(new Damage(Damage.Kind.FOREIGN, file, "store " + store.database() + ", but this folder had "
                    + marker.get().database(), store, marker.get(), "marker"), null);
        }
    }

    private static DamagedStoreException wentBack(Path file, ContentRevision.Stamp store, ContentRevision.Stamp known,
                                                  String witness) {
        return damaged(new Damage(Damage.Kind.WENT_BACK, file, "revision " + store.revision() + ", but "
                + witness + " saw " + known.revision(), store, known, witness), null);
    }

    private static DamagedStoreException damaged(Damage damage, Throwable cause) {
        LOG.warning(() -> "Damaged store: " + damage);
        return new DamagedStoreException(damage, cause);
    }

    /**
     * Takes the folder's database as its own store from now on: a foreign database the user chose to use as it
     * is. Call holding the folder's lock.
     */
    static void adopt(Path folder) {
        try (Connection connection = openReadOnly(folder.resolve(Database.DB_FILE))) {
            ContentRevision.Stamp stamp = contents(connection).stamp();
            LOG.warning(() -> "The database put in " + folder + " by hand is now its store: " + stamp);
            StoreMarker.replace(folder, stamp);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.DAMAGED, folder.toString(), e);
        }
    }

    /** Opens a database file read-only: H2 writes nothing to it, not even its header. */
    static Connection openReadOnly(Path databaseFile) throws SQLException {
        return DriverManager.getConnection(Database.url(databaseFile, "ACCESS_MODE_DATA=r"), Database.USER, "");
    }

    /** The stamp and schema version a database records. */
    static Contents contents(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int version = 0;
            boolean failed = false;
            try (ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
                while (rows.next()) {
                    if (rows.getBoolean(2)) {
                        version = Math.max(version, Integer.parseInt(rows.getString(1)));
                    } else {
                        failed = true;
                    }
                }
            } catch (NumberFormatException e) {
                throw new SQLException("Unreadable schema version", e);
            }
            String database = null;
            long revision = 0;
            try (ResultSet rows = statement.executeQuery("SELECT setting_key, setting_value FROM app_setting"
                    + " WHERE setting_key IN ('" + ContentRevision.DATABASE_ID + "', '" + ContentRevision.REVISION + "')")) {
                while (rows.next()) {
                    if (rows.getString(1).equals(ContentRevision.DATABASE_ID)) {
                        database = rows.getString(2);
                    } else {
                        revision = Long.parseLong(rows.getString(2));
                    }
                }
            } catch (NumberFormatException e) {
                throw new SQLException("Unreadable revision", e);
            }
            return new Contents(new ContentRevision.Stamp(database, revision), version, failed);
        }
    }

    /**
     * Reads every row of every table, every column of it. H2 finds a damaged page only when it reads it (the
     * MVStore keeps a checksum per chunk, not per value): a database is only known good once it was read whole.
     * Attachment bytes live in blobs, checked against their SHA-256 whenever they are read ({@link BlobStore});
     * a store before schema 5 holds them inside, and an attachment whose bytes no longer match is left out when
     * it is migrated (it reads as damaged), not taken for damage of the whole store. Each value must be of its
     * column's class. Takes about as long as reading the file.
     *
     * @throws SQLException H2's "file corrupted" (90030), naming the table found damaged
     */
    static void readEverything(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    int columns = meta.getColumnCount();
                    // What getObject makes of each column (JDBC 4.3, ResultSetMetaData.getColumnClassName): a
                    // damaged page can hold a value of another type, which reads but fails where the app converts it.
                    Class<?>[] declared = new Class<?>[columns + 1];
                    for (int column = 1; column <= columns; column++) {
                        declared[column] = columnClass(meta.getColumnClassName(column));
                    }
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            if (meta.getColumnType(column) == Types.BLOB) {
                                try (InputStream in = rows.getBinaryStream(column)) {
                                    if (in != null) {
                                        in.transferTo(OutputStream.nullOutputStream());
                                    }
                                }
                            } else {
                                Object value = rows.getObject(column);
                                if (value != null && !declared[column].isInstance(value)) {
                                    throw new SQLException("column " + meta.getColumnName(column) + " holds a "
                                            + value.getClass().getSimpleName() + " where a "
                                            + declared[column].getSimpleName() + " belongs");
                                }
                            }
                        }
                    }
                } catch (SQLException | IOException | RuntimeException e) {
                    throw damage("table " + table + " cannot be read whole: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The class a column's values are made of; Object when it cannot be loaded here (no type to check them by). */
    private static Class<?> columnClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return Object.class;  // a class this runtime does not have is not damage in the file
        }
    }

    /** Whether {@code table} has {@code column} (upper-case names, as H2 keeps them). */
    static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
            return columns.next();
        }
    }

    /** The error that says what was found damaged: H2's own "file corrupted" (90030), which callers know. */
    static SQLException damage(String what, Throwable cause) {
        return new SQLException(what, String.valueOf(ErrorCode.FILE_CORRUPTED_1), ErrorCode.FILE_CORRUPTED_1, cause);
    }

    /** What a database holds, live (the trash left out). */
    static StoreCounts counts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT"
                     + " (SELECT COUNT(*) FROM site WHERE deleted_at IS NULL),"
                     + " (SELECT COUNT(*) FROM note WHERE deleted_at IS NULL),"
                     + " (SELECT COUNT(*) FROM lesson WHERE deleted_at IS NULL),"
                     + " (SELECT COUNT(*) FROM idea WHERE deleted_at IS NULL),"
                     + " (SELECT COUNT(*) FROM attachment WHERE deleted_at IS NULL)")) {
            row.next();
            return new StoreCounts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        }
    }
}
