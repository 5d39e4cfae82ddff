package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Copies of the database in {@code <data folder>/backups}: made by H2 (a consistent online copy), listed
 * newest first, and restored into a closed data folder — after checking the copy opens and after backing up
 * what it replaces.
 */
public final class Backups {
    public static final String FOLDER = "backups";
    private static final String DB_FILE = Database.FILE_NAME + ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** A restored database may not unpack to more than this (a zip bomb stops here). */
    private static final long MAX_DATABASE_BYTES = 8L << 30;

    /** One backup file. {@code reason}: auto, manual, before-restore, before-migration. */
    public record Backup(Path file, Instant createdAt, long sizeBytes, String reason) {
    }

    private Backups() {
    }

    /** Backs up the open database; safe while the app reads and writes. */
    public static Backup create(Database database, String reason) {
        Path folder = database.folder().resolve(FOLDER);
        Instant now = Instant.now();
        Path file = folder.resolve("rihla-" + STAMP.format(now) + "-" + reason + ".zip");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), e);
        }
        database.read(tx -> tx.update("BACKUP TO ?", file.toString()));
        try {
            return new Backup(file, now, Files.size(file), reason);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, file.toString(), e);
        }
    }

    /** The backups of a data folder, newest first. */
    public static List<Backup> list(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "rihla-*.zip")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String[] parts = name.substring("rihla-".length(), name.length() - ".zip".length()).split("-", 4);
                if (parts.length == 4) {
                    Instant at = STAMP.parse(parts[0] + "-" + parts[1] + "-" + parts[2], Instant::from);
                    backups.add(new Backup(file, at, Files.size(file), parts[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreException(StoreException.Reason.FAILED, folder.toString(), e);
        }
        backups.sort(Comparator.comparing(Backup::createdAt).reversed());
        return backups;
    }

    /** Keeps the newest {@code keep} automatic backups; the others (manual, before a restore) stay. */
    public static void prune(Path dataFolder, int keep) {
        List<Backup> automatic = list(dataFolder).stream().filter(backup -> backup.reason().equals("auto")).toList();
        for (Backup old : automatic.subList(Math.min(keep, automatic.size()), automatic.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.NOT_WRITABLE, old.file().toString(), e);
            }
        }
    }

    /**
     * Replaces the database of a closed data folder with a backup. The backup is unpacked and opened first;
     * if it is not a Rihla database, nothing changes. The current database is backed up before it is replaced.
     */
    public static void restore(Path dataFolder, Path backupZip) {
        if (!Files.isRegularFile(backupZip) || !Files.isReadable(backupZip)) {
            throw invalid(backupZip, null);
        }
        Path work = dataFolder.resolve("restore-" + UUID.randomUUID());
        try {
            Files.createDirectories(work);
            Path candidate = unpack(backupZip, work);
            check(candidate.getParent(), backupZip);
            try (Database current = Database.open(dataFolder)) {
                create(current, "before-restore");
            }
            swap(dataFolder.resolve(DB_FILE), candidate, work.resolve("replaced.mv.db"));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, dataFolder.toString(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static Path unpack(Path zip, Path work) {
        Path target = work.resolve(DB_FILE);
        boolean found = false;
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.getName().endsWith(".mv.db") || found) {
                    throw invalid(zip, null);
                }
                copyLimited(in, target, zip);
                found = true;
            }
        } catch (ZipException e) {
            throw invalid(zip, e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID_BACKUP, zip.toString(), e);
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

    /** Opens the unpacked copy read-only: it must be a Rihla database this version can use. */
    private static void check(Path folder, Path zip) {
        String url = "jdbc:h2:file:" + folder.resolve(Database.FILE_NAME).toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "rihla", "");
             ResultSet versions = connection.createStatement().executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            versions.next();
            int version = versions.getInt(1);
            if (version > Database.SCHEMA_VERSION) {
                throw new StoreException(StoreException.Reason.NEWER_VERSION, zip.toString(), null);
            }
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM site").close();
        } catch (SQLException e) {
            throw invalid(zip, e);
        }
    }

    private static void swap(Path current, Path replacement, Path aside) throws IOException {
        boolean hadCurrent = Files.exists(current);
        if (hadCurrent) {
            Files.move(current, aside);
        }
        try {
            move(replacement, current);
        } catch (IOException e) {
            if (hadCurrent) {
                Files.move(aside, current, StandardCopyOption.REPLACE_EXISTING);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static StoreException invalid(Path zip, Throwable cause) {
        return new StoreException(StoreException.Reason.INVALID_BACKUP, zip.toString(), cause);
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder costs only disk space.
        }
    }
}
