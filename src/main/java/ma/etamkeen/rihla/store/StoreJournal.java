package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts a prepared database in place of the folder's own (a new store, a migrated copy, a restored backup,
 * a recovered or empty store), so that a kill at any moment leaves the old store or the new one, never
 * none. The new database is made whole in a work folder beside it; a journal {@code rihla.journal} names
 * it; then one atomic rename puts it in place. The next start, before anything opens the database, finishes
 * a swap whose rename happened (the marker is brought up to date) or undoes one whose rename did not (the
 * work folder goes), and removes temporary files that a kill left.
 */
final class StoreJournal {
    static final String FILE = "rihla.journal";
    /** Work folders: {@code .rihla-work-<uuid>} in the data folder, on the same disk as the database. */
    static final String WORK_PREFIX = ".rihla-work-";
    private static final Logger LOG = Logger.getLogger(StoreJournal.class.getName());

    private StoreJournal() {
    }

    /** A new, empty work folder in {@code folder}. */
    static Path newWorkFolder(Path folder) throws IOException {
        return Files.createDirectories(folder.resolve(WORK_PREFIX + UUID.randomUUID()));
    }

    /**
     * Replaces the database of {@code folder} with {@code prepared} (a closed database file inside a work
     * folder of {@code folder}), records the new store's {@code stamp} in the marker and removes the work
     * folder. {@code operation} names what the swap is for in the journal and the log.
     */
    static void swapIn(Path folder, String operation, Path prepared, ContentRevision.Stamp stamp) throws IOException {
        AtomicFiles.sync(prepared);
        Properties journal = new Properties();
        journal.setProperty("operation", operation);
        journal.setProperty("prepared", folder.relativize(prepared).toString());
        if (stamp.database() != null) {
            journal.setProperty("database", stamp.database());
        }
        journal.setProperty("revision", String.valueOf(stamp.revision()));
        AtomicFiles.write(folder.resolve(FILE), out -> journal.store(out, "Rihla: a database swap under way"));
        AtomicFiles.replace(prepared, folder.resolve(Database.DB_FILE));
        finish(folder, journal);
        LOG.log(operation.equals("create") ? Level.FINE : Level.INFO, () -> "Database replaced (" + operation + ") in " + folder);
    }

    /**
     * Finishes or undoes a swap that a kill interrupted, and removes what a kill left of other file work
     * (work folders, temporary files). Call holding the folder's lock, before opening the database.
     */
    static void finishOrUndo(Path folder) {
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties journal = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                journal.load(reader);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Unreadable journal " + file + ": the swap it names never started", e);
            }
            String prepared = journal.getProperty("prepared");
            if (prepared != null && !Files.exists(folder.resolve(prepared))) {
                LOG.warning(() -> "Finishing an interrupted " + journal.getProperty("operation") + " in " + folder);
                finish(folder, journal);
            } else {
                LOG.warning(() -> "Undoing an interrupted " + journal.getProperty("operation") + " in " + folder);
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not remove " + file, e);
            }
        }
        removeLeftovers(folder);
        removeLeftovers(folder.resolve(Backups.FOLDER));
        removeLeftovers(folder.resolve(Backups.DAMAGED_FOLDER));
    }

    private static void finish(Path folder, Properties journal) {
        String database = journal.getProperty("database");
        if (database != null) {
            StoreMarker.replace(folder, new ContentRevision.Stamp(database,
                    Long.parseLong(journal.getProperty("revision", "0"))));
        }
        try {
            Files.deleteIfExists(folder.resolve(FILE));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the journal of " + folder, e);
        }
        Path work = folder.resolve(journal.getProperty("prepared", "")).getParent();
        if (work != null && work.getFileName().toString().startsWith(WORK_PREFIX)) {
            AtomicFiles.deleteQuietly(work);
        }
    }

    /** The data folder of {@code folder}: its parent for a work folder made by {@link #newWorkFolder}, else itself. */
    static Path dataFolderOf(Path folder) {
        Path name = folder.getFileName();
        return name != null && name.toString().startsWith(WORK_PREFIX) && folder.getParent() != null
                ? folder.getParent() : folder;
    }

    private static void removeLeftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // zipfstmp*.tmp: the JDK's zip file system copies a backup there while it adds the manifest
                if (name.startsWith(WORK_PREFIX) || AtomicFiles.isTemporary(entry)
                        || name.startsWith("zipfstmp") && name.endsWith(".tmp")) {
                    AtomicFiles.deleteQuietly(entry);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not look for leftovers in " + folder, e);
        }
    }
}
