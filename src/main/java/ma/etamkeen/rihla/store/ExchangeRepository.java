package ma.etamkeen.rihla.store;

import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.text.Graphemes;

/**
 * The records that travel between laptops — every {@link RecordKind}, tombstones included — read as JSON
 * objects of their travelling fields (see {@link RecordKind#travelling()}) and written back exactly, audit
 * columns too. Theme lists travel as theme codes, target lists as administration ids.
 */
public final class ExchangeRepository {
    /** One record: its kind, its id, and its fields as they travel (without the id). */
    public record Record(RecordKind<?> kind, UUID id, ObjectNode fields) {
        /**
         * The hash of what it says: its fields, and whether it is deleted or purged — not who wrote it or when,
         * so the same content agrees wherever and whenever it was written (the built-in data on every laptop,
         * two equal edits, one deletion made on two laptops).
         */
        public String hash() {
            TreeMap<String, JsonNode> content = new TreeMap<>();
            content.put("kind", JsonNodeFactory.instance.textNode(kind.code()));
            content.put("id", JsonNodeFactory.instance.textNode(id.toString()));
            fields.fields().forEachRemaining(field -> {
                if (!RecordKind.isAudit(field.getKey())) {
                    content.put(field.getKey(), field.getValue());
                }
            });
            content.put("deleted", JsonNodeFactory.instance.booleanNode(isDeleted()));
            content.put("purged", JsonNodeFactory.instance.booleanNode(text("purged_at") != null));
            try {
                byte[] canonical = Json.MAPPER.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What a person calls it: its first shown text (a title, a name, a label), else its id. */
        public String headline() {
            for (Field<?> field : kind.fields()) {
                String value = field.shown() && field.type() == Field.Type.TEXT ? text(field.name()) : null;
                if (value != null && !value.isBlank()) {
                    return Graphemes.firstLine(value, 80);
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

        /** The record with {@code field} set to {@code value} (a copy kept beside a conflicting version). */
        public Record with(UUID newId, String field, String value) {
            ObjectNode copy = fields.deepCopy();
            if (field != null) {
                copy.put(field, value);
            }
            return new Record(kind, newId, copy);
        }
    }

    /** Every record of {@code kind}, tombstones included. */
    public List<Record> all(Tx tx, RecordKind<?> kind) throws SQLException {
        Map<String, Map<UUID, Set<String>>> links = new HashMap<>();
        for (Field<?> field : kind.fields()) {
            if (!field.isColumn()) {
                links.put(field.name(), links(tx, kind, field.type()));
            }
        }
        List<String> columns = new ArrayList<>(List.of("id"));
        kind.travelling().stream().filter(Field::isColumn).map(Field::name).forEach(columns::add);
        List<Record> records = new ArrayList<>();
        tx.list("SELECT " + String.join(", ", columns) + " FROM " + kind.table(), row -> {
            UUID id = Tx.uuid(row, "id");
            records.add(new Record(kind, id, fields(kind, row, id, links)));
            return null;
        });
        return records;
    }

    private static ObjectNode fields(RecordKind<?> kind, ResultSet row, UUID id, Map<String, Map<UUID, Set<String>>> links)
            throws SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Field<?> field : kind.travelling()) {
            String name = field.name();
            switch (field.type()) {
                case UUID -> put(fields, name, Tx.uuid(row, name));
                case INSTANT -> put(fields, name, Tx.instant(row, name));
                case DATE -> put(fields, name, row.getObject(name, LocalDate.class));
                case INTEGER -> {
                    Long number = row.getObject(name, Long.class);
                    if (number == null) {
                        fields.putNull(name);
                    } else {
                        fields.put(name, number.longValue());
                    }
                }
                case BOOLEAN -> fields.put(name, row.getBoolean(name));
                case THEMES, TARGETS -> fields.set(name, sorted(links.get(name).getOrDefault(id, Set.of())));
                default -> fields.put(name, row.getString(name));
            }
        }
        return fields;
    }

    private static void put(ObjectNode fields, String name, Object value) {
        if (value == null) {
            fields.putNull(name);
        } else {
            fields.put(name, value.toString());
        }
    }

    private static ArrayNode sorted(Collection<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }

    /** The live links of every record of a kind: theme codes, or target administrations' ids. */
    private static Map<UUID, Set<String>> links(Tx tx, RecordKind<?> kind, Field.Type type) throws SQLException {
        Map<UUID, Set<String>> links = new HashMap<>();
        String sql = type == Field.Type.THEMES
                ? "SELECT x." + kind.table() + "_id AS owner, t.code AS target FROM " + kind.table() + "_theme x"
                + " JOIN theme t ON t.id = x.theme_id WHERE x.deleted_at IS NULL"
                : "SELECT idea_id AS owner, administration_id AS target FROM idea_administration WHERE deleted_at IS NULL";
        tx.list(sql, row -> links.computeIfAbsent(Tx.uuid(row, "owner"), k -> new HashSet<>()).add(row.getString("target")));
        return links;
    }

    /**
     * The stored bytes of an attachment, checked against its SHA-256 (null once purged).
     *
     * @throws StoreException {@code MISSING_ATTACHMENT} when its blob is missing or damaged
     */
    public byte[] content(Tx tx, UUID attachment) throws SQLException {
        return new AttachmentRepository().content(tx, attachment).orElse(null);
    }

    /**
     * Adds a record that was not here, exactly as it came; an attachment's bytes ({@code content}, null once
     * purged) are stored as a blob, synced, before its row is written.
     */
    public void insert(Tx tx, Record record, byte[] content, byte[] thumbnail) throws SQLException {
        storeBlob(tx, record, content);
        Rows.insert(tx, record.kind(), record.id(), values(record, thumbnail), stamp(record));
    }

    /** Makes the stored record say exactly what {@code record} says (an attachment's bytes as in {@link #insert}). */
    public void update(Tx tx, Record record, byte[] content, byte[] thumbnail) throws SQLException {
        storeBlob(tx, record, content);
        Rows.update(tx, record.kind(), record.id(), values(record, thumbnail), stamp(record), null);
    }

    private static void storeBlob(Tx tx, Record record, byte[] content) {
        if (content == null) {
            return;
        }
        try {
            tx.blobs().put(record.text("sha256"), new java.io.ByteArrayInputStream(content));
        } catch (IOException e) {
            throw StoreException.of(e, tx.blobs().root(), StoreException.Reason.NOT_WRITABLE);
        }
    }

    private static Stamp stamp(Record record) {
        return new Stamp(record.instant("updated_at"), record.text("updated_by"));
    }

    /** The record's fields as the database takes them. */
    private static Map<String, Object> values(Record record, byte[] thumbnail) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field<?> field : record.kind().travelling()) {
            JsonNode node = record.fields().get(field.name());
            values.put(field.name(), node == null || node.isNull() ? null : switch (field.type()) {
                case UUID -> UUID.fromString(node.asText());
                case INSTANT -> Instant.parse(node.asText());
                case DATE -> LocalDate.parse(node.asText());
                case INTEGER -> node.asLong();
                case BOOLEAN -> node.asBoolean();
                case THEMES, TARGETS -> {
                    List<String> items = new ArrayList<>();
                    node.forEach(item -> items.add(item.asText()));
                    yield items;
                }
                default -> node.asText();
            });
        }
        if (record.kind() == RecordKind.ATTACHMENT) {
            values.put("thumbnail", thumbnail);
        }
        return values;
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

    /**
     * Remembers the version every record of {@code kinds} has now, as if sent: called before they are
     * edited here, so that a colleague who sends one back as it was (a built-in site as seeded, a visit
     * imported from the same CSV file on both laptops) sends a version this laptop had and has since changed,
     * which is no conflict.
     */
    public void rememberCurrent(Tx tx, RecordKind<?>... kinds) throws SQLException {
        for (RecordKind<?> kind : kinds) {
            for (Record record : all(tx, kind)) {
                tx.update("MERGE INTO exchange_version (record_id, hash) KEY (record_id, hash) VALUES (?, ?)",
                        record.id(), record.hash());
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

    /** Who holds each value of a unique field of a kind here (a slug, a code), tombstones included. */
    public Map<String, UUID> uniqueValues(Tx tx, RecordKind<?> kind, String field) throws SQLException {
        Map<String, UUID> holders = new HashMap<>();
        tx.list("SELECT id, " + field + " FROM " + kind.table(), row -> holders.put(row.getString(2), Tx.uuid(row, "id")));
        return holders;
    }
}
