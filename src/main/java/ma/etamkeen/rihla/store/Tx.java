package ma.etamkeen.rihla.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Codes;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;

/** One connection, inside a transaction for writes; small helpers so repositories stay short. */
public final class Tx {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final BlobStore blobs;

    Tx(Connection connection, BlobStore blobs) {
        this.connection = connection;
        this.blobs = blobs;
    }

    public Connection connection() {
        return connection;
    }

    /** The attachment bytes of the data folder this connection's database belongs to. */
    public BlobStore blobs() {
        return blobs;
    }

    /**
     * The rows {@code sql} selects, each made into a {@code T} by {@code mapper}.
     *
     * @throws StoreException {@code CHANGED_VALUE} when a row holds a value the mapper cannot read (Rihla
     *                        never writes one: the database was changed outside it); nothing is written
     */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            Map<Integer, Field<?>> checked = checkedColumns(rows.getMetaData());
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                try {
                    for (Map.Entry<Integer, Field<?>> column : checked.entrySet()) {
                        if (!column.getValue().accepts(rows.getString(column.getKey()))) {
                            throw new IllegalArgumentException(column.getValue().name() + " is not well formed");
                        }
                    }
                    result.add(mapper.map(rows));
                } catch (StoreException | java.util.concurrent.CancellationException e) {
                    throw e;  // not the row's fault (a mapper that hands rows on may be told to stop)
                } catch (RuntimeException e) {
                    throw new StoreException(StoreException.Reason.CHANGED_VALUE, whichRecord(rows), e);
                }
            }
            return result;
        }
    }

    /**
     * The selected columns whose texts the field model checks (choices, a slug's or a hash's format), by their
     * index: what a package is refused for is not read from the store either, whoever put it there.
     */
    private static Map<Integer, Field<?>> checkedColumns(ResultSetMetaData columns) throws SQLException {
        Map<Integer, Field<?>> checked = new HashMap<>();
        for (int column = 1; column <= columns.getColumnCount(); column++) {
            String name = columns.getColumnName(column);
            Optional<RecordKind<?>> kind = RecordKind.ofTable(columns.getTableName(column));
            if (kind.isPresent()) {
                for (Field<?> field : kind.get().columns()) {
                    if (field.checksText() && field.name().equalsIgnoreCase(name)) {
                        checked.put(column, field);
                    }
                }
            }
        }
        return checked;
    }

    /**
     * The row {@code rows} is on, as far as the query says it: its table, its id, and its slug or code when
     * it has a well-formed one ("SITE 1b4e28ba-… becode"); the service's {@code Failures} words it for the user.
     */
    private static String whichRecord(ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        StringBuilder record = new StringBuilder(columns.getTableName(1));
        String name = null;
        for (int column = 1; column <= columns.getColumnCount(); column++) {
            String label = columns.getColumnLabel(column);
            if (label.equalsIgnoreCase("id")) {
                record.append(' ').append(rows.getString(column));
            } else if ((label.equalsIgnoreCase("slug") || label.equalsIgnoreCase("code"))
                    && Codes.valid(rows.getString(column))) {
                name = rows.getString(column);
            }
        }
        return name == null ? record.toString() : record + " " + name;
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... args) throws SQLException {
        return one(sql, row -> row.getLong(1), args).orElse(0L);
    }

    public boolean exists(String sql, Object... args) throws SQLException {
        return !list(sql, row -> Boolean.TRUE, args).isEmpty();
    }

    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        }
    }

    public void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Instant instant) {
                    arg = instant.atOffset(ZoneOffset.UTC);
                } else if (arg instanceof Enum<?> e) {
                    throw new IllegalArgumentException("pass the enum's code, not " + e);
                }
                statement.setObject(i + 1, arg);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    // Column readers shared by the repositories.

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** The {@code <prefix>_ar}, {@code _fr} and {@code _en} columns as one text. */
    public static Localized localized(ResultSet row, String prefix) throws SQLException {
        return new Localized(row.getString(prefix + "_ar"), row.getString(prefix + "_fr"), row.getString(prefix + "_en"));
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
