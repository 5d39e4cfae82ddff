package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.model.Codes;

/**
 * The bytes of attachments, each kept once as an immutable file named by its SHA-256 (content-addressed):
 * {@code <data folder>/blobs/<first two hex digits>/<64 hex digits>}. The same photo attached twice, or held
 * by the store and twenty backups, is one file. A blob is written whole under a temporary name, synced to the
 * disk and renamed ({@link AtomicFiles}) before the row that names it commits; it is never changed after, and
 * removed only by {@link Backups#removeUnneededBlobs} when neither the store (its live and trashed attachments)
 * nor any kept backup needs it. Every read checks the bytes against their name.
 */
public final class BlobStore {
    public static final String FOLDER = "blobs";
    private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());

    private final Path root;

    /**
     * The bytes given for a blob were not its bytes: they could not be read ({@link #unreadable}), or they hash
     * to another name. Nothing was stored.
     */
    public static final class RefusedBytes extends IOException {
        private final boolean unreadable;

        RefusedBytes(String message, boolean unreadable, Throwable cause) {
            super(message, cause);
            this.unreadable = unreadable;
        }

        /** Whether reading them failed (rather than their hash). */
        public boolean unreadable() {
            return unreadable;
        }
    }

    /** The blobs of the data folder {@code dataFolder} (the folder is made by the first {@link #put}). */
    public BlobStore(Path dataFolder) {
        this.root = dataFolder.resolve(FOLDER);
    }

    /** The file of the blob {@code sha256} (64 lower-case hex digits), whether it exists or not. */
    public Path path(String sha256) {
        if (!Codes.sha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Stores the bytes of {@code content} as the blob {@code sha256}, synced to the disk when it returns. When
     * a blob of that name is already there and reads back right, nothing is written (stored once); a damaged
     * one is replaced.
     *
     * @throws RefusedBytes when {@code content} cannot be read or is not the bytes named {@code sha256}
     * @throws IOException   when the disk refuses them (full, read-only, something else in the blob's place);
     *                       nothing is stored either way
     */
    public void put(String sha256, InputStream content) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target) && matches(target, sha256)) {
            return;
        }
        AtomicFiles.make(target, temporary -> {
            MessageDigest digest = Sha256.digest();
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = readGiven(content, buffer)) > 0) {
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String written = Sha256.hex(digest);
            if (!written.equals(sha256)) {
                throw new RefusedBytes("the bytes given for blob " + sha256 + " hash to " + written, false, null);
            }
        });
    }

    private static int readGiven(InputStream content, byte[] buffer) throws RefusedBytes {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new RefusedBytes("the bytes given cannot be read: " + e.getMessage(), true, e);
        }
    }

    /**
     * The bytes of the blob {@code sha256}, checked against their name.
     *
     * @throws IOException {@link NoSuchFileException} when it is missing, or an IOException saying it no longer
     *                     matches its SHA-256 (damaged on the disk)
     */
    public byte[] read(String sha256) throws IOException {
        byte[] content = Files.readAllBytes(path(sha256));
        if (!Sha256.of(content).equals(sha256)) {
            throw new IOException("blob " + sha256 + " no longer matches its SHA-256: damaged on the disk");
        }
        return content;
    }

    /** Whether the blob file {@code file} holds the bytes named {@code sha256}; false when it cannot be read. */
    static boolean matches(Path file, String sha256) {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.of(in).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the blob {@code sha256} is stored and reads back right (its whole content is hashed). */
    public boolean verify(String sha256) {
        return matches(path(sha256), sha256);
    }

    /** The names (SHA-256) of every blob stored; temporary files and foreign files are left out. */
    public Set<String> names() throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(root, "??")) {
            for (Path prefix : prefixes) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (Codes.sha256(name) && name.startsWith(prefix.getFileName().toString())) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /**
     * Removes every blob not in {@code needed}; returns how many bytes that freed. What cannot be removed
     * stays (it only costs space, and goes at a later pass).
     */
    long removeAllBut(Set<String> needed) throws IOException {
        long freed = 0;
        removeTemporaryFiles();
        for (String name : names()) {
            if (needed.contains(name)) {
                continue;
            }
            Path file = path(name);
            try {
                long size = Files.size(file);
                Files.delete(file);
                freed += size;
            } catch (IOException e) {
                LOG.log(Level.INFO, "Could not remove the blob " + file, e);
            }
        }
        return freed;
    }

    /**
     * Removes what a killed put left ({@link AtomicFiles#isTemporary}). Called only where no put can be under
     * way: on the writer thread, which every put runs on.
     */
    private void removeTemporaryFiles() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(root, "??")) {
            for (Path prefix : prefixes) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix, AtomicFiles.PREFIX + "*")) {
                    for (Path file : files) {
                        if (AtomicFiles.isTemporary(file)) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        }
    }

    /** The folder that holds the blobs. */
    public Path root() {
        return root;
    }
}
