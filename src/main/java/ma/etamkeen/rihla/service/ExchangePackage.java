package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * A {@code .rihla} package that was read and checked whole: its manifest, its records with the versions the
 * sender knows of each, and its attachments (read from the file when they are written in). Close it after.
 */
public final class ExchangePackage implements AutoCloseable {

    /**
     * What the package says about itself.
     *
     * @param senderKey the public key that signed it (Base64, X.509), null when it is not signed
     */
    public record Manifest(int format, String app, Instant exportedAt, String exportedBy, String scope,
                           Map<String, Integer> counts, String senderKey) {
    }

    /** A record as it came, with every version of it the sender has sent or received. */
    public record Incoming(Record record, List<String> versions) {
    }

    private final Path file;
    private final Manifest manifest;
    private final Map<RecordKind<?>, List<Incoming>> records;
    /** An attachment's bytes by the attachment's id, null when none came. */
    private final Function<UUID, byte[]> attachments;
    private final AutoCloseable source;

    private ExchangePackage(Path file, Manifest manifest, Map<RecordKind<?>, List<Incoming>> records,
                            Function<UUID, byte[]> attachments, AutoCloseable source) {
        this.file = file;
        this.manifest = manifest;
        this.records = records;
        this.attachments = attachments;
        this.source = source;
    }

    /** A package read from a file; {@code entries} are its entries by their name with "/" separators. */
    static ExchangePackage of(Path file, ZipFile zip, Map<String, ZipEntry> entries, Manifest manifest,
                              Map<RecordKind<?>, List<Incoming>> records) {
        return new ExchangePackage(file, manifest, records, id -> {
            ZipEntry entry = entries.get(ExchangeFormat.attachmentEntry(id));
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, zip);
    }

    /**
     * A change set that came another way than a file (a sync hub's rows, a conflict kept to be settled), with
     * its attachments' bytes by attachment id (null when none came); {@link #file()} is null.
     */
    static ExchangePackage of(Manifest manifest, Map<RecordKind<?>, List<Incoming>> records,
                              Function<UUID, byte[]> attachments) {
        return new ExchangePackage(null, manifest, records, attachments, () -> { });
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The records of each kind, in the order they are written in. */
    public Map<RecordKind<?>, List<Incoming>> records() {
        return records;
    }

    public int size() {
        return records.values().stream().mapToInt(List::size).sum();
    }

    /** The bytes of an attachment (a package's were checked against their checksum when it was read), or null. */
    byte[] attachment(UUID id) {
        return attachments.apply(id);
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
