package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim of one process on a data folder: an OS file lock on {@code <data folder>/rihla.lock}, held from
 * before the store is looked at until it is closed. A second Rihla (window or command) on the same folder,
 * in this process or another, is refused before it reads or repairs anything; the OS drops the lock when
 * the process dies, so a kill never leaves the folder locked.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE = "rihla.lock";
    /**
     * The folders this process holds. Asking about one of them must not open the lock file: on Linux, closing
     * any channel to a file releases every lock the process has on it (POSIX record locks; FileLock's notes).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder}, creating the folder if needed.
     *
     * @throws StoreException {@code IN_USE} when another Rihla holds it; {@code NOT_WRITABLE} when the folder
     *                        cannot be created or written
     */
    public static FolderLock acquire(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), e);
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), null);
        }
        if (HELD.contains(key(folder))) {
            throw new StoreException(StoreException.Reason.IN_USE, folder.toString(), null);  // by this process
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(folder, channel, null);
            }
            HELD.add(key(folder));
            return new FolderLock(folder, channel, lock);
        } catch (OverlappingFileLockException e) {
            throw inUse(folder, channel, e);  // held by this very process (a second window or workspace)
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, folder.toString(), e);
        }
    }

    /**
     * Whether another Rihla (another process, or another workspace of this one) holds the lock of
     * {@code folder} now. Takes and releases the lock at once when it is free; creates nothing.
     */
    public static boolean isHeld(Path folder) {
        if (HELD.contains(key(folder))) {
            return true;
        }
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;  // not ours to decide: opening the folder will say what is wrong
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    private static StoreException inUse(Path folder, FileChannel channel, Throwable cause) {
        closeQuietly(channel);
        return new StoreException(StoreException.Reason.IN_USE, folder.toString(), cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /** Releases the folder for another process. */
    @Override
    public void close() {
        HELD.remove(key(folder));
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
