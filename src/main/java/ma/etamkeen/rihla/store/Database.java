package ma.etamkeen.rihla.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database of one data folder.
 *
 * <p>Opening takes the folder's {@link FolderLock}, finishes or undoes file work a kill interrupted
 * ({@link StoreJournal}), and examines the database read-only ({@link StoreCheck}) before anything writes to
 * it: a damaged one is refused with a {@link DamagedStoreException} and left untouched. A new store is made,
 * and an old one migrated, in a work folder and swapped in whole, so a kill never leaves a half-made or
 * half-migrated database.
 *
 * <p>Reads use pooled connections on the caller's thread. Every write runs on one writer thread with
 * its own connection, in a transaction, and is synced to the disk when it commits ({@code CHECKPOINT SYNC}):
 * writes are ordered, never fight over locks, and survive a crash or a power cut once {@code write} returns.
 */
public final class Database implements AutoCloseable {

    /** A unit of work against the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    public static final String FILE_NAME = "rihla";
    /** The database file H2 keeps: {@code <data folder>/rihla.mv.db}. */
    public static final String DB_FILE = FILE_NAME + ".mv.db";
    /**
     * The highest migration: the SQL ones in db/migration (V<n>__*.sql) and the Java ones
     * ({@link AttachmentBlobsMigration}); a test keeps them in step.
     */
    public static final int SCHEMA_VERSION = 7;
    static final String USER = "rihla";
    private static final String MIGRATIONS = "classpath:ma/etamkeen/rihla/db/migration";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    // Held strongly: JUL forgets the level of a logger nobody references. Flyway's INFO lines and its
    // "H2 newer than verified" notice would otherwise land in the CLI's output; failures surface as exceptions.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path folder;
    private final String url;
    private final FolderLock lock;  // null for a database being prepared in a work folder
    private final BlobStore blobs;  // the data folder's, also for a database prepared in its work folder
    private FileStore disk;  // the folder's disk, asked for its room before each save (writer thread only)
    private volatile JdbcConnectionPool pool;
    private final ExecutorService writer;
    private volatile Thread writerThread;
    private Connection writerConnection;  // only touched on the writer thread
    private final AtomicLong commits = new AtomicLong();
    private boolean closed;

    private Database(Path folder, FolderLock lock, BlobStore blobs) {
        this.folder = folder;
        this.lock = lock;
        this.blobs = blobs;
        this.url = url(folder.resolve(DB_FILE), "WRITE_DELAY=0");
        this.pool = newPool(url);
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "rihla-db-writer");
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        });
    }

    /**
     * Opens the database of {@code folder}, creating it on a first start and migrating it to this version's
     * schema when it is older.
     *
     * @throws DamagedStoreException when the database is damaged (nothing was written to it)
     * @throws StoreException        {@code IN_USE} when another Rihla has the folder; {@code OPEN_ELSEWHERE}
     *                               when another program has its database file open; {@code READ_ONLY},
     *                               {@code NOT_WRITABLE}, {@code DISK_FULL}, {@code NEWER_VERSION}
     */
    public static Database open(Path folder) {
        if (File.separatorChar != '\\' && folder.toAbsolutePath().toString().indexOf('\\') >= 0) {
            // H2 reads every "\" of a path as a separator (FilePathDisk): "a\b" would be the folders a/b.
            throw new StoreException(StoreException.Reason.FOLDER_NAME, folder.toString(), null);
        }
        FolderLock lock = FolderLock.acquire(folder);
        try {
            StoreJournal.finishOrUndo(folder);
            Optional<StoreCheck.Contents> contents = StoreCheck.examine(folder);
            if (contents.isEmpty()) {
                create(folder);
            } else if (contents.get().schemaVersion() < SCHEMA_VERSION) {
                migrate(folder, contents.get());
            }
            Database database = new Database(folder, lock, new BlobStore(folder));
            try {
                database.read(tx -> tx.exists("SELECT 1 FROM app_setting"));
                return database;
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The JDBC address of an H2 database file ({@code .../rihla.mv.db}) with the given settings; its path
     * {@linkplain EscapedFilePath escaped}, so that a ";" in a folder name is never read as a setting.
     */
    static String url(Path databaseFile, String... settings) {
        String name = databaseFile.getFileName().toString();
        Path base = databaseFile.toAbsolutePath().resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        return "jdbc:h2:" + EscapedFilePath.nameOf(base) + (settings.length == 0 ? "" : ";" + String.join(";", settings));
    }

    private static JdbcConnectionPool newPool(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(4);
        return pool;
    }

    /** A database made whole in a work folder, closed, ready to take the place of the folder's own. */
    record Prepared(Path file, ContentRevision.Stamp stamp) {
    }

    /** A first start: the schema and the built-in data are made in a work folder, then put in place. */
    private static void create(Path folder) {
        try {
            Path work = StoreJournal.newWorkFolder(folder);
            try {
                Prepared made = prepare(work, Database::createSchema);
                StoreJournal.swapIn(folder, "create", made.file(), made.stamp());
            } finally {
                AtomicFiles.deleteQuietly(work);
            }
        } catch (IOException e) {
            throw StoreException.of(e, folder, StoreException.Reason.NOT_WRITABLE);
        }
    }

    /**
     * An older store: backed up as it is (once per state: a start that fails again makes no new copy), then
     * a copy is migrated in a work folder and put in place. The store itself is never half migrated.
     */
    private static void migrate(Path folder, StoreCheck.Contents contents) {
        boolean backedUp = Backups.list(folder).stream().anyMatch(backup -> backup.reason().equals("before-migration")
                && backup.manifest() != null && backup.manifest().stamp().equals(contents.stamp())
                && backup.manifest().schemaVersion() == contents.schemaVersion());
        if (!backedUp) {
            Backups.ofClosedStore(folder, "before-migration");
        }
        try {
            Path work = StoreJournal.newWorkFolder(folder);
            try {
                Files.copy(folder.resolve(DB_FILE), work.resolve(DB_FILE));
                Prepared migrated;
                try {
                    migrated = prepare(work, Database::migrateWithFlyway);
                } catch (StoreException e) {
                    if (e.reason() == StoreException.Reason.DISK_FULL) {
                        throw e;
                    }
                    throw new DamagedStoreException(new Damage(Damage.Kind.INTERRUPTED_UPGRADE,
                            folder.resolve(DB_FILE), String.valueOf(e.getMessage()), contents.stamp(), null, null), e);
                }
                StoreJournal.swapIn(folder, "migration", migrated.file(), migrated.stamp());
            } finally {
                AtomicFiles.deleteQuietly(work);
            }
        } catch (IOException e) {
            throw StoreException.of(e, folder, StoreException.Reason.NOT_WRITABLE);
        }
    }

    /**
     * A copy put in place of the folder's store (a restored backup, a recovered database): it gets an id of its
     * own, so nothing recorded of the store it replaces is taken for it (the search index is rebuilt).
     *
     * @throws StoreException {@code NEWER_VERSION} for a database a newer Rihla wrote; {@code FAILED} for one
     *                        that is not a Rihla database or records a failed upgrade
     */
    static Prepared forkIn(Path work) {
        try (Connection connection = StoreCheck.openReadOnly(work.resolve(DB_FILE))) {
            StoreCheck.Contents contents = StoreCheck.contents(connection);
            if (contents.schemaVersion() > SCHEMA_VERSION) {
                throw new StoreException(StoreException.Reason.NEWER_VERSION, work.toString(), null);
            }
            if (contents.failedMigration() || contents.schemaVersion() == 0) {
                throw new StoreException(StoreException.Reason.FAILED, "not a complete Rihla database", null);
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.FAILED, e.getMessage(), e);
        }
        return prepare(work, database -> database.write(ContentRevision::fork));
    }

    /** Opens the database of a work folder (no lock, no check), lets {@code steps} work on it, shuts it down. */
    static Prepared prepare(Path work, java.util.function.Consumer<Database> steps) {
        Database database = new Database(work, null, new BlobStore(StoreJournal.dataFolderOf(work)));
        try {
            steps.accept(database);
            ContentRevision.Stamp stamp = database.read(ContentRevision::stamp);
            database.close();
            return new Prepared(work.resolve(DB_FILE), stamp);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Makes the schema and the built-in data of a new store. */
    static void createSchema(Database database) {
        database.migrateWithFlyway();
        new Seeder().addMissing(database);
    }

    private void migrateWithFlyway() {
        FLYWAY_LOG.setLevel(Level.SEVERE);
        try {
            Flyway.configure(Database.class.getClassLoader()).dataSource(pool).locations(MIGRATIONS)
                    .javaMigrations(new AttachmentBlobsMigration(blobs)).load().migrate();
        } catch (FlywayException e) {
            throw StoreException.of(e, folder, StoreException.Reason.FAILED);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The attachment bytes of the data folder ({@code <data folder>/blobs}). */
    public BlobStore blobs() {
        return blobs;
    }

    /** Runs {@code work} on a pooled connection on this thread (auto-commit, for reads). */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(new Tx(connection, blobs));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Queues {@code work} on the writer thread, in one transaction. */
    public <T> CompletableFuture<T> writeAsync(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> runInTransaction(work, true), writer);
    }

    /** Runs {@code work} on the writer thread, in one transaction, and waits for it. */
    public <T> T write(Work<T> work) {
        return onWriter(work, true);
    }

    /**
     * Runs {@code work} on the writer thread, in one transaction, and waits for it, without counting it in
     * {@link #commitCount}: housekeeping that changes nothing the user made (removing unneeded blobs), kept in
     * order with the writes that add blobs.
     */
    <T> T maintain(Work<T> work) {
        return onWriter(work, false);
    }

    private <T> T onWriter(Work<T> work, boolean counted) {
        if (Thread.currentThread() == writerThread) {
            // A write inside a write would commit the outer transaction half-done.
            throw new IllegalStateException("nested write: pass the Tx down instead");
        }
        try {
            return writer.submit(() -> runInTransaction(work, counted)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.FAILED, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException(StoreException.Reason.FAILED, String.valueOf(cause), cause);
        }
    }

    private <T> T runInTransaction(Work<T> work, boolean counted) {
        if (counted) {
            checkRoom();
        }
        try {
            Connection connection = writerConnection();
            try {
                T result = work.run(new Tx(connection, blobs));
                connection.commit();
                // Every write the user makes is on the disk before we say it is saved.
                try (var statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
                if (counted) {
                    commits.incrementAndGet();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            StoreException failure = failure(e);
            if (isClosedByH2(e)) {
                // H2 may close the database after the rollback went through: never write on its old session.
                closeQuietly(writerConnection);
                writerConnection = null;
            }
            throw failure;
        }
    }

    /**
     * The room a save must find on the disk, in bytes. With less, it is refused as {@code DISK_FULL} before H2
     * writes anything: H2 shuts its store down when a write fails for room, and reads made on other threads at
     * that moment fail too, or hang (H2 2.4.240; DiskFaultsIT). 8 MB holds dozens of saves of the longest note.
     */
    static final long ROOM_BYTES = 8L << 20;

    /** @throws StoreException {@code DISK_FULL} when the data folder's disk has less than {@link #ROOM_BYTES} free */
    private void checkRoom() {
        long free;
        try {
            if (disk == null) {
                disk = Files.getFileStore(folder);
            }
            free = disk.getUsableSpace();
        } catch (IOException e) {
            return;  // the room cannot be told: H2 says so if the write fails
        }
        if (free < ROOM_BYTES) {
            throw new StoreException(StoreException.Reason.DISK_FULL, folder.toString(),
                    new IOException("No space left on device: " + free + " bytes free, " + ROOM_BYTES + " needed"));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a connection to a closed database", e);
        }
    }

    private void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Rollback on a closed database", e);
            writerConnection = null;  // H2 closed the database: the next write takes a new connection
        }
    }

    private Connection writerConnection() throws SQLException {
        if (writerConnection == null || writerConnection.isClosed()) {
            writerConnection = pool.getConnection();
            writerConnection.setAutoCommit(false);
        }
        return writerConnection;
    }

    /**
     * The store failure behind an SQL error, in words the user understands. When H2 closed the database
     * because the disk was full, the next read or write opens it again (the file holds the last commit), so
     * the app carries on once space is freed.
     */
    private StoreException failure(SQLException e) {
        StoreException failure = translate(e, folder);
        if (failure.reason() == StoreException.Reason.DISK_FULL && isClosedByH2(e)) {
            reopen();
        }
        if (failure.reason() == StoreException.Reason.DAMAGED) {
            StoreMarker.suspect(folder, e.getMessage());
        }
        return failure;
    }

    private static boolean isClosedByH2(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED || e.getCause() instanceof MVStoreException;
    }

    private synchronized void reopen() {
        if (closed) {
            return;
        }
        LOG.warning(() -> "The database in " + folder + " was closed by H2 after a failed write: opening it again");
        JdbcConnectionPool old = pool;
        pool = newPool(url);
        old.dispose();
    }

    static StoreException translate(SQLException e, Path folder) {
        if (isDamage(e)) {
            return new StoreException(StoreException.Reason.DAMAGED, folder.toString(), e);
        }
        return switch (e.getErrorCode()) {
            // Rihla holds the folder's lock whenever it opens a database: another program has the file.
            case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                    new StoreException(StoreException.Reason.OPEN_ELSEWHERE, folder.toString(), e);
            case ErrorCode.DATABASE_IS_READ_ONLY -> new StoreException(StoreException.Reason.READ_ONLY, folder.toString(), e);
            default -> StoreException.of(e, folder, StoreException.Reason.FAILED);
        };
    }

    /**
     * Whether an error says the file holds what H2 cannot read back: H2's "file corrupted" (90030), an MVStore
     * page, chunk or block it cannot read or decode (the {@code DataUtils.ERROR_*} codes below), or a stored
     * value that is not of its column's type (22007, 22018: Rihla only ever writes typed parameters, so only
     * damage reads back like that). The next start reads the whole database to be sure
     * ({@link StoreCheck#readEverything}).
     */
    private static boolean isDamage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || sql.getErrorCode() == ErrorCode.INVALID_DATETIME_CONSTANT_2
                    || sql.getErrorCode() == ErrorCode.DATA_CONVERSION_ERROR_1)) {
                return true;
            }
            if (cause instanceof MVStoreException mv && Set.of(DataUtils.ERROR_READING_FAILED,
                    DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_SERIALIZATION, DataUtils.ERROR_CHUNK_NOT_FOUND,
                    DataUtils.ERROR_BLOCK_NOT_FOUND, DataUtils.ERROR_TRANSACTION_CORRUPT,
                    DataUtils.ERROR_UNKNOWN_DATA_TYPE).contains(mv.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** How many write transactions were committed since the database was opened (to see if anything changed). */
    public long commitCount() {
        return commits.get();
    }

    /** The current time as stored in audit columns (microsecond precision, like the columns). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Shuts the database down cleanly, records how far it came in the folder's marker, and releases the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.submit(() -> {
                if (writerConnection != null && !writerConnection.isClosed()) {
                    writerConnection.close();
                }
                return null;
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Closing the writer connection failed", e);
        }
        writer.shutdown();
        ContentRevision.Stamp closed = null;
        try (Connection connection = pool.getConnection()) {
            if (lock != null) {
                closed = ContentRevision.stamp(new Tx(connection, blobs));
                StoreMarker.record(folder, closed);
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing an already closed database", e);
        } finally {
            // H2 closes the database cleanly with its last connection (DB_CLOSE_DELAY=0, the default); a
            // SHUTDOWN first would leave the pool closing dead connections, which H2 traces in rihla.trace.db.
            pool.dispose();
            if (lock != null) {
                if (closed != null) {
                    StoreCompaction.compactIfGrown(folder, closed);  // a quiet moment: nothing else has it open
                }
                lock.close();
            }
        }
    }
}
