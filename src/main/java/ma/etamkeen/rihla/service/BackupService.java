package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import ma.etamkeen.rihla.store.Backups;
import ma.etamkeen.rihla.store.Database;

/**
 * Rolling backups of the open database: one at start, one every few minutes while there are changes,
 * the newest {@link #KEEP} automatic ones kept. Restoring needs the data folder closed: see {@link #restore}.
 */
public final class BackupService {
    public static final int KEEP = 20;

    /** One backup file; {@code reason}: auto, manual, before-restore or before-migration. */
    public record Backup(Path file, Instant createdAt, long sizeBytes, String reason) {
        static Backup of(Backups.Backup backup) {
            return new Backup(backup.file(), backup.createdAt(), backup.sizeBytes(), backup.reason());
        }
    }

    private final Database database;
    private volatile long commitsAtLastBackup = -1;

    BackupService(Database database) {
        this.database = database;
    }

    /** Makes an automatic backup if anything was written since the last one (always, the first time). */
    public boolean backUpIfChanged() {
        long commits = database.commitCount();
        if (commits == commitsAtLastBackup) {
            return false;
        }
        Backups.create(database, "auto");
        commitsAtLastBackup = commits;
        Backups.prune(database.folder(), KEEP);
        return true;
    }

    /** A backup asked for by the user (kept until they delete it). */
    public Backup backUpNow() {
        return Backup.of(Backups.create(database, "manual"));
    }

    /** The backups of the data folder, newest first. */
    public List<Backup> list() {
        return Backups.list(database.folder()).stream().map(Backup::of).toList();
    }

    /**
     * Replaces the database of a closed data folder with {@code backup}, after checking it and backing up
     * the current state. Open the folder again afterwards.
     */
    public static void restore(Path dataFolder, Path backup) {
        Backups.restore(dataFolder, backup);
    }
}
