package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.service.Workspace;

/**
 * The field model ({@link RecordKind}) and the database schema say the same thing, read from H2's
 * INFORMATION_SCHEMA after every migration: every column of a record table is described (so none silently never
 * travels or never saves), with its type, length, NOT NULL and CHECK values; every table is a record kind, one
 * of their link tables, or named here as infrastructure.
 */
class SchemaGuardTest {
    private static final Set<String> INFRASTRUCTURE = Set.of("app_setting", "exchange_version", "exchange_export",
            "flyway_schema_history", "sync_record", "sync_cursor", "sync_conflict");
    private static final List<String> LINK_COLUMNS = List.of("created_at", "updated_at", "updated_by", "deleted_at");

    @TempDir
    Path folder;

    /** A column as the database describes it. */
    private record Column(String type, Long length, boolean nullable) {
    }

    @Test
    void everyColumnIsDescribedByTheFieldModelAndEveryTableIsKnown() {
        Map<String, Map<String, Column>> schema;
        Map<String, String> checks = new HashMap<>();
        try (Workspace workspace = Workspace.open(folder)) {
            schema = workspace.database().read(tx -> {
                Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
                tx.list("""
                        SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE
                        FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY ORDINAL_POSITION""", row -> {
                    tables.computeIfAbsent(row.getString(1).toLowerCase(), table -> new LinkedHashMap<>())
                            .put(row.getString(2).toLowerCase(), new Column(row.getString(3),
                                    row.getObject(4) == null ? null : row.getLong(4), "YES".equals(row.getString(5))));
                    return null;
                });
                tx.list("""
                        SELECT u.TABLE_NAME, u.COLUMN_NAME, c.CHECK_CLAUSE
                        FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c
                        JOIN INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE u ON u.CONSTRAINT_NAME = c.CONSTRAINT_NAME""", row ->
                        checks.merge((row.getString(1) + "." + row.getString(2)).toLowerCase(), row.getString(3), String::concat));
                return tables;
            });
        }
        Set<String> described = new HashSet<>(INFRASTRUCTURE);
        for (RecordKind<?> kind : RecordKind.all()) {
            Map<String, Column> table = schema.get(kind.table());
            assertThat(table).as("table of %s", kind).isNotNull();
            described.add(kind.table());
            assertThat(table.keySet()).as("columns of %s (a column the field model does not describe never travels)",
                    kind.table()).containsExactlyInAnyOrderElementsOf(kind.columns().stream().map(Field::name).toList());
            for (Field<?> field : kind.columns()) {
                Column column = table.get(field.name());
                String where = kind.table() + "." + field.name();
                assertThat(column.type()).as(where).isEqualTo(switch (field.type()) {
                    case TEXT -> field.name().equals("sha256") ? "CHARACTER" : "CHARACTER VARYING";
                    case UUID -> "UUID";
                    case INSTANT -> "TIMESTAMP WITH TIME ZONE";
                    case DATE -> "DATE";
                    case INTEGER -> column.type().equals("BIGINT") ? "BIGINT" : "INTEGER";
                    case BOOLEAN -> "BOOLEAN";
                    case BYTES -> "BINARY LARGE OBJECT";
                    case THEMES, TARGETS -> "none";
                });
                if (field.type() == Field.Type.TEXT) {
                    assertThat(column.length()).as("length of " + where).isEqualTo(field.maxChars());
                }
                assertThat(column.nullable()).as("NOT NULL of " + where).isEqualTo(!field.required());
                for (String choice : field.choices()) {
                    assertThat(checks.get(where)).as("CHECK of " + where).contains("'" + choice + "'");
                }
            }
            for (Field<?> field : kind.fields()) {
                if (!field.isColumn()) {
                    String links = field.type() == Field.Type.THEMES ? kind.table() + "_theme" : "idea_administration";
                    String owner = field.type() == Field.Type.THEMES ? kind.table() + "_id" : "idea_id";
                    String target = field.type() == Field.Type.THEMES ? "theme_id" : "administration_id";
                    assertThat(schema.get(links)).as(links).isNotNull();
                    List<String> columns = new java.util.ArrayList<>(List.of("id", owner, target));
                    columns.addAll(LINK_COLUMNS);
                    assertThat(schema.get(links).keySet()).as(links).containsExactlyInAnyOrderElementsOf(columns);
                    described.add(links);
                }
            }
        }
        assertThat(schema.keySet()).as("every table is a record kind, a link table, or named as infrastructure")
                .isSubsetOf(described);
    }
}
