package ma.etamkeen.rihla.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;
import ma.etamkeen.rihla.store.Sha256;

/**
 * A hub on a PostgreSQL server (schema {@code db/hub}, migrated by Flyway like the laptop's store): the merged
 * knowledge base of every laptop — every record kind, tombstones and attachments' bytes too — each change
 * numbered from one sequence, so that a laptop reads only what changed since its last sync. A push is one
 * transaction under the exchange format's version rules: a record is taken when the laptop had seen the hub's
 * version of it; one changed on the hub by someone who had not seen the laptop's version is refused, and
 * the laptop settles the conflict. Pushes take turns (a transaction-level advisory lock), so that changes are
 * numbered in the order they commit and no reader skips one.
 */
final class PostgresHub implements Hub {
    /** Where the hub's Flyway migrations are. */
    static final String MIGRATIONS = "classpath:ma/etamkeen/rihla/db/hub";
    /** Flyway's history table on the hub. */
    static final String HISTORY = "hub_schema_history";
    /** The source name of the change sequence in this laptop's cursors. */
    static final String CHANGES = "changes";
    /** The key of the advisory lock pushes take turns by: "RIHL" in ASCII. */
    private static final long PUSH_LOCK = 0x5249484CL;
    /**
     * Writes a record's fields as the hub keeps them: every UTF-16 surrogate as a {@code \\uXXXX} escape (RFC 8259,
     * section 7), so that a lone one — pasted text can hold one — comes back as it went instead of as "?" from the
     * UTF-8 the server speaks; control characters are escaped as always.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new SurrogateEscapes());
    }

    private static final class SurrogateEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private final HubAddress address;
    private final UnaryOperator<ExchangePackage> check;
    private final Connection connection;
    private final String id;

    /**
     * Connects to a prepared hub, bringing its schema up to this version's (Flyway) if it is older.
     *
     * @param check checks each change set read, as a package's records are ({@link PackageReader#checked})
     * @throws RejectedInput {@code sync.hub-unreachable}, {@code sync.hub-unknown-host}, {@code sync.hub-no-answer},
     *                        {@code sync.hub-login-refused},
     *                       {@code sync.hub-no-tls}, {@code sync.hub-not-prepared}, {@code sync.hub-newer}
     */
    PostgresHub(HubAddress address, UnaryOperator<ExchangePackage> check) {
        this.address = address;
        this.check = check;
        Flyway flyway = flyway(address);
        try {
            MigrationInfoService state = flyway.info();
            if (state.current() == null) {
                throw new RejectedInput("sync.hub-not-prepared", address.text());
            }
            Optional<MigrationInfo> newer = Arrays.stream(state.applied())
                    .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS).findFirst();
            if (newer.isPresent()) {
                throw new RejectedInput("sync.hub-newer", address.text(), newer.get().getVersion());
            }
            if (state.pending().length > 0) {
                flyway.migrate();
            }
        } catch (FlywayException e) {
            throw unreachable(address, e);
        }
        try {
            this.connection = DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
            try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT id FROM hub_info")) {
                row.next();
                this.id = row.getString(1);
            }
        } catch (SQLException e) {
            throw unreachable(address, e);
        }
    }

    /**
     * Prepares an empty PostgreSQL database as a hub (Flyway's migrations of {@link #MIGRATIONS}); a hub already
     * prepared is brought up to date.
     *
     * @return the version of the hub's schema (a newer Rihla's, when one prepared it: nothing is changed then)
     * @throws RejectedInput {@code sync.hub-unreachable}, {@code sync.hub-foreign} (a database that holds other
     *                       tables)
     */
    static String prepare(HubAddress address) {
        Flyway flyway = flyway(address);
        try {
            flyway.migrate();
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            if (String.valueOf(e.getMessage()).contains("non-empty schema")) {
                throw new RejectedInput("sync.hub-foreign", address.text());
            }
            throw unreachable(address, e);
        }
    }

    private static Flyway flyway(HubAddress address) {
        return Flyway.configure().dataSource(address.jdbcUrl(), address.user(), address.password())
                .locations(MIGRATIONS).table(HISTORY).connectRetries(0).ignoreMigrationPatterns("*:future").load();
    }

    /**
     * Why a server could not be reached, in the user's words where Rihla can tell — an unknown host, no server
     * answering (the connection refused, no route, no answer in time), a login or password refused (SQLSTATE class
     * 28), a server without TLS (08004 while TLS was asked for): told by exception classes and codes, never by the
     * driver's words, which are in English or the JVM's language — else with the driver's own words.
     */
    private static RejectedInput unreachable(HubAddress address, Exception e) {
        Throwable cause = e;
        for (Throwable next = e; next != null; next = next.getCause() == next ? null : next.getCause()) {
            if (next instanceof java.net.UnknownHostException) {
                return new RejectedInput("sync.hub-unknown-host", address.text(), address.host());
            }
            if (next instanceof java.net.ConnectException || next instanceof java.net.NoRouteToHostException
                    || next instanceof java.net.SocketTimeoutException) {
                return new RejectedInput("sync.hub-no-answer", address.text(), address.host(), address.port());
            }
            if (next instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return new RejectedInput("sync.hub-login-refused", address.text(), address.user());
            }
            // pgjdbc says so in the JVM's language, with SQLSTATE 08004 (connection rejected) when TLS was asked for.
            if (next instanceof SQLException sql && "08004".equals(sql.getSQLState()) && !address.sslMode().equals("disable")) {
                return new RejectedInput("sync.hub-no-tls", address.text());
            }
            cause = next;
        }
        return new RejectedInput("sync.hub-unreachable", address.text(), words(cause));
    }

    /** A failure's first line, without its final full stop (a message puts its own) nor a batch's SQL. */
    private static String words(Throwable failure) {
        Throwable shown = failure instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                ? batch.getNextException() : failure;
        String text = String.valueOf(shown.getMessage()).strip().split("\\R", 2)[0];
        return text.replaceAll("[.]+$", "");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String describe() {
        return address.text();
    }

    @Override
    public List<Batch> unread(Map<String, Long> cursors) {
        long from = cursors.getOrDefault(CHANGES, 0L);
        try (PreparedStatement last = connection.prepareStatement("SELECT max(change) FROM hub_record WHERE change > ?")) {
            last.setLong(1, from);
            try (ResultSet row = last.executeQuery()) {
                row.next();
                long to = row.getLong(1);
                if (row.wasNull()) {
                    return List.of();
                }
                return List.of(new Batch(CHANGES, to, describe() + " #" + to, false, () -> changes(from, to)));
            }
        } catch (SQLException e) {
            throw new RejectedInput("sync.hub-failed", describe(), e.getMessage());
        }
    }

    /** The records changed after change {@code from} up to {@code to}, as one change set. */
    private ExchangePackage changes(long from, long to) {
        Map<RecordKind<?>, List<ExchangePackage.Incoming>> records = new LinkedHashMap<>();
        RecordKind.all().forEach(kind -> records.put(kind, new ArrayList<>()));
        Map<UUID, String> blobs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, kind, fields::text, versions FROM hub_record WHERE change > ? AND change <= ? ORDER BY change")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Optional<RecordKind<?>> kind = RecordKind.of(row.getString(2));
                    if (kind.isEmpty()) {
                        continue;  // a kind a newer Rihla pushed: the hub's schema version says to update
                    }
                    Record record = new Record(kind.get(), row.getObject(1, UUID.class), (ObjectNode) JSON.readTree(row.getString(3)));
                    records.get(kind.get()).add(new ExchangePackage.Incoming(record,
                            List.of((String[]) row.getArray(4).getArray())));
                    if (kind.get() == RecordKind.ATTACHMENT && record.text("sha256") != null) {
                        blobs.put(record.id(), record.text("sha256"));
                    }
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new RejectedInput("sync.hub-failed", describe(), e.getMessage());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach((kind, list) -> counts.put(kind.code(), list.size()));
        ExchangePackage.Manifest manifest = new ExchangePackage.Manifest(ExchangeFormat.FORMAT, "Rihla hub", null,
                describe(), "changes", counts, null);
        return check.apply(ExchangePackage.of(manifest, records, attachment -> blob(blobs.get(attachment))));
    }

    /** An attachment's bytes from the hub, checked against their SHA-256; null when the hub does not hold them. */
    private byte[] blob(String sha256) {
        if (sha256 == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT content FROM hub_blob WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                byte[] bytes = row.getBytes(1);
                if (!Sha256.of(bytes).equals(sha256)) {
                    throw new RejectedInput("sync.hub-failed", describe(), "attachment " + sha256 + " is damaged on the hub");
                }
                return bytes;
            }
        } catch (SQLException e) {
            throw new RejectedInput("sync.hub-failed", describe(), e.getMessage());
        }
    }

    @Override
    public Pushed push(ChangeSet changes) {
        Set<UUID> taken = new HashSet<>();
        Set<UUID> refused = new HashSet<>();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PUSH_LOCK);
                lock.execute();
            }
            Map<UUID, Held> held = held(changes.records());
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO hub_record (id, kind, fields, hash, versions, change, pushed_by)"
                            + " VALUES (?, ?, ?::json, ?, ?, nextval('hub_change'), ?)"
                            + " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, fields = excluded.fields,"
                            + " hash = excluded.hash, versions = excluded.versions, change = excluded.change,"
                            + " pushed_by = excluded.pushed_by, pushed_at = now()")) {
                for (Outgoing out : changes.records()) {
                    Record record = out.record();
                    String hash = record.hash();
                    Held there = held.get(record.id());
                    if (there != null && there.hash().equals(hash)) {
                        taken.add(record.id());
                        continue;
                    }
                    if (there != null && !out.versions().contains(there.hash())) {
                        if (!there.versions().contains(hash)) {
                            refused.add(record.id());  // changed on the hub by someone who had not seen ours
                        }
                        continue;  // else the hub's is newer and came after ours: the next read brings it
                    }
                    if (!sendBlob(changes, record)) {
                        continue;  // its bytes are missing here: it goes once they are attached again
                    }
                    Set<String> versions = new TreeSet<>(out.versions());
                    if (there != null) {
                        versions.addAll(there.versions());
                    }
                    upsert.setObject(1, record.id());
                    upsert.setString(2, record.kind().code());
                    upsert.setString(3, JSON.writeValueAsString(record.fields()));
                    upsert.setString(4, hash);
                    upsert.setArray(5, connection.createArrayOf("text", versions.toArray()));
                    upsert.setString(6, changes.by());
                    upsert.addBatch();
                    taken.add(record.id());
                }
                upsert.executeBatch();
            }
            try (var notify = connection.createStatement()) {
                notify.execute("NOTIFY rihla_changes");  // for laptops listening while online
            }
            connection.commit();
            return new Pushed(taken, refused, null, 0);
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            rollbackQuietly();
            throw new RejectedInput("sync.hub-failed", describe(), words(e));
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone: closing it is all that is left
            }
        }
    }

    /** A record's version on the hub. */
    private record Held(String hash, Set<String> versions) {
    }

    private Map<UUID, Held> held(List<Outgoing> records) throws SQLException {
        Map<UUID, Held> held = new HashMap<>();
        Array ids = connection.createArrayOf("uuid", records.stream().map(out -> out.record().id()).toArray());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, hash, versions FROM hub_record WHERE id = ANY (?) FOR UPDATE")) {
            select.setArray(1, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.put(row.getObject(1, UUID.class), new Held(row.getString(2),
                            Set.of((String[]) row.getArray(3).getArray())));
                }
            }
        }
        return held;
    }

    /** Puts an attachment's bytes on the hub unless they are there; false when they are missing here. */
    private boolean sendBlob(ChangeSet changes, Record record) throws SQLException {
        String sha256 = record.text("sha256");
        if (record.kind() != RecordKind.ATTACHMENT || record.text("purged_at") != null || sha256 == null) {
            return true;
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM hub_blob WHERE sha256 = ?")) {
            exists.setString(1, sha256);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return true;
                }
            }
        }
        byte[] bytes = changes.attachment(record);
        if (bytes == null) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hub_blob (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            insert.setString(1, sha256);
            insert.setBytes(2, bytes);
            insert.execute();
        }
        return true;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a cut connection rolls the transaction back on the server anyway
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection that is already gone
        }
    }
}
