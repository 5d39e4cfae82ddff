package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Many-to-many link rows (lesson–theme, idea–administration ...). Setting a new set tombstones the links
 * that went away and revives or adds the others; link ids derive from both ends, so they merge cleanly.
 */
final class Links {
    private final String table;
    private final String ownerColumn;
    private final String targetColumn;

    private record Link(UUID target, boolean deleted) {
    }

    Links(String table, String ownerColumn, String targetColumn) {
        this.table = table;
        this.ownerColumn = ownerColumn;
        this.targetColumn = targetColumn;
    }

    Set<UUID> live(Tx tx, UUID owner) throws SQLException {
        return new HashSet<>(tx.list("SELECT " + targetColumn + " FROM " + table + " WHERE " + ownerColumn
                + " = ? AND deleted_at IS NULL", row -> row.getObject(1, UUID.class), owner));
    }

    void set(Tx tx, UUID owner, Set<UUID> targets, Stamp stamp) throws SQLException {
        List<Link> existing = tx.list("SELECT " + targetColumn + ", deleted_at IS NOT NULL FROM " + table
                + " WHERE " + ownerColumn + " = ?", row -> new Link(row.getObject(1, UUID.class), row.getBoolean(2)), owner);
        String where = " WHERE " + ownerColumn + " = ? AND " + targetColumn + " = ?";
        Set<UUID> known = new HashSet<>();
        for (Link link : existing) {
            known.add(link.target());
            boolean wanted = targets.contains(link.target());
            if (wanted && link.deleted()) {
                tx.update("UPDATE " + table + " SET deleted_at = NULL, updated_at = ?, updated_by = ?" + where,
                        stamp.at(), stamp.by(), owner, link.target());
            } else if (!wanted && !link.deleted()) {
                tx.update("UPDATE " + table + " SET deleted_at = ?, updated_at = ?, updated_by = ?" + where,
                        stamp.at(), stamp.at(), stamp.by(), owner, link.target());
            }
        }
        for (UUID target : targets) {
            if (!known.contains(target)) {
                tx.update("INSERT INTO " + table + " (id, " + ownerColumn + ", " + targetColumn
                        + ", created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)",
                        Ids.link(table, owner, target), owner, target, stamp.at(), stamp.at(), stamp.by());
            }
        }
    }
}
