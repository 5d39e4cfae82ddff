package ma.etamkeen.rihla.store;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.tools.Recover;
import org.h2.tools.RunScript;

import ma.etamkeen.rihla.model.StoreCounts;

/**
 * The ways out of a damaged store besides restoring a backup ({@link Backups#restore}): salvaging what H2's
 * recovery tool can read, or starting again with an empty store — each works on a closed data folder, keeps
 * the damaged database as it is in {@code damaged/}, and swaps the new store in whole ({@link StoreJournal}) —
 * or, for a foreign database, using it as it is.
 */
public final class StoreRepair {
    private static final Logger LOG = Logger.getLogger(StoreRepair.class.getName());

    private StoreRepair() {
    }

    /**
     * Rebuilds the store from what H2's recovery tool ({@link Recover}, which reads the file page by page and
     * writes an SQL script of every row it can read) finds in the damaged database; the script is run into a
     * new database, which takes the damaged one's place if it holds Rihla's tables.
     *
     * @return what the recovered store holds
     * @throws StoreException {@code IN_USE} while Rihla runs on the folder; {@code NOT_RECOVERABLE} when the
     *                        tool cannot rebuild a Rihla database from the file (nothing is changed then)
     */
    public static StoreCounts recover(Path folder) {
        Path damaged = folder.resolve(Database.DB_FILE);
        StoreCounts[] recovered = new StoreCounts[1];
        try (FolderLock lock = FolderLock.acquire(folder)) {
            StoreJournal.finishOrUndo(folder);
            if (!Files.isRegularFile(damaged)) {
                throw new StoreException(StoreException.Reason.NOT_RECOVERABLE, damaged.toString(), null);
            }
            Backups.replaceStore(folder, "recovery", work -> {
                Path source = Files.createDirectories(work.resolve("source"));
                Files.copy(damaged, source.resolve(Database.DB_FILE));  // the tool reads a copy, never the original
                try {
                    Recover.execute(source.toString(), Database.FILE_NAME);
                    Path script = source.resolve(Database.FILE_NAME + ".h2.sql");
                    try (Connection connection = DriverManager.getConnection(Database.url(work.resolve(Database.DB_FILE)),
                            Database.USER, ""); Reader reader = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                        RunScript.execute(connection, reader);
                        recovered[0] = StoreCheck.counts(connection);
                        connection.createStatement().execute("SHUTDOWN");
                    }
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "H2's recovery tool could not rebuild " + damaged, e);
                    throw new StoreException(StoreException.Reason.NOT_RECOVERABLE, damaged.toString(), e);
                }
                try {
                    return Database.forkIn(work);
                } catch (StoreException e) {
                    throw new StoreException(StoreException.Reason.NOT_RECOVERABLE, damaged.toString(), e);
                }
            });
        }
        return recovered[0];
    }

    /**
     * Replaces the damaged store with a new one holding only the built-in data (the visit, its sites and
     * themes), as on a first start; the damaged database is kept in {@code damaged/}, the backups stay.
     */
    public static void startEmpty(Path folder) {
        try (FolderLock lock = FolderLock.acquire(folder)) {
            StoreJournal.finishOrUndo(folder);
            Backups.replaceStore(folder, "fresh-start", work -> Database.prepare(work, Database::createSchema));
        }
    }

    /**
     * Uses a foreign database ({@link Damage.Kind#FOREIGN}: copied in from another data folder) as this folder's
     * store from now on; nothing in it changes. The backups of the store the folder had stay, to restore later.
     *
     * @throws StoreException {@code IN_USE} while Rihla runs on the folder; {@code DAMAGED} when it cannot be read
     */
    public static void useAsItIs(Path folder) {
        try (FolderLock lock = FolderLock.acquire(folder)) {
            StoreJournal.finishOrUndo(folder);
            StoreCheck.adopt(folder);
        }
    }
}
