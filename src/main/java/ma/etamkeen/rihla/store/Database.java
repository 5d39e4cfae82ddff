package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database of one data folder.
 *
 * <p>Reads use pooled connections on the caller's thread. Every write runs on one writer thread with
 * its own connection, in a transaction, and is synced to the disk when it commits: writes are ordered,
 * never fight over locks, and survive a crash or a power cut once {@code write} returns. The file is
 * locked by H2, so a second process on the same folder fails with {@link StoreException.Reason#IN_USE}.
 */
public final class Database implements AutoCloseable {

    /** A unit of work against the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    public static final String FILE_NAME = "rihla";
    /** The highest migration in db/migration (V<n>__*.sql); a test keeps the two in step. */
    public static final int SCHEMA_VERSION = 3;
    private static final String MIGRATIONS = "classpath:ma/etamkeen/rihla/db/migration";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    // Held strongly: JUL forgets the level of a logger nobody references. Flyway's INFO lines and its
    // "H2 newer than verified" notice would otherwise land in the CLI's output; failures surface as exceptions.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path folder;
    private final JdbcConnectionPool pool;
    private final ExecutorService writer;
    private volatile Thread writerThread;
    private Connection writerConnection;  // only touched on the writer thread
    private final AtomicLong commits = new AtomicLong();
    private boolean closed;
    /** Folders open in this process: H2 would share one database between two opens instead of refusing. */
    private static final Set<Path> OPEN_FOLDERS = ConcurrentHashMap.newKeySet();

    private Database(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "rihla-db-writer");
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        });
    }

    /** Opens (creating if needed) the database of {@code folder} and brings its schema up to date. */
    public static Database open(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        prepareFolder(folder);
        if (!OPEN_FOLDERS.add(key)) {
            throw new StoreException(StoreException.Reason.IN_USE, folder.toString(), null);
        }
        try {
            return openLocked(folder);
        } catch (RuntimeException e) {
            OPEN_FOLDERS.remove(key);
            throw e;
        }
    }

    private static Database openLocked(Path folder) {
        // WRITE_DELAY=0: each commit goes to the file at once. The default FILE_LOCK guards the file.
        String url = "jdbc:h2:file:" + folder.resolve(FILE_NAME).toAbsolutePath() + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "rihla", "");
        pool.setMaxConnections(4);
        Database database = new Database(folder, pool);
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            }
            database.migrate();
            return database;
        } catch (SQLException e) {
            pool.dispose();
            database.writer.shutdownNow();
            throw translate(e, folder);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void prepareFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), e);
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), null);
        }
    }

    private void migrate() throws SQLException {
        OptionalInt applied = appliedSchemaVersion();
        if (applied.isPresent() && applied.getAsInt() > SCHEMA_VERSION) {
            throw new StoreException(StoreException.Reason.NEWER_VERSION, folder.toString(), null);
        }
        if (applied.isPresent() && applied.getAsInt() == SCHEMA_VERSION) {
            return;  // the usual start: Flyway (and its class-path scan) is only needed for a change
        }
        FLYWAY_LOG.setLevel(Level.SEVERE);
        try {
            migrateWithFlyway();
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Reason.FAILED, e.getMessage(), e);
        }
    }

    /**
     * The newest applied migration, read from Flyway's history table with one query. Empty for a new
     * database or when a migration failed (Flyway then takes over and reports it).
     */
    private OptionalInt appliedSchemaVersion() {
        return read(tx -> {
            if (!tx.exists("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'")
                    || tx.exists("SELECT 1 FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
                return OptionalInt.empty();
            }
            return tx.list("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL",
                    row -> Integer.parseInt(row.getString(1))).stream().mapToInt(Integer::intValue).max();
        });
    }

    private void migrateWithFlyway() {
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .load();
        if (flyway.info().applied().length > 0) {
            Backups.create(this, "before-migration");
        }
        flyway.migrate();
    }

    public Path folder() {
        return folder;
    }

    /** Runs {@code work} on a pooled connection on this thread (auto-commit, for reads). */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(new Tx(connection));
        } catch (SQLException e) {
            throw translate(e, folder);
        }
    }

    /** Queues {@code work} on the writer thread, in one transaction. */
    public <T> CompletableFuture<T> writeAsync(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> runInTransaction(work), writer);
    }

    /** Runs {@code work} on the writer thread, in one transaction, and waits for it. */
    public <T> T write(Work<T> work) {
        if (Thread.currentThread() == writerThread) {
            // A write inside a write would commit the outer transaction half-done.
            throw new IllegalStateException("nested write: pass the Tx down instead");
        }
        try {
            return writer.submit(() -> runInTransaction(work)).get();
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

    private <T> T runInTransaction(Work<T> work) {
        try {
            Connection connection = writerConnection();
            try {
                T result = work.run(new Tx(connection));
                connection.commit();
                // Every write the user makes is on the disk before we say it is saved.
                try (var statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
                commits.incrementAndGet();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, folder);
        }
    }

    private Connection writerConnection() throws SQLException {
        if (writerConnection == null || writerConnection.isClosed()) {
            writerConnection = pool.getConnection();
            writerConnection.setAutoCommit(false);
        }
        return writerConnection;
    }

    /** How many write transactions were committed since the database was opened (to see if anything changed). */
    public long commitCount() {
        return commits.get();
    }

    /** The current time as stored in audit columns (microsecond precision, like the columns). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

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
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Shutdown of an already closed database", e);
        } finally {
            pool.dispose();
            OPEN_FOLDERS.remove(folder.toAbsolutePath().normalize());
        }
    }

    static StoreException translate(SQLException e, Path folder) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new StoreException(StoreException.Reason.IN_USE, folder.toString(), e);
            case ErrorCode.FILE_CORRUPTED_1 -> new StoreException(StoreException.Reason.CORRUPT, folder.toString(), e);
            case ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 ->
                    new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), e);
            default -> new StoreException(StoreException.Reason.FAILED, e.getMessage(), e);
        };
    }
}
