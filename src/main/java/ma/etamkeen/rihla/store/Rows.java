package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;

/**
 * Writes records as their {@link RecordKind} describes them: the column lists of INSERT and UPDATE, and the
 * link rows of their theme and target lists, come from the field model, not from SQL kept by hand beside it.
 * Values are keyed by column name, as stored (text, UUID, instant, date, number, boolean, a set for links).
 */
final class Rows {
    private Rows() {
    }

    /** {@code id, a, b, ...}: every column of the kind but its bytes, for SELECTs. */
    static String select(RecordKind<?> kind) {
        return kind.columns().stream().filter(field -> field.type() != Field.Type.BYTES).map(Field::name)
                .collect(Collectors.joining(", "));
    }

    /** The stored values of a record's own fields (columns and links), read through the field model. */
    static <R> Map<String, Object> values(RecordKind<R> kind, R record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field<R> field : kind.fields()) {
            if (field.value() != null) {
                values.put(field.name(), field.value().apply(record));
            }
        }
        return values;
    }

    /**
     * Inserts a record: {@code values} (keyed by column, links by their field name) plus the audit columns of
     * {@code stamp} (created and updated then, not deleted), or those already in {@code values}.
     */
    static void insert(Tx tx, RecordKind<?> kind, UUID id, Map<String, Object> values, Stamp stamp)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        Map<String, Object> links = new LinkedHashMap<>();
        split(kind, values, columns, links);
        columns.putIfAbsent("created_at", stamp.at());
        columns.putIfAbsent("updated_at", stamp.at());
        columns.putIfAbsent("updated_by", stamp.by());
        tx.update("INSERT INTO " + kind.table() + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", columns.values().toArray());
        setLinks(tx, kind, id, links, stamp);
    }

    /**
     * Updates the columns in {@code values} of the record {@code id} and stamps it, when {@code where} holds
     * (e.g. {@code deleted_at IS NULL}: a record deleted meanwhile is left alone); sets its links too.
     *
     * @return whether the record was there to update
     */
    static boolean update(Tx tx, RecordKind<?> kind, UUID id, Map<String, Object> values, Stamp stamp, String where)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, Object> links = new LinkedHashMap<>();
        split(kind, values, columns, links);
        columns.putIfAbsent("updated_at", stamp.at());
        columns.putIfAbsent("updated_by", stamp.by());
        List<Object> args = new ArrayList<>(columns.values());
        args.add(id);
        int updated = tx.update("UPDATE " + kind.table() + " SET " + columns.keySet().stream().map(name -> name + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE id = ?" + (where == null ? "" : " AND " + where),
                args.toArray());
        if (updated > 0) {
            setLinks(tx, kind, id, links, stamp);
        }
        return updated > 0;
    }

    private static void split(RecordKind<?> kind, Map<String, Object> values, Map<String, Object> columns,
                              Map<String, Object> links) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            Field<?> field = kind.field(value.getKey()).orElseThrow(
                    () -> new IllegalArgumentException(kind + " has no field " + value.getKey()));
            (field.isColumn() ? columns : links).put(value.getKey(), value.getValue());
        }
    }

    /** Sets the theme codes and target ids a record links to (link rows are tombstoned, revived or added). */
    private static void setLinks(Tx tx, RecordKind<?> kind, UUID id, Map<String, Object> links, Stamp stamp)
            throws SQLException {
        for (Map.Entry<String, Object> link : links.entrySet()) {
            Field.Type type = kind.field(link.getKey()).orElseThrow().type();
            Set<UUID> targets = new HashSet<>();
            for (Object value : (Collection<?>) link.getValue()) {
                targets.add(type == Field.Type.THEMES ? themeId(tx, String.valueOf(value))
                        : value instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(value)));
            }
            linksOf(kind, type).set(tx, id, targets, stamp);
        }
    }

    /** The link table behind a THEMES or TARGETS field: {@code <table>_theme} or {@code idea_administration}. */
    static Links linksOf(RecordKind<?> kind, Field.Type type) {
        return type == Field.Type.THEMES ? new Links(kind.table() + "_theme", kind.table() + "_id", "theme_id")
                : new Links("idea_administration", "idea_id", "administration_id");
    }

    private static UUID themeId(Tx tx, String code) throws SQLException {
        return tx.one("SELECT id FROM theme WHERE code = ?", row -> Tx.uuid(row, "id"), code)
                .orElseThrow(() -> new SQLException("Unknown theme " + code));
    }
}
