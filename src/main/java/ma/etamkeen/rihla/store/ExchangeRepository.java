package ma.etamkeen.rihla.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records that travel between laptops — people, notes, lessons, ideas, attachments, tombstones included
 * — read as JSON objects of their columns and written back exactly (audit columns too). The built-in data
 * (visit, sites, themes) is the same on every laptop and does not travel; records point at it by id.
 */
public final class ExchangeRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIT = "created_at:I updated_at:I updated_by:T deleted_at:I";
    /** Left out of a record's hash: when and by whom, not what. */
    private static final Set<String> AUDIT_FIELDS = Set.of("created_at", "updated_at", "updated_by", "deleted_at",
            "purged_at");

    /** What may travel, in the order it is written (what is pointed at comes first). */
    public enum Kind {
        ADMINISTRATION("administration", "name_ar:T name_fr:T acronym:T " + AUDIT),
        DELEGATE("delegate", "name:T administration_id:U " + AUDIT),
        LESSON("lesson", "site_id:U author_id:U title:T observed:T why_it_works:T purged_at:I " + AUDIT),
        IDEA("idea", "site_id:U lesson_id:U author_id:U title:T description:T effort:T impact:T status:T owner:T "
                + "prerequisites:T purged_at:I " + AUDIT),
        NOTE("note", "site_id:U author_id:U noted_on:D body:T purged_at:I " + AUDIT),
        ATTACHMENT("attachment", "site_id:U owner_kind:T owner_id:U file_name:T media_type:T size_bytes:L sha256:T "
                + "caption:T purged_at:I " + AUDIT);

        private final String table;
        private final Map<String, Character> columns = new java.util.LinkedHashMap<>();

        Kind(String table, String columns) {
            this.table = table;
            for (String column : columns.split(" ")) {
                String[] parts = column.split(":");
                this.columns.put(parts[0], parts[1].charAt(0));
            }
        }

        public String code() {
            return table;
        }

        /** The columns besides {@code id}, each with its type: T text, U uuid, I instant, D date, L number. */
        public Map<String, Character> columns() {
            return columns;
        }

        /** Lessons and ideas carry their themes (codes), ideas their target administrations (ids). */
        public boolean hasThemes() {
            return this == LESSON || this == IDEA;
        }

        public boolean hasTargets() {
            return this == IDEA;
        }

        public static Optional<Kind> of(String code) {
            for (Kind kind : values()) {
                if (kind.table.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** One record: its kind, its id, and its fields as they travel (without the id). */
    public record Record(Kind kind, UUID id, ObjectNode fields) {
        /**
         * The hash of what it says: its fields, and whether it is deleted or purged — not who wrote it or when,
         * so the same content agrees wherever and whenever it was written (the built-in people on every
         * laptop, two equal edits, one deletion made on two laptops).
         */
        public String hash() {
            TreeMap<String, JsonNode> content = new TreeMap<>();
            content.put("kind", JsonNodeFactory.instance.textNode(kind.code()));
            content.put("id", JsonNodeFactory.instance.textNode(id.toString()));
            fields.fields().forEachRemaining(field -> {
                if (!AUDIT_FIELDS.contains(field.getKey())) {
                    content.put(field.getKey(), field.getValue());
                }
            });
            content.put("deleted", JsonNodeFactory.instance.booleanNode(isDeleted()));
            content.put("purged", JsonNodeFactory.instance.booleanNode(text("purged_at") != null));
            try {
                byte[] canonical = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What a person calls it: its title or name, else the first line of its text. */
        public String headline() {
            for (String field : List.of("title", "name", "name_fr", "name_ar", "acronym", "file_name", "body")) {
                String value = text(field);
                if (value != null && !value.isBlank()) {
                    String line = value.strip().lines().findFirst().orElse("");
                    return line.length() <= 80 ? line : line.substring(0, 79) + "…";
                }
            }
            return id.toString();
        }

        public boolean isDeleted() {
            return !fields.path("deleted_at").isNull() && !fields.path("deleted_at").isMissingNode();
        }

        public String text(String field) {
            JsonNode value = fields.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        public UUID uuid(String field) {
            String value = text(field);
            return value == null ? null : UUID.fromString(value);
        }

        public Instant instant(String field) {
            String value = text(field);
            return value == null ? null : Instant.parse(value);
        }
    }

    /** Every record of {@code kind}, tombstones included. */
    public List<Record> all(Tx tx, Kind kind) throws SQLException {
        Map<UUID, Set<String>> themes = kind.hasThemes() ? themesOf(tx, kind) : Map.of();
        Map<UUID, Set<String>> targets = kind.hasTargets() ? targets(tx) : Map.of();
        List<Record> records = new ArrayList<>();
        tx.list("SELECT id, " + String.join(", ", kind.columns().keySet()) + " FROM " + kind.table, row -> {
            UUID id = Tx.uuid(row, "id");
            records.add(record(kind, id, row, themes.getOrDefault(id, Set.of()), targets.getOrDefault(id, Set.of())));
            return null;
        });
        return records;
    }

    private static Record record(Kind kind, UUID id, ResultSet row, Set<String> themes, Set<String> targets)
            throws SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Character> column : kind.columns().entrySet()) {
            String name = column.getKey();
            switch (column.getValue()) {
                case 'U' -> put(fields, name, Tx.uuid(row, name));
                case 'I' -> put(fields, name, Tx.instant(row, name));
                case 'D' -> put(fields, name, row.getObject(name, LocalDate.class));
                case 'L' -> fields.put(name, row.getLong(name));
                default -> fields.put(name, row.getString(name));
            }
        }
        if (kind.hasThemes()) {
            fields.set("themes", sorted(themes));
        }
        if (kind.hasTargets()) {
            fields.set("targets", sorted(targets));
        }
        return new Record(kind, id, fields);
    }

    private static void put(ObjectNode fields, String name, Object value) {
        if (value == null) {
            fields.putNull(name);
        } else {
            fields.put(name, value.toString());
        }
    }

    private static ArrayNode sorted(Set<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }

    private static Map<UUID, Set<String>> themesOf(Tx tx, Kind kind) throws SQLException {
        Map<UUID, Set<String>> themes = new HashMap<>();
        tx.list("SELECT x." + kind.table + "_id AS owner, t.code FROM " + kind.table + "_theme x"
                + " JOIN theme t ON t.id = x.theme_id WHERE x.deleted_at IS NULL", row -> {
                    themes.computeIfAbsent(Tx.uuid(row, "owner"), k -> new HashSet<>()).add(row.getString("code"));
                    return null;
                });
        return themes;
    }

    private static Map<UUID, Set<String>> targets(Tx tx) throws SQLException {
        Map<UUID, Set<String>> targets = new HashMap<>();
        tx.list("SELECT idea_id, administration_id FROM idea_administration WHERE deleted_at IS NULL", row -> {
            targets.computeIfAbsent(Tx.uuid(row, "idea_id"), k -> new HashSet<>())
                    .add(Tx.uuid(row, "administration_id").toString());
            return null;
        });
        return targets;
    }

    /** The stored bytes of an attachment (null once purged). */
    public byte[] content(Tx tx, UUID attachment) throws SQLException {
        return tx.one("SELECT content FROM attachment WHERE id = ?", row -> row.getBytes(1), attachment).orElse(null);
    }

    /** Adds a record that was not here, exactly as it came (an attachment with its bytes and preview). */
    public void insert(Tx tx, Record record, byte[] content, byte[] thumbnail) throws SQLException {
        List<String> names = new ArrayList<>(List.of("id"));
        names.addAll(record.kind().columns().keySet());
        List<Object> values = new ArrayList<>(List.of(record.id()));
        for (String name : record.kind().columns().keySet()) {
            values.add(value(record, name));
        }
        if (record.kind() == Kind.ATTACHMENT) {
            names.add("content");
            names.add("thumbnail");
            values.add(content);
            values.add(thumbnail);
        }
        tx.update("INSERT INTO " + record.kind().table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")", values.toArray());
        links(tx, record);
    }

    /** Makes the stored record say exactly what {@code record} says. */
    public void update(Tx tx, Record record, byte[] content, byte[] thumbnail) throws SQLException {
        List<String> sets = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String name : record.kind().columns().keySet()) {
            sets.add(name + " = ?");
            values.add(value(record, name));
        }
        if (record.kind() == Kind.ATTACHMENT) {
            sets.add("content = ?");
            sets.add("thumbnail = ?");
            values.add(content);
            values.add(thumbnail);
        }
        values.add(record.id());
        tx.update("UPDATE " + record.kind().table + " SET " + String.join(", ", sets) + " WHERE id = ?", values.toArray());
        links(tx, record);
    }

    private static void links(Tx tx, Record record) throws SQLException {
        Stamp stamp = new Stamp(record.instant("updated_at"), record.text("updated_by"));
        if (record.kind().hasThemes()) {
            Set<UUID> themes = new HashSet<>();
            for (JsonNode code : record.fields().withArray("themes")) {
                themes.add(tx.one("SELECT id FROM theme WHERE code = ?", row -> Tx.uuid(row, "id"), code.asText())
                        .orElseThrow(() -> new SQLException("unknown theme " + code.asText())));
            }
            new Links(record.kind().table + "_theme", record.kind().table + "_id", "theme_id")
                    .set(tx, record.id(), themes, stamp);
        }
        if (record.kind().hasTargets()) {
            Set<UUID> targets = new HashSet<>();
            record.fields().withArray("targets").forEach(id -> targets.add(UUID.fromString(id.asText())));
            new Links("idea_administration", "idea_id", "administration_id").set(tx, record.id(), targets, stamp);
        }
    }

    /** A field as the database takes it. */
    private static Object value(Record record, String name) {
        String text = record.text(name);
        if (text == null) {
            return null;
        }
        return switch (record.kind().columns().get(name)) {
            case 'U' -> UUID.fromString(text);
            case 'I' -> Instant.parse(text);
            case 'D' -> LocalDate.parse(text);
            case 'L' -> Long.parseLong(text);
            default -> text;
        };
    }

    /** The versions of each record this laptop has sent or received. */
    public Map<UUID, Set<String>> versions(Tx tx) throws SQLException {
        Map<UUID, Set<String>> versions = new HashMap<>();
        tx.list("SELECT record_id, hash FROM exchange_version", row -> {
            versions.computeIfAbsent(Tx.uuid(row, "record_id"), k -> new HashSet<>()).add(row.getString("hash"));
            return null;
        });
        return versions;
    }

    /** Remembers that these versions of a record were sent or received. */
    public void addVersions(Tx tx, UUID record, Collection<String> hashes, Set<String> known) throws SQLException {
        for (String hash : hashes) {
            if (!known.contains(hash)) {
                tx.update("INSERT INTO exchange_version (record_id, hash) VALUES (?, ?)", record, hash);
            }
        }
    }

    public Optional<Instant> lastExport(Tx tx, UUID delegate) throws SQLException {
        return tx.one("SELECT exported_at FROM exchange_export WHERE delegate_id = ?",
                row -> Tx.instant(row, "exported_at"), delegate);
    }

    public void exported(Tx tx, UUID delegate, Instant at) throws SQLException {
        tx.update("MERGE INTO exchange_export (delegate_id, exported_at) KEY (delegate_id) VALUES (?, ?)", delegate, at);
    }

    /** The ids of the built-in sites and the codes of the themes, which records may point at. */
    public Set<UUID> siteIds(Tx tx) throws SQLException {
        return new HashSet<>(tx.list("SELECT id FROM site", row -> Tx.uuid(row, "id")));
    }

    public Set<String> themeCodes(Tx tx) throws SQLException {
        return new HashSet<>(tx.list("SELECT code FROM theme", row -> row.getString("code")));
    }
}
