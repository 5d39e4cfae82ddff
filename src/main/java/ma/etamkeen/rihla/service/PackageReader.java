package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.ExchangeRepository.Kind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * Reads a {@code .rihla} package and checks all of it before anything is written: that it is a whole zip
 * with safe names and sane sizes, that every file matches its checksum, that the records are well formed,
 * in UTF-8, and point only at sites, themes, people and entries that exist here or in the package. The
 * first problem is refused with a message naming it.
 */
final class PackageReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Map<Kind, Set<String>> REQUIRED = Map.of(
            Kind.ADMINISTRATION, Set.of(),
            Kind.DELEGATE, Set.of("name"),
            Kind.LESSON, Set.of("site_id", "title"),
            Kind.IDEA, Set.of("site_id", "title", "status"),
            Kind.NOTE, Set.of("site_id", "body"),
            Kind.ATTACHMENT, Set.of("site_id", "owner_kind", "owner_id", "file_name", "media_type", "size_bytes", "sha256"));
    private static final Set<String> LONG_TEXTS = Set.of("body", "observed", "why_it_works", "description",
            "prerequisites", "caption");
    private static final Map<String, Set<String>> CHOICES = Map.of(
            "status", Set.of("proposed", "under-study", "piloting", "adopted", "dropped"),
            "effort", Set.of("S", "M", "L"),
            "impact", Set.of("low", "medium", "high"),
            "owner_kind", Set.of("site", "note", "lesson", "idea"));

    private final Path file;
    private final String name;
    private long unpacked;

    private PackageReader(Path file) {
        this.file = file;
        this.name = String.valueOf(file.getFileName());
    }

    static ExchangePackage read(Path file, Database database) {
        return new PackageReader(file).read(database);
    }

    private ExchangePackage read(Database database) {
        ZipFile zip = open();
        try {
            checkNames(zip);
            ZipEntry manifestEntry = zip.getEntry(ExchangeFormat.MANIFEST);
            if (manifestEntry == null) {
                throw refused("exchange.no-manifest", name);
            }
            JsonNode manifest = json(zip, manifestEntry);
            int format = manifest.path("format").asInt(-1);
            if (format > ExchangeFormat.FORMAT) {
                throw refused("exchange.newer-format", name, format, ExchangeFormat.FORMAT);
            }
            if (format < 1 || !manifest.path("checksums").isObject()) {
                throw refused("exchange.bad-json", name, ExchangeFormat.MANIFEST, "format, checksums");
            }
            Map<String, String> checksums = new HashMap<>();
            manifest.path("checksums").fields().forEachRemaining(entry -> checksums.put(entry.getKey(), entry.getValue().asText()));

            Map<Kind, List<ExchangePackage.Incoming>> records = new EnumMap<>(Kind.class);
            Map<UUID, Kind> ids = new HashMap<>();
            for (Kind kind : Kind.values()) {
                String entryName = ExchangeFormat.recordsEntry(kind.code());
                ZipEntry entry = zip.getEntry(entryName);
                List<ExchangePackage.Incoming> incoming = new ArrayList<>();
                if (entry != null) {
                    byte[] bytes = bytes(zip, entry, ExchangeFormat.MAX_RECORDS_BYTES);
                    checkSum(entryName, bytes, checksums);
                    JsonNode array = parse(entryName, bytes);
                    if (!array.isArray()) {
                        throw refused("exchange.bad-json", name, entryName, "not a list");
                    }
                    for (JsonNode node : array) {
                        ExchangePackage.Incoming record = record(kind, entryName, node);
                        Kind other = ids.putIfAbsent(record.record().id(), kind);
                        if (other != null) {
                            throw refused("exchange.duplicate-id", name, record.record().id(), term(other), term(kind));
                        }
                        incoming.add(record);
                    }
                }
                int counted = manifest.path("counts").path(kind.code()).asInt(0);
                if (counted != incoming.size()) {
                    throw refused("exchange.bad-record", name, entryName,
                            "manifest counts " + counted + ", file holds " + incoming.size());
                }
                records.put(kind, incoming);
            }
            checkAttachments(zip, records.get(Kind.ATTACHMENT), checksums);
            checkReferences(database, records, ids);
            ExchangePackage.Manifest summary = new ExchangePackage.Manifest(format, manifest.path("app").asText(""),
                    instantOrNull(manifest.path("exportedAt").asText(null)), manifest.path("exportedBy").path("name").asText(""),
                    manifest.path("scope").path("kind").asText("all"), counts(records));
            return new ExchangePackage(file, zip, summary, records);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private ZipFile open() {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw refused(startsLikeAZip() ? "exchange.damaged" : "exchange.not-a-package", name, e.getMessage());
        } catch (IOException e) {
            throw refused("exchange.unreadable", name, e.getMessage());
        }
    }

    /** A cut-short zip still starts like one; anything else is not a zip at all. */
    private boolean startsLikeAZip() {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4);
            return start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** No name may lead out of the package (../x, /etc/x, C:\x), whatever reads it later. */
    private void checkNames(ZipFile zip) {
        for (Iterator<? extends ZipEntry> entries = zip.entries().asIterator(); entries.hasNext(); ) {
            String entryName = entries.next().getName();
            boolean safe = SAFE_NAME.matcher(entryName).matches() && !entryName.contains("..")
                    || entryName.endsWith("/") && SAFE_NAME.matcher(entryName.substring(0, entryName.length() - 1)).matches();
            if (!safe) {
                throw refused("exchange.unsafe-path", name, entryName);
            }
        }
    }

    private ExchangePackage.Incoming record(Kind kind, String entryName, JsonNode node) {
        if (!node.isObject()) {
            throw badRecord(entryName, "not an object");
        }
        UUID id = uuid(entryName, node, "id", true);
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("id");
        JsonNode versionsNode = fields.remove("versions");
        Set<String> required = REQUIRED.get(kind);
        for (Map.Entry<String, Character> column : kind.columns().entrySet()) {
            String field = column.getKey();
            JsonNode value = fields.get(field);
            boolean mandatory = required.contains(field) || field.equals("created_at") || field.equals("updated_at")
                    || field.equals("updated_by");
            if (value == null || value.isNull()) {
                if (mandatory) {
                    throw badRecord(entryName, id + ": " + field + " is missing");
                }
                fields.putNull(field);
                continue;
            }
            switch (column.getValue()) {
                case 'U' -> uuid(entryName, fields, field, true);
                case 'I' -> parse(entryName, id, field, () -> Instant.parse(value.asText()), value.isTextual());
                case 'D' -> parse(entryName, id, field, () -> LocalDate.parse(value.asText()), value.isTextual());
                case 'L' -> {
                    if (!value.canConvertToLong() || value.asLong() < 0) {
                        throw badRecord(entryName, id + ": " + field + " is not a size");
                    }
                }
                default -> {
                    if (!value.isTextual()) {
                        throw badRecord(entryName, id + ": " + field + " is not text");
                    }
                    int limit = LONG_TEXTS.contains(field) ? Limits.TEXT_CHARS : Math.max(Limits.TITLE_CHARS, 1000);
                    if (value.asText().length() > limit) {
                        throw refused("exchange.too-long", name, term(kind), id, field, value.asText().length(), limit);
                    }
                    Set<String> choices = CHOICES.get(field);
                    if (choices != null && !choices.contains(value.asText())) {
                        throw badRecord(entryName, id + ": " + field + " = " + value.asText());
                    }
                }
            }
        }
        if (kind == Kind.ATTACHMENT && !HASH.matcher(fields.path("sha256").asText()).matches()) {
            throw badRecord(entryName, id + ": sha256");
        }
        for (String list : List.of("themes", "targets")) {
            boolean carried = list.equals("themes") ? kind.hasThemes() : kind.hasTargets();
            if (carried && !fields.path(list).isArray()) {
                throw badRecord(entryName, id + ": " + list + " is not a list");
            }
            if (carried) {
                for (JsonNode item : fields.path(list)) {
                    if (!item.isTextual() || list.equals("targets") && !isUuid(item.asText())) {
                        throw badRecord(entryName, id + ": " + list);
                    }
                }
            }
        }
        List<String> versions = new ArrayList<>();
        if (versionsNode != null) {
            if (!versionsNode.isArray()) {
                throw badRecord(entryName, id + ": versions");
            }
            for (JsonNode version : versionsNode) {
                if (!HASH.matcher(version.asText()).matches()) {
                    throw badRecord(entryName, id + ": versions");
                }
                versions.add(version.asText());
            }
        }
        // Fields this version does not know are dropped: what it stores is what it can write back.
        List<String> known = new ArrayList<>(kind.columns().keySet());
        if (kind.hasThemes()) {
            known.add("themes");
        }
        if (kind.hasTargets()) {
            known.add("targets");
        }
        fields.retain(known);
        return new ExchangePackage.Incoming(new Record(kind, id, fields), versions);
    }

    /** Every attachment that still has its bytes brings them, whole and as described. */
    private void checkAttachments(ZipFile zip, List<ExchangePackage.Incoming> attachments, Map<String, String> checksums) {
        for (ExchangePackage.Incoming incoming : attachments) {
            Record record = incoming.record();
            if (record.text("purged_at") != null) {
                continue;
            }
            String entryName = ExchangeFormat.attachmentEntry(record.id());
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw refused("exchange.missing-file", name, entryName);
            }
            byte[] bytes = bytes(zip, entry, Limits.ATTACHMENT_BYTES);
            checkSum(entryName, bytes, checksums);
            if (!sha256(bytes).equals(record.text("sha256")) || bytes.length != record.fields().path("size_bytes").asLong()) {
                throw refused("exchange.checksum", name, entryName);
            }
        }
    }

    /** Records point only at what exists here or comes with them. */
    private void checkReferences(Database database, Map<Kind, List<ExchangePackage.Incoming>> records, Map<UUID, Kind> ids) {
        ExchangeRepository repository = new ExchangeRepository();
        database.read(tx -> {
            Set<UUID> sites = repository.siteIds(tx);
            Set<String> themes = repository.themeCodes(tx);
            Map<UUID, Kind> local = new HashMap<>();
            for (Kind kind : Kind.values()) {
                for (Record record : repository.all(tx, kind)) {
                    local.put(record.id(), kind);
                }
            }
            for (List<ExchangePackage.Incoming> list : records.values()) {
                for (ExchangePackage.Incoming incoming : list) {
                    Record record = incoming.record();
                    Kind here = local.get(record.id());
                    if (here != null && here != record.kind()) {
                        throw refused("exchange.duplicate-id", name, record.id(), term(here), term(record.kind()));
                    }
                    UUID site = record.uuid("site_id");
                    if (site != null && !sites.contains(site)) {
                        throw refused("exchange.unknown-site", name, term(record.kind()), record.id(), site);
                    }
                    for (JsonNode theme : record.fields().path("themes")) {
                        if (!themes.contains(theme.asText())) {
                            throw refused("exchange.unknown-theme", name, term(record.kind()), record.id(), theme.asText());
                        }
                    }
                    reference(record, "administration_id", Kind.ADMINISTRATION, ids, local);
                    reference(record, "author_id", Kind.DELEGATE, ids, local);
                    reference(record, "lesson_id", Kind.LESSON, ids, local);
                    for (JsonNode target : record.fields().path("targets")) {
                        reference(record, UUID.fromString(target.asText()), Kind.ADMINISTRATION, ids, local);
                    }
                    if (record.kind() == Kind.ATTACHMENT) {
                        String owner = record.text("owner_kind");
                        if (owner.equals("site")) {
                            if (!sites.contains(record.uuid("owner_id"))) {
                                throw refused("exchange.unknown-site", name, term(record.kind()), record.id(),
                                        record.uuid("owner_id"));
                            }
                        } else {
                            reference(record, record.uuid("owner_id"), Kind.of(owner).orElseThrow(), ids, local);
                        }
                    }
                }
            }
            return null;
        });
    }

    private void reference(Record record, String field, Kind kind, Map<UUID, Kind> ids, Map<UUID, Kind> local) {
        UUID target = record.uuid(field);
        if (target != null && record.kind().columns().containsKey(field)) {
            reference(record, target, kind, ids, local);
        }
    }

    private void reference(Record record, UUID target, Kind kind, Map<UUID, Kind> ids, Map<UUID, Kind> local) {
        if (ids.get(target) != kind && local.get(target) != kind) {
            throw refused("exchange.unknown-reference", name, term(record.kind()), record.id(), term(kind), target);
        }
    }

    // Reading.

    private JsonNode json(ZipFile zip, ZipEntry entry) {
        return parse(entry.getName(), bytes(zip, entry, ExchangeFormat.MAX_RECORDS_BYTES));
    }

    private JsonNode parse(String entryName, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused("exchange.bad-encoding", name, entryName);
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw refused("exchange.bad-json", name, entryName, e.getOriginalMessage());
        }
    }

    /**
     * The bytes of an entry, counted as they come out: a file may not unpack beyond {@code limit}, the whole
     * package beyond {@link ExchangeFormat#MAX_TOTAL_BYTES}, nor swell like a zip bomb.
     */
    private byte[] bytes(ZipFile zip, ZipEntry entry, long limit) {
        try (InputStream in = zip.getInputStream(entry)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
                unpacked += n;
                long compressed = Math.max(1, entry.getCompressedSize());
                if (read > limit || unpacked > ExchangeFormat.MAX_TOTAL_BYTES
                        || read > (1 << 20) && read / compressed > ExchangeFormat.MAX_RATIO) {
                    throw refused("exchange.too-large", name, entry.getName(), limit / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw refused("exchange.damaged", name, e.getMessage());
        } catch (IOException e) {
            throw refused("exchange.damaged", name, e.getMessage());
        }
    }

    private void checkSum(String entryName, byte[] bytes, Map<String, String> checksums) {
        if (!sha256(bytes).equals(checksums.get(entryName))) {
            throw refused("exchange.checksum", name, entryName);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID uuid(String entryName, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw badRecord(entryName, field + " is missing");
            }
            return null;
        }
        if (!value.isTextual() || !isUuid(value.asText())) {
            throw badRecord(entryName, field + " = " + value);
        }
        return UUID.fromString(value.asText());
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void parse(String entryName, UUID id, String field, Runnable parse, boolean textual) {
        try {
            if (!textual) {
                throw new DateTimeParseException("not text", "", 0);
            }
            parse.run();
        } catch (DateTimeParseException e) {
            throw badRecord(entryName, id + ": " + field);
        }
    }

    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, Integer> counts(Map<Kind, List<ExchangePackage.Incoming>> records) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach((kind, list) -> counts.put(kind.code(), list.size()));
        return counts;
    }

    private RejectedInput badRecord(String entryName, String what) {
        return refused("exchange.bad-record", name, entryName, what);
    }

    private static RejectedInput refused(String key, Object... args) {
        return new RejectedInput(key, args);
    }

    private static RejectedInput.Term term(Kind kind) {
        return new RejectedInput.Term("kind." + kind.code());
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing: the first problem is the one to report
        }
    }
}
