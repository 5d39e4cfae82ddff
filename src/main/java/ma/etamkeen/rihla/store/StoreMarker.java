package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small file beside the database, {@code rihla.marker}, that remembers which store lives in the folder and the
 * latest revision it was seen at (when it was created, closed, backed up, restored, and each time the search index
 * committed), which commit of the search index and which backup it last saw, and whether H2 found the file damaged
 * while it was in use. It tells a new folder from one whose database went missing, and a store that went back in
 * time from one that did not. Within one store it only ever moves forward. Its writers take turns (one lock for the
 * process): the index thread, a backup and H2's error handler may each write it at the same moment.
 */
public final class StoreMarker {
    public static final String FILE = "rihla.marker";
    private static final String DATABASE = "database";
    private static final String REVISION = "revision";
    private static final String SUSPECT = "damaged";
    private static final String INDEX_COMMIT = "index.commit";
    private static final String NEWEST_BACKUP = "backup.newest";
    private static final Logger LOG = Logger.getLogger(StoreMarker.class.getName());

    private StoreMarker() {
    }

    /** What the marker of {@code folder} says of its store; empty when there is none or it cannot be read. */
    public static Optional<ContentRevision.Stamp> read(Path folder) {
        try {
            return stampOf(load(folder));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Unreadable store marker in " + folder, e);
            return Optional.empty();
        }
    }

    /** @throws NumberFormatException for a revision that is not a number */
    private static Optional<ContentRevision.Stamp> stampOf(Properties properties) {
        return properties.getProperty(DATABASE) == null ? Optional.empty()
                : Optional.of(new ContentRevision.Stamp(properties.getProperty(DATABASE),
                        Long.parseLong(properties.getProperty(REVISION, "0").trim())));
    }

    /** What H2 said when it found the database damaged while it was in use; empty when it never did. */
    public static Optional<String> suspicion(Path folder) {
        return Optional.ofNullable(load(folder).getProperty(SUSPECT));
    }

    /** Whether {@code folder} shows that a store was created there (the marker exists, even unreadable). */
    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(FILE));
    }

    /**
     * Records {@code stamp} as the folder's store, unless the marker already knows a later revision of the
     * same store. Failing to write it (a full disk) is logged: it only weakens the next start's check.
     */
    public static synchronized void record(Path folder, ContentRevision.Stamp stamp) {
        Properties properties = load(folder);
        if (moveForward(properties, stamp)) {
            write(folder, properties);
        }
    }

    /**
     * Records {@code stamp} as {@link #record} does, and that the search index's commit {@code commit} (as
     * {@link SearchIndex#lastCommit} names it) recorded that stamp: while the index stays at that commit, the
     * marker knows all it could tell, and the store check at start need not read it.
     */
    static void recordIndexCommit(Path folder, ContentRevision.Stamp stamp, String commit) {
        recordWitness(folder, stamp, INDEX_COMMIT, commit);
    }

    /** The search index's commit whose stamp the marker holds (see {@link #recordIndexCommit}); empty if none. */
    static Optional<String> indexCommit(Path folder) {
        return Optional.ofNullable(load(folder).getProperty(INDEX_COMMIT));
    }

    /**
     * Records {@code stamp} as {@link #record} does, and that the backup just written, {@code backup} (its file
     * name in {@code backups/} and its size), holds that stamp: while it stays the newest backup, the marker knows
     * all the backups could tell (an older backup of the same store holds no later revision), and the store check
     * at start need not read them.
     */
    static void recordBackup(Path folder, ContentRevision.Stamp stamp, String backup) {
        recordWitness(folder, stamp, NEWEST_BACKUP, backup);
    }

    /** The newest backup whose stamp the marker holds (see {@link #recordBackup}); empty if none. */
    static Optional<String> newestBackup(Path folder) {
        return Optional.ofNullable(load(folder).getProperty(NEWEST_BACKUP));
    }

    /** Moves the marker forward to {@code stamp} and names {@code witness} ({@code key}) as holding it. */
    private static synchronized void recordWitness(Path folder, ContentRevision.Stamp stamp, String key,
                                                   String witness) {
        Properties properties = load(folder);
        boolean changed = moveForward(properties, stamp);
        if (stamp.database() != null && !witness.equals(properties.getProperty(key))) {
            properties.setProperty(key, witness);  // the marker holds this store now (moveForward)
            changed = true;
        }
        if (changed) {
            write(folder, properties);
        }
    }

    /** Sets {@code stamp} into {@code properties} unless they know it or a later revision; whether they changed. */
    private static boolean moveForward(Properties properties, ContentRevision.Stamp stamp) {
        Optional<ContentRevision.Stamp> known;
        try {
            known = stampOf(properties);
        } catch (NumberFormatException unreadable) {
            known = Optional.empty();  // replaced by what is known now
        }
        if (stamp.database() == null || known.isPresent() && (known.get().equals(stamp) || known.get().isLaterThan(stamp))) {
            return false;
        }
        if (known.isPresent() && !known.get().database().equals(stamp.database())) {
            // Another store's index commit or backup tells nothing of this one.
            properties.remove(INDEX_COMMIT);
            properties.remove(NEWEST_BACKUP);
        }
        properties.setProperty(DATABASE, stamp.database());
        properties.setProperty(REVISION, String.valueOf(stamp.revision()));
        return true;
    }

    /** Records that H2 found the database damaged while it was in use: the next start offers a way out. */
    static synchronized void suspect(Path folder, String detail) {
        Properties properties = load(folder);
        if (!properties.containsKey(SUSPECT)) {
            properties.setProperty(SUSPECT, String.valueOf(detail));
            write(folder, properties);
        }
    }

    /** Forgets a suspicion that reading the whole database proved wrong. */
    static synchronized void clearSuspicion(Path folder) {
        Properties properties = load(folder);
        if (properties.remove(SUSPECT) != null) {
            write(folder, properties);
        }
    }

    /** Records a new store (made, restored, recovered, started empty) in place of whatever was known. */
    static synchronized void replace(Path folder, ContentRevision.Stamp stamp) {
        Properties properties = new Properties();
        if (stamp.database() != null) {
            properties.setProperty(DATABASE, stamp.database());
            properties.setProperty(REVISION, String.valueOf(stamp.revision()));
        }
        write(folder, properties);
    }

    private static Properties load(Path folder) {
        Properties properties = new Properties();
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Unreadable store marker " + file, e);
            }
        }
        return properties;
    }

    private static void write(Path folder, Properties properties) {
        try {
            AtomicFiles.write(folder.resolve(FILE), out -> properties.store(out, "Rihla: the store of this folder"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not write the store marker in " + folder, e);
        }
    }
}
