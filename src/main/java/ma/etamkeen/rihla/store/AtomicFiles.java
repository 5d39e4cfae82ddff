package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the files a user relies on (backups, packages, briefs, preferences, the database put in place by
 * a restore or a migration) so that a crash, a kill or a full disk leaves either the old file or the whole
 * new one, never a part: written under a temporary name beside the target, synced to the disk
 * ({@code fsync}), renamed over the target in one step, and the folder synced so the rename survives a
 * power cut. The rule is POSIX {@code rename(2)}: atomic within one file system; Windows' MoveFileEx with
 * MOVEFILE_REPLACE_EXISTING, which {@link StandardCopyOption#ATOMIC_MOVE} uses there, behaves the same.
 */
public final class AtomicFiles {
    /** Temporary files start with this and end with {@link #PART}; a start removes those left by a kill. */
    public static final String PREFIX = ".rihla-";
    public static final String PART = ".part";
    /** How long a temporary file stays untouched before it is taken as left by a kill. */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(10);

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a file at the path it is given (a temporary file beside the target). */
    @FunctionalInterface
    public interface Maker {
        void make(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} whole or not at all.
     *
     * @throws IOException when writing fails (disk full, no permission); {@code target} is then as it was
     *                     and no temporary file is left
     */
    public static void write(Path target, Body body) throws IOException {
        make(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                body.writeTo(out);
            }
        });
    }

    /** Writes {@code bytes} as {@code target}, whole or not at all; see {@link #write(Path, Body)}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Lets {@code maker} fill a temporary file beside {@code target} (any way it likes: H2's BACKUP TO, a
     * zip file system), then syncs it and renames it over {@code target}.
     *
     * @throws IOException when making or moving fails; {@code target} is then as it was
     */
    public static void make(Path target, Maker maker) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        removeAbandoned(folder);
        Path temporary = temporaryBeside(target);
        try {
            maker.make(temporary);
            sync(temporary);
            replace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A new, unused name beside {@code target} for a file on its way there. */
    public static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, PREFIX, PART);
        Files.delete(temporary);  // the maker creates it (H2 refuses to back up onto an existing file)
        return temporary;
    }

    /** Renames {@code from} over {@code to} in one step and syncs the folder, so the rename is on the disk. */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(to.toAbsolutePath().getParent());
    }

    /** Forces a file's content to the disk. */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a folder's entries (a rename, a new file) to the disk. Only POSIX systems can open a folder
     * for this; elsewhere the file system orders it on its own (NTFS journals its metadata).
     */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel: nothing to do there.
        }
    }

    /** Removes a temporary file or folder with everything in it; what cannot be removed only costs space. */
    public static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(each -> each.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover is removed at the next start
        }
    }

    /**
     * Removes the temporary files a killed Rihla left in {@code folder} (a user's folder of briefs or
     * packages has no start to clean it): those untouched for {@link #ABANDONED_AFTER}, which no running
     * write can still own.
     */
    private static void removeAbandoned(Path folder) {
        java.time.Instant before = java.time.Instant.now().minus(ABANDONED_AFTER);
        try (var files = Files.newDirectoryStream(folder, PREFIX + "*" + PART)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed fails on the write itself
        }
    }

    /** Whether {@code file} is one of the temporary files this class makes. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(PART);
    }
}
