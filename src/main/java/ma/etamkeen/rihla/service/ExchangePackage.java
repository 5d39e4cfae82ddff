package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Manifest manifest;
    private final Map<RecordKind<?>, List<Incoming>> records;

    /** @param entries the package's entries by their name with "/" separators */
    ExchangePackage(Path file, ZipFile zip, Map<String, ZipEntry> entries, Manifest manifest,
                    Map<RecordKind<?>, List<Incoming>> records) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
        this.manifest = manifest;
        this.records = records;
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

    /** The bytes of an attachment (they were checked against their checksum when the package was read). */
    byte[] attachment(UUID id) {
        var entry = entries.get(ExchangeFormat.attachmentEntry(id));
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
