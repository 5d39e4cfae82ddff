package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * What this laptop knows of its hubs (schema 7, {@code V7__sync.sql}): the version of each record a hub holds,
 * how far each source of a hub was read, and the conflicts a sync brought that wait for the user. Never travels.
 */
public final class SyncRepository {
    /**
     * Their version of a record changed here too, waiting to be settled.
     *
     * @param versions every version of it the sender knew (content hashes)
     * @param content  an attachment's bytes, null for other kinds or once purged
     */
    public record Conflict(Record theirs, List<String> versions, byte[] content, String hub, Instant receivedAt) {
    }

    /** The version of each record this laptop knows hub {@code hub} holds (record id to content hash). */
    public Map<UUID, String> onHub(Tx tx, String hub) throws SQLException {
        Map<UUID, String> hashes = new HashMap<>();
        tx.list("SELECT record_id, hash FROM sync_record WHERE hub = ?",
                row -> hashes.put(Tx.uuid(row, "record_id"), row.getString("hash")), hub);
        return hashes;
    }

    /** Remembers that hub {@code hub} holds version {@code hash} of record {@code id}. */
    public void onHub(Tx tx, String hub, UUID id, String hash) throws SQLException {
        tx.update("MERGE INTO sync_record (hub, record_id, hash) KEY (hub, record_id) VALUES (?, ?, ?)", hub, id, hash);
    }

    /** Forgets every record hub {@code hub} holds: all of them go out again with the next sync to it. */
    public void forget(Tx tx, String hub) throws SQLException {
        tx.update("DELETE FROM sync_record WHERE hub = ?", hub);
    }

    /** Forgets what every hub holds of record {@code id}: it goes out again with the next sync to each. */
    public void sendAgain(Tx tx, UUID id) throws SQLException {
        tx.update("DELETE FROM sync_record WHERE record_id = ?", id);
    }

    /** How far each source of hub {@code hub} was read (source name to position). */
    public Map<String, Long> cursors(Tx tx, String hub) throws SQLException {
        Map<String, Long> cursors = new HashMap<>();
        tx.list("SELECT source, position FROM sync_cursor WHERE hub = ?",
                row -> cursors.put(row.getString("source"), row.getLong("position")), hub);
        return cursors;
    }

    public void cursor(Tx tx, String hub, String source, long position) throws SQLException {
        tx.update("MERGE INTO sync_cursor (hub, source, position) KEY (hub, source) VALUES (?, ?, ?)", hub, source, position);
    }

    /** The conflicts waiting, oldest first. */
    public List<Conflict> conflicts(Tx tx) throws SQLException {
        return tx.list("SELECT * FROM sync_conflict ORDER BY received_at, record_id", row -> {
            RecordKind<?> kind = RecordKind.of(row.getString("kind")).orElseThrow();
            Record theirs = new Record(kind, Tx.uuid(row, "record_id"), (ObjectNode) parse(row.getString("fields")));
            List<String> versions = Json.MAPPER.convertValue(parse(row.getString("versions")),
                    new TypeReference<List<String>>() { });
            return new Conflict(theirs, versions, row.getBytes("content"), row.getString("hub"), Tx.instant(row, "received_at"));
        });
    }

    public Optional<Conflict> conflict(Tx tx, UUID id) throws SQLException {
        return conflicts(tx).stream().filter(conflict -> conflict.theirs().id().equals(id)).findFirst();
    }

    /** Keeps their version of a record to settle later, in place of one kept before. */
    public void putConflict(Tx tx, Conflict conflict) throws SQLException {
        try {
            tx.update("MERGE INTO sync_conflict (record_id, kind, fields, versions, content, hub, received_at)"
                            + " KEY (record_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    conflict.theirs().id(), conflict.theirs().kind().code(),
                    Json.MAPPER.writeValueAsString(conflict.theirs().fields()),
                    Json.MAPPER.writeValueAsString(conflict.versions()), conflict.content(), conflict.hub(),
                    conflict.receivedAt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void removeConflict(Tx tx, UUID id) throws SQLException {
        tx.update("DELETE FROM sync_conflict WHERE record_id = ?", id);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
