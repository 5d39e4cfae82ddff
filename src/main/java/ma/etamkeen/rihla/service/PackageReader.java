package ma.etamkeen.rihla.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.model.Codes;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;
import ma.etamkeen.rihla.store.Sha256;
import ma.etamkeen.rihla.text.FileNames;

/**
 * Reads a {@code .rihla} package and checks all of it before anything is written: that it is a whole zip
 * with safe names and sane sizes, that every file matches its checksum, that the records are well formed,
 * in UTF-8, within the limits of the columns they go to ({@link RecordKind}'s field model: types, lengths,
 * required fields, choices), that no slug or code clashes with another record's here, and that they point
 * only at visits, sites, themes, people and entries that exist here or in the package. The first problem is
 * refused with a message naming it.
 */
final class PackageReader {
    /** Strict JSON: a key twice in one object is refused, never read one way here and another elsewhere. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private final Path file;
    private final String name;
    private long unpacked;
    /** What the records files unpacked to so far, in bytes, and how many records they held. */
    private long recordsBytes;
    private int recordsCount;

    private PackageReader(Path file) {
        this.file = file;
        this.name = FileNames.clean(String.valueOf(file.getFileName()));  // named in messages
    }

    private PackageReader(String name) {
        this.file = null;
        this.name = name;
    }

    static ExchangePackage read(Path file, Database database) {
        return new PackageReader(file).read(database);
    }

    /**
     * A change set that came from a sync hub's rows, checked exactly as a package's records are — each record's
     * fields, its versions, and what it refers to against this store and the change set itself — so that a
     * server's rows are trusted no more than a file. {@code name} names it in messages.
     *
     * @throws RejectedInput {@code exchange.bad-record}, {@code exchange.duplicate-id}, {@code exchange.taken},
     *                       {@code exchange.unknown-reference} and the other refusals of a package's records
     */
    static ExchangePackage checked(String name, ExchangePackage changes, Database database) {
        PackageReader reader = new PackageReader(name);
        Map<RecordKind<?>, List<ExchangePackage.Incoming>> records = new LinkedHashMap<>();
        Map<UUID, RecordKind<?>> ids = new HashMap<>();
        for (RecordKind<?> kind : RecordKind.all()) {
            List<ExchangePackage.Incoming> checked = new ArrayList<>();
            for (ExchangePackage.Incoming incoming : changes.records().getOrDefault(kind, List.of())) {
                ObjectNode node = incoming.record().fields().deepCopy();
                node.put("id", incoming.record().id().toString());
                var versions = node.putArray("versions");
                incoming.versions().forEach(versions::add);
                ExchangePackage.Incoming record = reader.record(kind, kind.code(), node);
                RecordKind<?> other = ids.putIfAbsent(record.record().id(), kind);
                if (other != null) {
                    throw refused("exchange.duplicate-id", name, record.record().id(), term(other), term(kind));
                }
                checked.add(record);
            }
            records.put(kind, checked);
        }
        reader.checkReferences(database, records, ids);
        return ExchangePackage.of(changes.manifest(), records, changes::attachment);
    }

    private ExchangePackage read(Database database) {
        ZipFile zip = open();
        try {
            Map<String, ZipEntry> entries = entries(zip);
            ZipEntry manifestEntry = entries.get(ExchangeFormat.MANIFEST);
            if (manifestEntry == null) {
                throw refused("exchange.no-manifest", name);
            }
            byte[] manifestBytes = bytes(zip, manifestEntry, ExchangeFormat.MAX_MANIFEST_BYTES);
            JsonNode manifest = parse(manifestEntry.getName(), manifestBytes);
            int format = manifest.path("format").asInt(-1);
            if (format > ExchangeFormat.FORMAT) {
                throw refused("exchange.newer-format", name, format, ExchangeFormat.FORMAT);
            }
            if (format < 1 || !manifest.path("checksums").isObject()) {
                throw refused("exchange.bad-json", name, ExchangeFormat.MANIFEST, "format, checksums");
            }
            // Signed: the manifest as it was signed, so every checksum in it is the sender's (a newer format
            // may sign otherwise: it was refused above).
            ZipEntry signature = entries.get(PackageSignature.ENTRY);
            String senderKey = signature == null ? null
                    : PackageSignature.verify(name, manifestBytes, bytes(zip, signature, 64 * 1024));
            Map<String, String> checksums = new HashMap<>();
            manifest.path("checksums").fields().forEachRemaining(entry -> checksums.put(entry.getKey(), entry.getValue().asText()));

            Map<RecordKind<?>, BigInteger> declared = new HashMap<>();
            BigInteger declaredInAll = BigInteger.ZERO;
            for (RecordKind<?> kind : RecordKind.all()) {
                declared.put(kind, declaredCount(manifest, kind));
                declaredInAll = declaredInAll.add(declared.get(kind));
                if (declared.get(kind).compareTo(BigInteger.valueOf(ExchangeFormat.maxRecords(kind))) > 0) {
                    throw refused("exchange.too-many", name, declared.get(kind), term(kind), ExchangeFormat.maxRecords(kind));
                }
            }
            if (declaredInAll.compareTo(BigInteger.valueOf(ExchangeFormat.MAX_RECORDS)) > 0) {
                throw refused("exchange.too-many-records", name, declaredInAll, ExchangeFormat.MAX_RECORDS);
            }
            Map<RecordKind<?>, List<ExchangePackage.Incoming>> records = new LinkedHashMap<>();
            Map<UUID, RecordKind<?>> ids = new HashMap<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                String entryName = ExchangeFormat.recordsEntry(kind.code());
                ZipEntry entry = entries.get(entryName);
                List<ExchangePackage.Incoming> incoming = new ArrayList<>();
                if (entry != null) {
                    readRecords(zip, entryName, entry, kind, ExchangeFormat.maxRecords(kind), checksums, ids, incoming);
                }
                if (declared.get(kind).intValue() != incoming.size()) {  // within the cap: an int
                    throw refused("exchange.count-mismatch", name, entryName, declared.get(kind), incoming.size());
                }
                records.put(kind, incoming);
            }
            checkAttachments(zip, entries, records.get(RecordKind.ATTACHMENT), checksums);
            checkReferences(database, records, ids);
            ExchangePackage.Manifest summary = new ExchangePackage.Manifest(format, manifest.path("app").asText(""),
                    instantOrNull(manifest.path("exportedAt").asText(null)), manifest.path("exportedBy").path("name").asText(""),
                    manifest.path("scope").path("kind").asText("all"), counts(records), senderKey);
            return ExchangePackage.of(file, zip, entries, summary, records);
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

    /**
     * The package's entries by name, "\" read as "/" (a package re-zipped on Windows, e.g. by PowerShell's
     * Compress-Archive, which writes backslashes against the zip format's rule, APPNOTE 4.4.17), "./" left
     * out, and read from inside the one folder that holds them all when a package was unpacked and zipped
     * again with its folder. No name may
     * lead out of the package (../x, /etc/x, C:\x), whatever reads it later, nor name an entry twice.
     *
     * @throws RejectedInput {@code exchange.unsafe-path}, {@code exchange.foreign-entry} (a name Rihla never
     *                       writes), {@code exchange.duplicate-entry}
     */
    private Map<String, ZipEntry> entries(ZipFile zip) {
        Map<String, ZipEntry> entries = new HashMap<>();
        for (Iterator<? extends ZipEntry> all = zip.entries().asIterator(); all.hasNext(); ) {
            ZipEntry entry = all.next();
            String entryName = entry.getName().replace('\\', '/').replaceAll("(^|/)(\\./)+", "$1");  // ./records/x
            if (entryName.startsWith("/") || entryName.matches("[A-Za-z]:.*") || List.of(entryName.split("/")).contains("..")) {
                throw refused("exchange.unsafe-path", name, entry.getName());
            }
            if (!SAFE_NAME.matcher(entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName).matches()) {
                throw refused("exchange.foreign-entry", name, entry.getName());
            }
            if (entries.put(entryName, entry) != null) {
                throw refused("exchange.duplicate-entry", name, entryName);
            }
        }
        return entries.containsKey(ExchangeFormat.MANIFEST) ? entries : withoutTopFolder(entries);
    }

    /** The entries of a package unpacked and zipped again with its folder (export/manifest.json …), from inside it. */
    private static Map<String, ZipEntry> withoutTopFolder(Map<String, ZipEntry> entries) {
        String top = null;
        for (String entryName : entries.keySet()) {
            int slash = entryName.indexOf('/');
            String folder = slash < 0 ? null : entryName.substring(0, slash + 1);
            if (folder == null || top != null && !top.equals(folder)) {
                return entries;  // not all in one folder: the missing manifest is reported as such
            }
            top = folder;
        }
        Map<String, ZipEntry> inside = new HashMap<>();
        for (Map.Entry<String, ZipEntry> entry : entries.entrySet()) {
            if (entry.getKey().length() > top.length()) {
                inside.put(entry.getKey().substring(top.length()), entry.getValue());
            }
        }
        return inside;
    }

    private ExchangePackage.Incoming record(RecordKind<?> kind, String entryName, JsonNode node) {
        if (!node.isObject()) {
            throw badRecord(entryName, "not an object");
        }
        UUID id = uuid(entryName, node, "id", true);
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("id");
        JsonNode versionsNode = fields.remove("versions");
        List<String> known = new ArrayList<>();
        for (Field<?> field : kind.travelling()) {
            String name = field.name();
            known.add(name);
            JsonNode value = fields.get(name);
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw badRecord(entryName, id + ": " + name + " is missing");
                }
                if (field.isColumn()) {
                    fields.putNull(name);
                } else {
                    fields.putArray(name);  // no list in an older package: none
                }
                continue;
            }
            switch (field.type()) {
                case UUID -> uuid(entryName, fields, name, true);
                case INSTANT -> parse(entryName, id, name, () -> instant(value.asText()), value.isTextual());
                case DATE -> parse(entryName, id, name, () -> inRange(LocalDate.parse(value.asText())), value.isTextual());
                case INTEGER -> {
                    if (!value.canConvertToLong() || value.asLong() < 0) {
                        throw badRecord(entryName, id + ": " + name + " is not a number");
                    }
                }
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        throw badRecord(entryName, id + ": " + name + " is not true or false");
                    }
                }
                case THEMES, TARGETS -> {
                    if (!value.isArray()) {
                        throw badRecord(entryName, id + ": " + name + " is not a list");
                    }
                    for (JsonNode item : value) {
                        if (!item.isTextual() || field.type() == Field.Type.TARGETS && !isUuid(item.asText())) {
                            throw badRecord(entryName, id + ": " + name);
                        }
                    }
                }
                default -> {
                    if (!value.isTextual()) {
                        throw badRecord(entryName, id + ": " + name + " is not text");
                    }
                    if (value.asText().length() > field.maxChars()) {
                        throw refused("exchange.too-long", this.name, term(kind), id,
                                new RejectedInput.Term("field." + name), value.asText().length(), field.maxChars());
                    }
                    if (!field.accepts(value.asText())) {
                        throw badRecord(entryName, id + ": " + name + " = " + value.asText());
                    }
                }
            }
        }
        if (kind == RecordKind.ATTACHMENT && fields.path("file_name").isTextual()) {
            fields.put("file_name", FileNames.clean(fields.path("file_name").asText()));  // no bidi tricks in names
        }
        List<String> versions = new ArrayList<>();
        if (versionsNode != null) {
            if (!versionsNode.isArray()) {
                throw badRecord(entryName, id + ": versions");
            }
            for (JsonNode version : versionsNode) {
                if (!Codes.sha256(version.asText())) {
                    throw badRecord(entryName, id + ": versions");
                }
                versions.add(version.asText());
            }
        }
        // Fields this version does not know are dropped: what it stores is what it can write back.
        fields.retain(known);
        return new ExchangePackage.Incoming(new Record(kind, id, fields), versions);
    }

    /** Every attachment that still has its bytes brings them, whole and as described. */
    private void checkAttachments(ZipFile zip, Map<String, ZipEntry> entries, List<ExchangePackage.Incoming> attachments,
                                  Map<String, String> checksums) {
        for (ExchangePackage.Incoming incoming : attachments) {
            Record record = incoming.record();
            if (record.text("purged_at") != null) {
                continue;
            }
            String entryName = ExchangeFormat.attachmentEntry(record.id());
            ZipEntry entry = entries.get(entryName);
            if (entry == null) {
                throw refused("exchange.missing-file", name, entryName);
            }
            long declared = record.fields().path("size_bytes").asLong(-1);
            if (declared < 0 || declared > Limits.ATTACHMENT_BYTES) {
                throw refused("exchange.attachment-size", name, entryName, declared, Limits.ATTACHMENT_BYTES);
            }
            // Not one byte more than its record says, and not held in memory: only its checksum is kept.
            String sha256;
            long size;
            try (Unpacked in = unpacked(zip, entry, declared, false)) {
                sha256 = Sha256.of(in);
                size = in.read;
            } catch (IOException e) {
                throw refused("exchange.damaged", name, e.getMessage());
            }
            if (size != declared) {
                throw refused("exchange.attachment-short", name, entryName, size, declared);
            }
            if (!sha256.equals(checksums.get(entryName)) || !sha256.equals(record.text("sha256"))) {
                throw refused("exchange.checksum", name, entryName);
            }
        }
    }

    /**
     * Records point only at what exists here or comes with them, and a slug or a code names one record only:
     * one here under another id is refused (two laptops that each made a site "enabel" made the same site, by
     * the same id).
     */
    private void checkReferences(Database database, Map<RecordKind<?>, List<ExchangePackage.Incoming>> records,
                                 Map<UUID, RecordKind<?>> ids) {
        ExchangeRepository repository = new ExchangeRepository();
        database.read(tx -> {
            Map<UUID, RecordKind<?>> local = new HashMap<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                for (Record record : repository.all(tx, kind)) {
                    local.put(record.id(), kind);
                }
            }
            Map<String, Map<String, UUID>> holders = new HashMap<>();  // kind.field -> value -> record here
            for (RecordKind<?> kind : RecordKind.all()) {
                for (Field<?> field : kind.fields()) {
                    if (field.unique()) {
                        holders.put(kind.code() + "/" + field.name(), repository.uniqueValues(tx, kind, field.name()));
                    }
                }
            }
            Set<String> themes = new java.util.HashSet<>(holders.get("theme/code").keySet());
            records.get(RecordKind.THEME).forEach(theme -> themes.add(theme.record().text("code")));
            for (List<ExchangePackage.Incoming> list : records.values()) {
                for (ExchangePackage.Incoming incoming : list) {
                    Record record = incoming.record();
                    RecordKind<?> here = local.get(record.id());
                    if (here != null && here != record.kind()) {
                        throw refused("exchange.duplicate-id", name, record.id(), term(here), term(record.kind()));
                    }
                    for (Field<?> field : record.kind().fields()) {
                        if (field.unique()) {
                            unique(record, field.name(), holders.get(record.kind().code() + "/" + field.name()), list);
                        }
                    }
                    reference(record, "visit_id", RecordKind.VISIT, ids, local);
                    reference(record, "site_id", RecordKind.SITE, ids, local);
                    for (JsonNode theme : record.fields().path("themes")) {
                        if (!themes.contains(theme.asText())) {
                            throw refused("exchange.unknown-theme", name, term(record.kind()), record.id(), theme.asText());
                        }
                    }
                    reference(record, "administration_id", RecordKind.ADMINISTRATION, ids, local);
                    reference(record, "author_id", RecordKind.DELEGATE, ids, local);
                    reference(record, "lesson_id", RecordKind.LESSON, ids, local);
                    reference(record, "idea_id", RecordKind.IDEA, ids, local);
                    for (JsonNode target : record.fields().path("targets")) {
                        reference(record, UUID.fromString(target.asText()), RecordKind.ADMINISTRATION, ids, local);
                    }
                    if (record.kind() == RecordKind.ATTACHMENT) {
                        String owner = record.text("owner_kind");
                        reference(record, record.uuid("owner_id"), RecordKind.of(owner).orElseThrow(), ids, local);
                    }
                }
            }
            return null;
        });
    }

    /** A slug or a code held here (or twice in the package) by another record is refused. */
    private void unique(Record record, String field, Map<String, UUID> here, List<ExchangePackage.Incoming> sameKind) {
        String value = record.text(field);
        UUID holder = here.get(value);
        boolean twice = sameKind.stream().filter(other -> value.equals(other.record().text(field))).count() > 1;
        if (holder != null && !holder.equals(record.id()) || twice) {
            throw refused("exchange.taken", name, term(record.kind()), record.id(), field, value);
        }
    }

    private void reference(Record record, String field, RecordKind<?> kind, Map<UUID, RecordKind<?>> ids,
                           Map<UUID, RecordKind<?>> local) {
        UUID target = record.uuid(field);
        if (target != null && record.kind().field(field).isPresent()) {
            reference(record, target, kind, ids, local);
        }
    }

    private void reference(Record record, UUID target, RecordKind<?> kind, Map<UUID, RecordKind<?>> ids,
                           Map<UUID, RecordKind<?>> local) {
        if (ids.get(target) != kind && local.get(target) != kind) {
            String key = kind == RecordKind.SITE ? "exchange.unknown-site" : "exchange.unknown-reference";
            throw kind == RecordKind.SITE ? refused(key, name, term(record.kind()), record.id(), target)
                    : refused(key, name, term(record.kind()), record.id(), term(kind), target);
        }
    }

    // Reading.

    private JsonNode parse(String entryName, byte[] bytes) {
        try (JsonParser parser = JSON.getFactory().createParser(new JsonText(new java.io.StringReader(decoded(entryName, bytes))))) {
            JsonNode value = parser.readValueAsTree();
            if (value == null || parser.nextToken() != null) {
                throw refused("exchange.bad-json", name, entryName, value == null ? "empty" : "data after the value");
            }
            return value;
        } catch (IOException e) {
            throw unreadable(entryName, e);
        }
    }

    /**
     * The refusal for a JSON file of the package that could not be read: {@code exchange.bad-encoding} (not
     * UTF-8), {@code exchange.bad-json} (malformed), else {@code exchange.damaged}.
     */
    private RejectedInput unreadable(String entryName, IOException e) {
        if (e instanceof CharacterCodingException) {
            return refused("exchange.bad-encoding", name, entryName);
        }
        if (e instanceof JsonProcessingException json) {
            return refused("exchange.bad-json", name, entryName, problem(json));
        }
        return refused("exchange.damaged", name, e.getMessage());
    }

    /** Jackson's description of a JSON problem, without the names of its own settings. */
    private static String problem(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll(",\\s*from `[^`]*`", "").strip();
    }

    /**
     * JSON text as the format allows it: UTF-8, where a byte order mark at the start is passed over (Windows
     * editors write one; RFC 8259 §8.1 lets readers ignore it), and a NUL, which no JSON text holds, is read as
     * what it means: the file is not UTF-8 (UTF-16 without a byte order mark reads as ASCII and NULs).
     */
    private static final class JsonText extends java.io.FilterReader {
        private boolean started;

        JsonText(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && !started) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            for (int i = offset; i < offset + Math.max(n, 0); i++) {
                if (buffer[i] == 0) {
                    throw new java.nio.charset.MalformedInputException(1);
                }
            }
            return n;
        }
    }

    /** The entry's bytes as text, refused unless they are UTF-8. */
    private String decoded(String entryName, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused("exchange.bad-encoding", name, entryName);
        }
    }

    /** How many values the array still holds, the current one included, skipped without being built. */
    private static int remaining(JsonParser array) throws IOException {
        int more = 0;
        for (JsonToken token = array.currentToken(); token != null && token != JsonToken.END_ARRAY; token = array.nextToken()) {
            array.skipChildren();
            more++;
        }
        return more;
    }

    /**
     * The records of one kind, parsed as they come out of the zip (never the whole file in memory, so a package
     * within the limits never exhausts a 512 MB heap) and counted as they come: more than {@code cap} is refused
     * before they are built. Their checksum is computed on the way and checked at the end against the
     * manifest's for {@code entryName} (the name in the format, whatever folder the zip put it in).
     *
     * @throws RejectedInput {@code exchange.too-many}, {@code exchange.too-many-records},
     *                       {@code exchange.records-too-large}, {@code exchange.bad-json}, {@code exchange.bad-encoding}, {@code exchange.checksum}, {@code exchange.duplicate-id},
     *                       or a bad record's key
     */
    private void readRecords(ZipFile zip, String entryName, ZipEntry entry, RecordKind<?> kind, int cap,
                             Map<String, String> checksums, Map<UUID, RecordKind<?>> ids,
                             List<ExchangePackage.Incoming> incoming) {
        MessageDigest sha256 = Sha256.digest();
        try (Unpacked in = unpacked(zip, entry, ExchangeFormat.MAX_RECORDS_BYTES, true);
             DigestInputStream digested = new DigestInputStream(in, sha256);
             JsonParser array = JSON.getFactory().createParser(new JsonText(new InputStreamReader(digested,
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                             .onUnmappableCharacter(CodingErrorAction.REPORT))))) {
            if (array.nextToken() != JsonToken.START_ARRAY) {
                throw refused("exchange.bad-json", name, entryName, "not a list");
            }
            while (array.nextToken() != JsonToken.END_ARRAY) {
                if (incoming.size() == cap) {
                    throw refused("exchange.too-many", name, cap + remaining(array), term(kind), cap);
                }
                if (recordsCount == ExchangeFormat.MAX_RECORDS) {
                    throw refused("exchange.too-many-records", name, recordsCount + remaining(array), ExchangeFormat.MAX_RECORDS);
                }
                recordsCount++;
                ExchangePackage.Incoming record = record(kind, entryName, array.readValueAsTree());
                RecordKind<?> other = ids.putIfAbsent(record.record().id(), kind);
                if (other != null) {
                    throw refused("exchange.duplicate-id", name, record.record().id(), term(other), term(kind));
                }
                incoming.add(record);
            }
            // Nothing after the list: reading on to the end also puts every byte through the checksum.
            if (array.nextToken() != null) {
                throw refused("exchange.bad-json", name, entryName, "data after the list");
            }
            recordsBytes += in.read;
        } catch (IOException e) {
            throw unreadable(entryName, e);
        }
        if (!Sha256.hex(sha256).equals(checksums.get(entryName))) {
            throw refused("exchange.checksum", name, entryName);
        }
    }

    /** The (small) bytes of an entry: the manifest, the signature. */
    private byte[] bytes(ZipFile zip, ZipEntry entry, long limit) {
        try (Unpacked in = unpacked(zip, entry, limit, false)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw refused("exchange.damaged", name, e.getMessage());
        }
    }

    /**
     * An entry's bytes ({@code records}: a JSON file of records), counted as they really come out (whatever the zip's headers say): a file may not unpack
     * beyond {@code limit}, the whole package beyond {@link ExchangeFormat#MAX_TOTAL_BYTES}. A zip bomb is
     * stopped by these real sizes, not guessed from a compression ratio (a scanned page compresses 300×).
     * The records files together may not unpack beyond {@link ExchangeFormat#MAX_RECORDS_BYTES}. Reading past a
     * limit throws {@link RejectedInput} {@code exchange.too-large} ({@code exchange.records-too-large} for the
     * records together); a damaged entry, {@code exchange.damaged}.
     */
    private Unpacked unpacked(ZipFile zip, ZipEntry entry, long limit, boolean records) {
        try {
            return new Unpacked(zip.getInputStream(entry), entry.getName(), limit, records);
        } catch (IOException e) {
            throw refused("exchange.damaged", name, e.getMessage());
        }
    }

    private final class Unpacked extends FilterInputStream {
        private final String entryName;
        private final long limit;
        private final boolean records;
        private long read;

        Unpacked(InputStream in, String entryName, long limit, boolean records) {
            super(in);
            this.entryName = entryName;
            this.limit = limit;
            this.records = records;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (ZipException | java.io.EOFException e) {
                throw refused("exchange.damaged", name, e.getMessage());
            }
            if (n > 0) {
                read += n;
                unpacked += n;
                if (records && recordsBytes + read > ExchangeFormat.MAX_RECORDS_BYTES) {
                    throw refused("exchange.records-too-large", name, ExchangeFormat.MAX_RECORDS_BYTES >> 20);
                }
                if (read > limit || unpacked > ExchangeFormat.MAX_TOTAL_BYTES) {
                    throw refused("exchange.too-large", name, entryName, Math.min(limit, ExchangeFormat.MAX_TOTAL_BYTES));
                }
            }
            return n;
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
        } catch (java.time.DateTimeException e) {  // malformed, or beyond what a date can be here
            throw badRecord(entryName, id + ": " + field);
        }
    }

    /**
     * How many records of {@code kind} the manifest says the package holds: 0 when it does not say; refused
     * ({@code exchange.bad-json}) unless a whole number of at least 0, however large (so "10^30" is refused as
     * that many, not as a number cut to fit).
     */
    private BigInteger declaredCount(JsonNode manifest, RecordKind<?> kind) {
        JsonNode count = manifest.path("counts").path(kind.code());
        if (count.isMissingNode()) {
            return BigInteger.ZERO;
        }
        if (!count.isIntegralNumber() || count.bigIntegerValue().signum() < 0) {
            throw refused("exchange.bad-json", name, ExchangeFormat.MANIFEST, "counts." + kind.code() + " = " + count);
        }
        return count.bigIntegerValue();
    }

    /** A date or time this Rihla can store and show: years 1 to 9999 (ISO 8601 without expanded years). */
    private static LocalDate inRange(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeParseException("out of range", date.toString(), 0);
        }
        return date;
    }

    private static Instant instant(String text) {
        Instant instant = Instant.parse(text);
        inRange(LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC));
        return instant;
    }

    /** The manifest's date, or null when it is missing, malformed or out of range: the preview says "undated". */
    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : instant(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> counts(Map<RecordKind<?>, List<ExchangePackage.Incoming>> records) {
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

    private static RejectedInput.Term term(RecordKind<?> kind) {
        return new RejectedInput.Term(kind.messageKey());
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing: the first problem is the one to report
        }
    }
}
