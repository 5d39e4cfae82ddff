package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * A place every laptop reaches now and then, through which they sync: a shared folder ({@link FolderHub}) or a
 * PostgreSQL server ({@link PostgresHub}). A hub never decides a conflict: it only refuses a change made against
 * a version it no longer holds. Close it after the sync.
 */
interface Hub extends AutoCloseable {

    /** The id the hub keeps of itself (a folder's {@code rihla-hub.json}, a server's {@code hub_info}). */
    String id();

    /** What a person calls the hub: a folder's path, a server's address without its password. */
    String describe();

    /**
     * The change sets this laptop has not read yet, oldest first.
     *
     * @param cursors how far each source was read ({@link Batch#source()} to {@link Batch#position()})
     */
    List<Batch> unread(Map<String, Long> cursors);

    /**
     * Sends this laptop's change set, whole or not at all.
     *
     * @throws RejectedInput {@code sync.folder-unwritable}, {@code exchange.cannot-write}, {@code sync.hub-failed}
     */
    Pushed push(ChangeSet changes);

    /**
     * What a push did: the records the hub took (or already held), and those it refused because they were changed
     * there meanwhile by someone who had not seen this laptop's version (a conflict the next read brings); and,
     * for a hub of files, the source and position of what this laptop wrote (its own cursor), else null and 0.
     */
    record Pushed(Set<UUID> taken, Set<UUID> refused, String source, long position) {
    }

    /**
     * Whether the hub no longer holds what this laptop sent it (its folder was removed or replaced): everything
     * is then sent again. Known after {@link #unread}.
     */
    default boolean forgot() {
        return false;
    }

    @Override
    void close();

    /**
     * A change set to read: from {@code source} (a laptop's folder, a server's change sequence), up to
     * {@code position}; {@code name} says which in messages (a file's name in the hub, a change number).
     *
     * @param later whether one that cannot be read whole is left for a later sync (a file still being copied), or
     *              fails the sync (a server's rows)
     */
    record Batch(String source, long position, String name, boolean later, Supplier<ExchangePackage> open) {
    }

    /** One record this laptop sends, with every version of it this laptop has sent or received. */
    record Outgoing(Record record, Set<String> versions) {
    }

    /**
     * What this laptop sends: its records changed since the hub last had them.
     *
     * @param by          who sends it (the name written in {@code updated_by} here)
     * @param attachments an attachment's bytes, read from this laptop's blobs: null once purged, or when its blob is
     *                    missing here
     * @param writer      writes the change set as a {@code .rihla} package to the file given, whole or not at all
     */
    record ChangeSet(String by, List<Outgoing> records, Function<Record, byte[]> attachments, Consumer<Path> writer) {
        byte[] attachment(Record attachment) {
            return attachments.apply(attachment);
        }

        void writePackage(Path file) {
            writer.accept(file);
        }
    }
}
