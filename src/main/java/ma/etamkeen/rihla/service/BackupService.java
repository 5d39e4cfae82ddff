package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.StoreCounts;
import ma.etamkeen.rihla.store.Backups;
import ma.etamkeen.rihla.store.Database;

/**
 * Rolling backups of the open database: one at start, one every few minutes while there are changes,
 * the newest {@link #KEEP} automatic ones kept. Backups share the attachment blobs of the data folder, so one
 * costs about the database's size, not the photos'. Listing and restoring need no open database (they work on a
 * closed, even damaged, data folder): see {@link #list(Path)} and {@link #restore}.
 */
public final class BackupService {
    public static final int KEEP = 20;

    /** What a backup is worth: GOOD (verified when written), UNVERIFIED (checked when restored), DAMAGED. */
    public enum State { GOOD, UNVERIFIED, DAMAGED }

    /**
     * One backup file; {@code reason}: auto, manual, before-import, before-sync, before-restore, before-migration;
     * {@code counts}: what it holds, known for GOOD backups (else null).
     */
    public record Backup(Path file, Instant createdAt, long sizeBytes, String reason, State state, StoreCounts counts) {
        static Backup of(Backups.Backup backup) {
            return new Backup(backup.file(), backup.createdAt(), backup.sizeBytes(), backup.reason(),
                    State.valueOf(backup.state().name()), backup.manifest() == null ? null : backup.manifest().counts());
        }

        /** Whether it may be offered for a restore. */
        public boolean restorable() {
            return state != State.DAMAGED;
        }
    }

    /** The date of a backup, in the user's language. */
    public static String when(BackupService.Backup backup, Messages messages) {
        return messages.dates(FormatStyle.MEDIUM, FormatStyle.MEDIUM).format(backup.createdAt());
    }

    /** Why a backup was made, in the user's language ({@code backups.reason.<reason>}; a reason Rihla does not know as it is). */
    public static String reason(BackupService.Backup backup, Messages messages) {
        String key = "backups.reason." + backup.reason();
        return messages.has(key) ? messages.get(key) : backup.reason();
    }

    /** What a store holds, in words; "not counted" when it is not known (a backup checked only on restore). */
    public static String counts(StoreCounts counts, Messages messages) {
        return counts == null ? messages.get("damage.not-counted") : messages.format("store.counts", counts.sites(),
                counts.notes(), counts.lessons(), counts.ideas(), counts.attachments());
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
        Backups.removeUnneededBlobs(database);  // photos only the pruned backups or a purged trash held
        return true;
    }

    /** A backup asked for by the user (kept until they delete it). */
    public Backup backUpNow() {
        return Backup.of(Backups.create(database, "manual"));
    }

    /** The backups of the open data folder, newest first. */
    public List<Backup> list() {
        return list(database.folder());
    }

    /**
     * The backups of a data folder, open or not, newest first, each with its state; every file is read through
     * to its checksums, so one damaged since it was written shows as damaged (about as long as reading them).
     */
    public static List<Backup> list(Path dataFolder) {
        return Backups.list(dataFolder).stream().map(Backups::checked).map(Backup::of).toList();
    }

    /**
     * The newest backup that reads back whole (each is checked, newest first), of the store {@code database}
     * when given, else of any store; empty if there is none.
     */
    public static Optional<Backup> newestGood(Path dataFolder, Optional<String> database) {
        return Backups.newestGood(dataFolder, database).map(Backup::of);
    }

    /**
     * Replaces the database of a closed data folder with {@code backup}, after checking it; the database it
     * replaces is backed up first, or kept as it is in {@code damaged/} when it is damaged. Open the folder
     * again afterwards.
     *
     * @return what became of the database it replaced
     */
    public static Backups.Replaced restore(Path dataFolder, Path backup) {
        return Backups.restore(dataFolder, backup);
    }

    /** What a restore did with the database it replaced, as a sentence ({@code restore.kept.*}). */
    public static String kept(Backups.Replaced replaced, Messages messages) {
        if (replaced.backup().isPresent()) {
            return messages.format("restore.kept.backup", replaced.backup().get().file().getFileName());
        }
        return replaced.damagedCopy().map(copy -> messages.format("restore.kept.damaged", copy))
                .orElse(messages.get("restore.kept.nothing"));
    }
}
