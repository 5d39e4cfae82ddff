package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.MVStoreTool;

/**
 * Compaction at a quiet moment: when Rihla closes a store.
 *
 * <p>Why the file grows: H2's MVStore only appends. Each commit writes the pages it changed to a new chunk at
 * the end of the file, and an old chunk is reused only once none of its pages is live; a large transaction
 * (an import, or the search benchmark's 100,000 entries written 2,000 at a time) leaves many chunks mostly
 * empty. Measured: 672 MB for 100,000 entries, 83 MB once compacted (8×). H2 compacts only briefly when it
 * closes a database ({@code MAX_COMPACT_TIME}, 200 ms by default), which does not shrink such a file; its
 * fill-rate figures ({@code info.FILL_RATE} 40%) do not show it either.
 *
 * <p>So when a store's file has grown to more than twice its size after the last compaction (and past
 * {@link #MIN_BYTES}), closing it rewrites its live pages into a new file — H2's own {@link MVStoreTool#compact},
 * in a work folder — checks that the new file holds the same store (id and revision), and swaps it in through
 * {@link StoreJournal}: a kill at any moment leaves the old file or the new one, both whole. No H2 setting is
 * changed: durability stays as it is.
 */
final class StoreCompaction {
    /** The file's size in bytes after the last compaction (absent: never compacted). */
    static final String SIZE_FILE = "rihla.compacted";
    /**
     * Below this size (bytes) a file is never compacted: it costs little disk, and closing stays instant.
     * {@code rihla.compact.min-bytes} changes it (the fault suite compacts small stores).
     */
    static final long MIN_BYTES = Long.getLong("rihla.compact.min-bytes", 64L << 20);
    private static final Logger LOG = Logger.getLogger(StoreCompaction.class.getName());

    private StoreCompaction() {
    }

    /**
     * Compacts the closed database of {@code folder} (its lock held) if its file has grown past twice its
     * last compacted size and {@link #MIN_BYTES}; {@code stamp} is the store it holds. Never fails the close: a
     * compaction that cannot be done is logged and the store stays as it is.
     *
     * @return whether the file was compacted
     */
    static boolean compactIfGrown(Path folder, ContentRevision.Stamp stamp) {
        return compactIfGrown(folder, stamp, MIN_BYTES);
    }

    /** As {@link #compactIfGrown(Path, ContentRevision.Stamp)}, never below {@code minBytes}. */
    static boolean compactIfGrown(Path folder, ContentRevision.Stamp stamp, long minBytes) {
        try {
            long size = Files.size(folder.resolve(Database.DB_FILE));
            if (size <= minBytes || size <= 2 * lastCompactedSize(folder)) {
                return false;
            }
            long started = System.nanoTime();
            compact(folder, stamp);
            long compacted = Files.size(folder.resolve(Database.DB_FILE));
            AtomicFiles.write(folder.resolve(SIZE_FILE), Long.toString(compacted).getBytes(StandardCharsets.US_ASCII));
            LOG.info(() -> "Compacted " + folder + " from " + size + " to " + compacted + " bytes in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compact the store in " + folder + "; it stays as it is", e);
            return false;
        }
    }

    private static long lastCompactedSize(Path folder) {
        try {
            return Long.parseLong(Files.readString(folder.resolve(SIZE_FILE), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;  // never compacted, or the note is unreadable: the size alone decides
        }
    }

    private static void compact(Path folder, ContentRevision.Stamp stamp) throws IOException {
        Path work = StoreJournal.newWorkFolder(folder);
        try {
            // A copy, not a link: the tool opens the file it compacts, and the store itself is never touched.
            Path copy = Files.copy(folder.resolve(Database.DB_FILE), work.resolve(Database.DB_FILE));
            MVStoreTool.compact(copy.toString(), false);
            Database.Prepared compacted = Database.prepare(work, database -> { });
            if (!compacted.stamp().equals(stamp)) {
                throw new IllegalStateException("The compacted copy holds " + compacted.stamp() + ", not " + stamp);
            }
            StoreJournal.swapIn(folder, "compact", compacted.file(), compacted.stamp());
        } finally {
            AtomicFiles.deleteQuietly(work);
        }
    }
}
