package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import ma.etamkeen.rihla.model.StoreCounts;

/**
 * Copies of the database in {@code <data folder>/backups}: {@code rihla-<time>-<reason>.zip}, each holding
 * the database ({@code rihla.mv.db}, made by H2's {@code BACKUP TO}: a consistent copy while the app runs) and a
 * manifest ({@code backup.json}: which store, its revision and schema, what it holds, and the attachment blobs
 * it needs). The blobs themselves are not copied: every backup shares the data folder's {@link BlobStore}, which
 * keeps each blob while a kept backup needs it ({@link #removeUnneededBlobs}). A backup is written
 * under a temporary name, opened and counted (verified), then renamed: a kill or a full disk never leaves a
 * partial backup under a backup's name. Listed newest first with their {@link State}; restored into a closed
 * data folder without opening the database it replaces.
 */
public final class Backups {
    public static final String FOLDER = "backups";
    /** Where a restore, a recovery or a fresh start keeps a damaged database it replaced, untouched. */
    public static final String DAMAGED_FOLDER = "damaged";
    static final String MANIFEST = "backup.json";
    /** 2: the manifest lists the blobs the backup needs (format 1, before schema 5, held the bytes inside). */
    private static final int MANIFEST_FORMAT = 2;
    /** Held while a backup is made and while unneeded blobs are removed, so neither sees the other half-done. */
    private static final Object BLOBS = new Object();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** A restored database may not unpack to more than this (a zip bomb stops here). */
    private static final long MAX_DATABASE_BYTES = 8L << 30;
    private static final Logger LOG = Logger.getLogger(Backups.class.getName());

    /** Made when a manifest is first read or written, not at every start (the store check seldom reads one). */
    private static final class ManifestJson {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What a backup is worth. */
    public enum State {
        /** Opened and counted when it was written; its manifest says what it holds. */
        GOOD,
        /** A database without a manifest (made by Rihla 0.1, or elsewhere): checked when it is restored. */
        UNVERIFIED,
        /** Not a readable zip holding a database: never offered, never kept in place of a good one. */
        DAMAGED
    }

    /**
     * The manifest of a backup: the store it copies ({@code database} and {@code revision}, see
     * {@link ContentRevision}), its schema version, what it holds, the SHA-256 names of the blobs it needs
     * ({@code blobs}; empty for a store before schema 5, null in a format 1 manifest), and those of them the data
     * folder did not have whole when it was made ({@code missingBlobs}: a restore brings the store back as it
     * was, without them; null in a format 1 manifest).
     */
    public record Manifest(int format, Instant createdAt, String reason, String database, long revision,
                           int schemaVersion, StoreCounts counts, List<String> blobs, List<String> missingBlobs) {
        ContentRevision.Stamp stamp() {
            return new ContentRevision.Stamp(database, revision);
        }
    }

    /**
     * One backup file. {@code reason}: auto, manual, before-import, before-sync, before-restore, before-migration;
     * {@code manifest} is null unless the state is GOOD.
     */
    public record Backup(Path file, Instant createdAt, long sizeBytes, String reason, State state, Manifest manifest) {
    }

    /**
     * What became of the database a restore (or a rescue) replaced: backed up ({@code backup}, when it could
     * be read), kept as it was in {@code damaged/} ({@code damagedCopy}, when it could not), or neither when the
     * folder had none.
     */
    public record Replaced(Optional<Backup> backup, Optional<Path> damagedCopy) {
        static final Replaced NOTHING = new Replaced(Optional.empty(), Optional.empty());
    }

    private Backups() {
    }

    /**
     * Backs up the open database (safe while the app reads and writes), verifies the copy and records it.
     *
     * @throws StoreException {@code DISK_FULL}, {@code READ_ONLY} or {@code NOT_WRITABLE} when it cannot be
     *                        written; no file is left behind then
     */
    public static Backup create(Database database, String reason) {
        Path dataFolder = database.folder();
        Instant now = Instant.now();
        Path file = dataFolder.resolve(FOLDER).resolve(name(now, reason));
        Manifest[] written = new Manifest[1];
        try {
            synchronized (BLOBS) {
                AtomicFiles.make(file, temporary -> {
                    database.read(tx -> tx.update("BACKUP TO ?", temporary.toString()));
                    written[0] = withManifest(temporary, dataFolder, now, reason);
                });
            }
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.INVALID_BACKUP) {
                throw copyFailed(database, e);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            throw StoreException.of(e, dataFolder, StoreException.Reason.NOT_WRITABLE);
        }
        StoreMarker.recordBackup(dataFolder, written[0].stamp(), markerName(file));
        return backup(file, now, reason, State.GOOD, written[0]);
    }

    /**
     * Why a fresh copy of the open database did not read back whole: the database itself is damaged (it is
     * then marked so, and the next start offers a way out), or the copy went wrong on the way to the disk.
     */
    private static StoreException copyFailed(Database database, StoreException copy) {
        try {
            database.read(tx -> {
                StoreCheck.readEverything(tx.connection());
                return null;
            });
        } catch (StoreException e) {
            return e;  // the database's own error, already classified (and marked) as damage
        }
        return new StoreException(StoreException.Reason.NOT_WRITABLE, database.folder().toString(), copy);
    }

    /**
     * Backs up the database file of a closed data folder, as it is (the caller holds the folder's lock), and
     * verifies the copy. Used before a migration and before a restore, when nothing may write to the file.
     */
    static Backup ofClosedStore(Path dataFolder, String reason) {
        Instant now = Instant.now();
        Path file = dataFolder.resolve(FOLDER).resolve(name(now, reason));
        Manifest[] written = new Manifest[1];
        try {
            AtomicFiles.make(file, temporary -> {
                try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry(Database.DB_FILE));
                    Files.copy(dataFolder.resolve(Database.DB_FILE), zip);
                    zip.closeEntry();
                }
                written[0] = withManifest(temporary, dataFolder, now, reason);
            });
        } catch (IOException | RuntimeException e) {
            throw StoreException.of(e, dataFolder, StoreException.Reason.NOT_WRITABLE);
        }
        return backup(file, now, reason, State.GOOD, written[0]);
    }

    private static String name(Instant at, String reason) {
        return "rihla-" + STAMP.format(at) + "-" + reason + ".zip";
    }

    private static Backup backup(Path file, Instant at, String reason, State state, Manifest manifest) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return new Backup(file, at, size, reason, state, manifest);
    }

    /**
     * Verifies a freshly made backup zip and adds its manifest to it, naming the blobs it needs that the data
     * folder does not hold (a photo file gone from the disk: the backup still keeps everything else); returns the
     * manifest.
     */
    private static Manifest withManifest(Path zip, Path dataFolder, Instant at, String reason) throws IOException {
        Manifest verified = verify(zip, dataFolder, at, reason);
        BlobStore blobs = new BlobStore(dataFolder);
        List<String> missing = verified.blobs().stream().filter(name -> !Files.isRegularFile(blobs.path(name))).toList();
        if (!missing.isEmpty()) {
            LOG.warning(() -> "Backed up without " + missing.size() + " attachment files missing from the data folder: "
                    + missing);
        }
        Manifest manifest = new Manifest(verified.format(), verified.createdAt(), verified.reason(), verified.database(),
                verified.revision(), verified.schemaVersion(), verified.counts(), verified.blobs(), missing);
        // The zip file system copies the database entry as it is (no second compression) beside the manifest.
        try (FileSystem zipped = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.write(zipped.getPath(MANIFEST),
                    ManifestJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        }
        return manifest;
    }

    /**
     * Opens the database inside {@code zip} (unpacked into a work folder of {@code dataFolder}), read-only,
     * reads it whole ({@link StoreCheck#readEverything}) and counts what it holds.
     *
     * @throws StoreException {@code INVALID_BACKUP} when it is not a Rihla database; {@code NEWER_VERSION}
     *                        when a newer Rihla wrote it
     */
    static Manifest verify(Path zip, Path dataFolder, Instant at, String reason) throws IOException {
        Path work = StoreJournal.newWorkFolder(dataFolder);
        try {
            Path database = unpack(zip, work);
            try (Connection connection = StoreCheck.openReadOnly(database)) {
                StoreCheck.readEverything(connection);
                StoreCheck.Contents contents = StoreCheck.contents(connection);
                if (contents.failedMigration()) {
                    throw invalid(zip, null);
                }
                if (contents.schemaVersion() > Database.SCHEMA_VERSION) {
                    throw new StoreException(StoreException.Reason.NEWER_VERSION, zip.toString(), null);
                }
                return new Manifest(MANIFEST_FORMAT, at, reason, contents.stamp().database(),
                        contents.stamp().revision(), contents.schemaVersion(), StoreCheck.counts(connection),
                        List.copyOf(blobsNeeded(connection)), List.of());
            } catch (SQLException e) {
                throw invalid(zip, e);
            }
        } finally {
            AtomicFiles.deleteQuietly(work);
        }
    }

    /**
     * The blobs a database needs, by SHA-256: those of its attachments, live or in the trash, that are not
     * purged. None for a store before schema 5 (its attachment bytes are inside).
     */
    static SortedSet<String> blobsNeeded(Connection connection) throws SQLException {
        SortedSet<String> needed = new TreeSet<>();
        if (StoreCheck.hasColumn(connection, "ATTACHMENT", "CONTENT")) {
            return needed;
        }
        // Read as every row is (Tx.list): a hash the field model refuses, changed by hand, is CHANGED_VALUE.
        needed.addAll(new Tx(connection, null).list("SELECT id, sha256 FROM attachment WHERE purged_at IS NULL",
                row -> row.getString("sha256")));
        return needed;
    }

    /**
     * Removes the blobs that neither the open store (its live and trashed attachments) nor any kept backup
     * needs. Runs on the writer thread ({@link Database#maintain}), so no attachment is being added meanwhile,
     * and never while a backup is being made.
     *
     * @return how many bytes were freed
     */
    public static long removeUnneededBlobs(Database database) {
        return database.maintain(tx -> {
            synchronized (BLOBS) {
                Set<String> needed = new HashSet<>(blobsNeeded(tx.connection()));
                for (Backup backup : list(database.folder())) {
                    needed.addAll(blobsOf(backup, database.folder()));
                }
                try {
                    return tx.blobs().removeAllBut(needed);
                } catch (IOException e) {
                    LOG.log(Level.INFO, "Could not list the blobs of " + database.folder(), e);
                    return 0L;
                }
            }
        });
    }

    /**
     * The blobs {@code backup} needs: as its manifest lists them; none for a store before schema 5; and, without
     * a manifest to go by (a backup made elsewhere, or one whose manifest no longer reads), as its own database
     * says — what a restore goes by. None when that database cannot be read either: it can no longer be restored.
     */
    private static Set<String> blobsOf(Backup backup, Path dataFolder) {
        Manifest manifest = backup.manifest();
        if (manifest != null && manifest.blobs() != null) {
            return Set.copyOf(manifest.blobs());
        }
        if (manifest != null && manifest.schemaVersion() < AttachmentBlobsMigration.VERSION) {
            return Set.of();
        }
        Path work = null;
        try {
            work = StoreJournal.newWorkFolder(dataFolder);
            try (Connection connection = StoreCheck.openReadOnly(unpack(backup.file(), work))) {
                return blobsNeeded(connection);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "No blobs kept for a backup that cannot be read: " + backup.file(), e);
            return Set.of();
        } finally {
            if (work != null) {
                AtomicFiles.deleteQuietly(work);
            }
        }
    }

    /** The backups of a data folder, newest first, each with its state; reading a folder that has none is empty. */
    public static List<Backup> list(Path dataFolder) {
        return names(dataFolder).stream().map(named -> read(named.file(), named.createdAt(), named.reason())).toList();
    }

    /**
     * The newest backup of the store {@code database} (the most that any backup knows of it),
     * reading only as many backups as it takes.
     */
    static Optional<Backup> newestOf(Path dataFolder, String database) {
        for (Named named : names(dataFolder)) {
            Backup backup = read(named.file(), named.createdAt(), named.reason());
            if (backup.manifest() != null && database.equals(backup.manifest().database())) {
                return Optional.of(backup);
            }
        }
        return Optional.empty();
    }

    /**
     * The newest backup in {@code dataFolder} (by the time in its name) as the marker names a backup
     * ({@link StoreMarker#recordBackup}); empty if there is none.
     */
    static Optional<String> newestMarkerName(Path dataFolder) {
        return names(dataFolder).stream().findFirst().map(named -> markerName(named.file()));
    }

    /** A backup as the marker names it: its file name and its size in bytes (another file in its place differs). */
    private static String markerName(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;  // gone: names no backup the marker could have seen
        }
        return file.getFileName() + " " + size;
    }

    /** A backup file as its name describes it. */
    private record Named(Path file, Instant createdAt, String reason) {
    }

    /** The backup files of a data folder by their names ({@code rihla-<time>-<reason>.zip}), newest first. */
    private static List<Named> names(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        List<Named> named = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return named;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "rihla-*.zip")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String[] parts = name.substring("rihla-".length(), name.length() - ".zip".length()).split("-", 4);
                if (parts.length != 4) {
                    continue;
                }
                try {
                    named.add(new Named(file, STAMP.parse(parts[0] + "-" + parts[1] + "-" + parts[2], Instant::from),
                            parts[3]));
                } catch (RuntimeException e) {
                    // not a name Rihla gives
                }
            }
        } catch (IOException e) {
            throw StoreException.of(e, folder, StoreException.Reason.FAILED);
        }
        named.sort(Comparator.comparing(Named::createdAt).reversed());
        return named;
    }

    private static Backup read(Path file, Instant at, String reason) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(Database.DB_FILE) == null) {
                return backup(file, at, reason, State.DAMAGED, null);
            }
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                return backup(file, at, reason, State.UNVERIFIED, null);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return backup(file, at, reason, State.GOOD, ManifestJson.MAPPER.readValue(in, Manifest.class));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Damaged backup " + file, e);
            return backup(file, at, reason, State.DAMAGED, null);
        }
    }

    /**
     * The newest backup that can be restored: each is unpacked and read whole ({@link #verify}), newest first,
     * so one damaged since it was written is passed over. Only backups of the store {@code database} when given.
     * Empty when there is none. Takes as long as reading the backups it tries.
     */
    public static Optional<Backup> newestGood(Path dataFolder, Optional<String> database) {
        for (Backup backup : list(dataFolder)) {
            if (backup.state() == State.DAMAGED || database.isPresent() && (backup.manifest() == null
                    || !database.get().equals(backup.manifest().database()))) {
                continue;
            }
            try {
                Manifest manifest = verify(backup.file(), dataFolder, backup.createdAt(), backup.reason());
                return Optional.of(new Backup(backup.file(), backup.createdAt(), backup.sizeBytes(),
                        backup.reason(), State.GOOD, backup.manifest() != null ? backup.manifest() : manifest));
            } catch (IOException | StoreException e) {
                LOG.log(Level.INFO, "Not a backup that can be restored: " + backup.file(), e);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code backup} as it reads now: every entry of the zip is read through to its CRC-32 (the zip format's
     * own checksum), so a file damaged since it was written is DAMAGED. Takes as long as reading the file.
     */
    public static Backup checked(Backup backup) {
        if (backup.state() == State.DAMAGED) {
            return backup;
        }
        try (InputStream file = Files.newInputStream(backup.file()); ZipInputStream in = new ZipInputStream(file)) {
            while (in.getNextEntry() != null) {
                in.transferTo(OutputStream.nullOutputStream());  // a CRC-32 mismatch throws at the entry's end
            }
            return backup;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Backup damaged since it was written: " + backup.file(), e);
            return new Backup(backup.file(), backup.createdAt(), backup.sizeBytes(), backup.reason(), State.DAMAGED,
                    null);
        }
    }

    /**
     * Keeps the newest {@code keep} automatic backups that are not damaged, and as many taken before a sync (which
     * runs every few minutes); older ones of these two reasons, and damaged ones, go. Backups made for another
     * reason (manual, before an import, a restore, a migration) stay.
     */
    public static void prune(Path dataFolder, int keep) {
        Map<String, Integer> kept = new HashMap<>();
        for (Backup backup : list(dataFolder)) {
            if (!backup.reason().equals("auto") && !backup.reason().equals("before-sync")) {
                continue;
            }
            if (backup.state() != State.DAMAGED && kept.merge(backup.reason(), 1, Integer::sum) <= keep) {
                continue;
            }
            try {
                Files.deleteIfExists(backup.file());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not remove the old backup " + backup.file(), e);
            }
        }
    }

    /**
     * Replaces the database of a closed data folder with a backup. The backup is unpacked and opened first;
     * if it is not a Rihla database, nothing changes. The database it replaces is never opened for writing:
     * when it can be read, it is backed up first ({@code before-restore}); when it is damaged, it is kept
     * as it is in {@code damaged/}. The restored store starts a history of its own ({@link ContentRevision#fork}),
     * so the search index is rebuilt from it. A kill at any moment leaves the old database or the restored one.
     *
     * @return what became of the replaced database
     * @throws StoreException {@code IN_USE} while Rihla runs on the folder; {@code INVALID_BACKUP} for a file
     *                        that is not a Rihla backup, {@code DAMAGED_BACKUP} for one that no longer reads back
     *                        whole; {@code NEWER_VERSION}; {@code DISK_FULL} and the like
     */
    public static Replaced restore(Path dataFolder, Path backupZip) {
        if (!Files.isRegularFile(backupZip) || !Files.isReadable(backupZip)) {
            throw invalid(backupZip, null);
        }
        try (FolderLock lock = FolderLock.acquire(dataFolder)) {
            StoreJournal.finishOrUndo(dataFolder);
            return replaceStore(dataFolder, "restore", work -> {
                Path database = unpack(backupZip, work);
                Set<String> blobs;
                try (Connection connection = StoreCheck.openReadOnly(database)) {
                    StoreCheck.readEverything(connection);  // a damaged copy never replaces a store
                    blobs = blobsNeeded(connection);
                } catch (SQLException e) {
                    throw invalid(backupZip, e);
                }
                bringBlobs(blobs, missingWhenMade(backupZip), dataFolder, backupZip);
                try {
                    return Database.forkIn(work);
                } catch (StoreException e) {
                    throw switch (e.reason()) {
                        case NEWER_VERSION -> new StoreException(e.reason(), backupZip.toString(), e);
                        case DISK_FULL, READ_ONLY, NOT_WRITABLE -> e;
                        default -> invalid(backupZip, e);
                    };
                }
            });
        }
    }

    /** The blobs the backup's manifest says were missing when it was made; none when it has no readable manifest. */
    private static Set<String> missingWhenMade(Path backupZip) {
        Manifest manifest = read(backupZip, Instant.EPOCH, "").manifest();
        return manifest == null || manifest.missingBlobs() == null ? Set.of() : Set.copyOf(manifest.missingBlobs());
    }

    /**
     * Makes sure every blob in {@code needed} is in the data folder and reads back exactly (each is hashed
     * whole): those missing here are copied from the data folder the backup was made in, when {@code backupZip}
     * lies in another one's {@code backups} folder. Blobs that were already missing when the backup was made
     * ({@code missingWhenMade}) may stay missing: the store comes back as it was, those attachments reading as
     * missing.
     *
     * @throws StoreException {@code BACKUP_MISSING_ATTACHMENTS} when others are found nowhere whole; nothing of
     *                        the store is changed then (blobs copied in are only unneeded files until removed)
     */
    private static void bringBlobs(Set<String> needed, Set<String> missingWhenMade, Path dataFolder, Path backupZip)
            throws IOException {
        BlobStore here = new BlobStore(dataFolder);
        Path backups = backupZip.toAbsolutePath().getParent();
        Optional<BlobStore> home = backups != null && backups.getFileName() != null
                && backups.getFileName().toString().equals(FOLDER) && backups.getParent() != null
                && !Files.isSameFile(backups.getParent(), dataFolder)
                ? Optional.of(new BlobStore(backups.getParent())) : Optional.empty();
        List<String> missing = new ArrayList<>();
        for (String sha256 : needed) {
            if (here.verify(sha256)) {
                continue;
            }
            if (home.isPresent() && home.get().verify(sha256)) {
                try (InputStream in = Files.newInputStream(home.get().path(sha256))) {
                    here.put(sha256, in);
                }
                continue;
            }
            if (!missingWhenMade.contains(sha256)) {
                missing.add(sha256);
            }
        }
        if (!missing.isEmpty()) {
            LOG.warning(() -> "The backup " + backupZip + " needs " + missing.size() + " blobs found nowhere whole: "
                    + missing);
            throw new StoreException(StoreException.Reason.BACKUP_MISSING_ATTACHMENTS, backupZip.toString(), null);
        }
    }

    /** Makes the new database in a work folder and returns it, stamped, ready to be swapped in. */
    @FunctionalInterface
    interface Preparation {
        Database.Prepared prepare(Path workFolder) throws IOException;
    }

    /**
     * Replaces the database of a closed, locked data folder with one that {@code preparation} makes in a work
     * folder: the current database is backed up first when it can be read, or kept in {@code damaged/} when it
     * cannot; then the new one is swapped in ({@link StoreJournal}).
     */
    static Replaced replaceStore(Path dataFolder, String operation, Preparation preparation) {
        Path work = null;
        try {
            work = StoreJournal.newWorkFolder(dataFolder);
            Database.Prepared prepared = preparation.prepare(work);
            Replaced safety = keepCurrent(dataFolder, operation);
            StoreJournal.swapIn(dataFolder, operation, prepared.file(), prepared.stamp());
            return safety;
        } catch (IOException e) {
            throw StoreException.of(e, dataFolder, StoreException.Reason.NOT_WRITABLE);
        } finally {
            if (work != null) {
                AtomicFiles.deleteQuietly(work);
            }
        }
    }

    private static Replaced keepCurrent(Path dataFolder, String operation) throws IOException {
        Path current = dataFolder.resolve(Database.DB_FILE);
        if (!Files.isRegularFile(current)) {
            return Replaced.NOTHING;
        }
        try {
            StoreCheck.examine(dataFolder);
            return new Replaced(Optional.of(ofClosedStore(dataFolder, "before-" + operation)), Optional.empty());
        } catch (DamagedStoreException damaged) {
            Path kept = dataFolder.resolve(DAMAGED_FOLDER).resolve("rihla-" + STAMP.format(Instant.now()) + ".mv.db");
            AtomicFiles.make(kept, temporary -> Files.copy(current, temporary));
            LOG.warning(() -> "The damaged database was kept as " + kept);
            return new Replaced(Optional.empty(), Optional.of(kept));
        }
    }

    private static Path unpack(Path zip, Path work) {
        Path target = work.resolve(Database.DB_FILE);
        boolean found = false;
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST)) {
                    continue;
                }
                if (entry.isDirectory() || !entry.getName().endsWith(".mv.db") || found) {
                    throw invalid(zip, null);
                }
                copyLimited(in, target, zip);
                found = true;
            }
        } catch (ZipException e) {
            throw invalid(zip, e);
        } catch (IOException e) {
            throw StoreException.of(e, work, () -> invalid(zip, e));
        }
        if (!found) {
            throw invalid(zip, null);
        }
        return target;
    }

    private static void copyLimited(InputStream in, Path target, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > MAX_DATABASE_BYTES) {
                    throw invalid(zip, null);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /**
     * The refusal of {@code zip}: DAMAGED_BACKUP for a backup Rihla wrote (its zip names a database and a
     * manifest) that no longer reads back whole, INVALID_BACKUP for anything else.
     */
    private static StoreException invalid(Path zip, Throwable cause) {
        boolean ours;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ours = file.getEntry(Database.DB_FILE) != null && file.getEntry(MANIFEST) != null;
        } catch (IOException | RuntimeException e) {
            ours = false;
        }
        return new StoreException(ours ? StoreException.Reason.DAMAGED_BACKUP : StoreException.Reason.INVALID_BACKUP,
                zip.toString(), cause);
    }
}
