package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.TrashItem;

/**
 * Deleting, restoring and purging entries. A delete sets {@code deleted_at} (the entry and the attachments
 * hanging on it, at the same instant, so a restore brings back exactly those); emptying the trash purges the
 * content and keeps the tombstone, which other laptops need to learn of the deletion.
 */
public final class TrashRepository {

    private static String table(EntryKind kind) {
        return kind.code();
    }

    /** Moves an entry to the trash; false if it was not live. */
    public boolean delete(Tx tx, EntryKind kind, UUID id, Stamp stamp) throws SQLException {
        int changed = tx.update("UPDATE " + table(kind) + " SET deleted_at = ?, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND deleted_at IS NULL", stamp.at(), stamp.at(), stamp.by(), id);
        if (changed > 0) {
            ContentRevision.bump(tx);
        }
        if (changed > 0 && kind != EntryKind.ATTACHMENT) {
            tx.update("UPDATE attachment SET deleted_at = ?, updated_at = ?, updated_by = ?"
                    + " WHERE owner_kind = ? AND owner_id = ? AND deleted_at IS NULL",
                    stamp.at(), stamp.at(), stamp.by(), kind.code(), id);
        }
        return changed > 0;
    }

    /** Brings an entry back from the trash, with the attachments deleted along with it; false if not in the trash. */
    public boolean restore(Tx tx, EntryKind kind, UUID id, Stamp stamp) throws SQLException {
        Optional<Instant> deletedAt = tx.one("SELECT deleted_at FROM " + table(kind)
                + " WHERE id = ? AND deleted_at IS NOT NULL AND purged_at IS NULL", row -> Tx.instant(row, "deleted_at"), id);
        if (deletedAt.isEmpty()) {
            return false;
        }
        tx.update("UPDATE " + table(kind) + " SET deleted_at = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
                stamp.at(), stamp.by(), id);
        ContentRevision.bump(tx);
        if (kind != EntryKind.ATTACHMENT) {
            tx.update("UPDATE attachment SET deleted_at = NULL, updated_at = ?, updated_by = ?"
                    + " WHERE owner_kind = ? AND owner_id = ? AND deleted_at = ? AND purged_at IS NULL",
                    stamp.at(), stamp.by(), kind.code(), id, deletedAt.get());
        }
        return true;
    }

    /** What is in the trash, newest first: of one site, or of all sites. */
    public List<TrashItem> list(Tx tx, Optional<UUID> siteId) throws SQLException {
        List<TrashItem> items = new ArrayList<>();
        String siteFilter = siteId.isPresent() ? " AND e.site_id = ?" : "";
        Object[] args = siteId.isPresent() ? new Object[] {siteId.get()} : new Object[0];
        for (EntryKind kind : EntryKind.values()) {
            String label = switch (kind) {
                case NOTE -> "e.body";
                case LESSON, IDEA -> "e.title";
                case ATTACHMENT -> "e.file_name";
            };
            // Attachments deleted along with their entry come back with it; they are not listed on their own.
            String ownTrash = kind == EntryKind.ATTACHMENT
                    ? " AND NOT EXISTS (SELECT 1 FROM note o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)"
                    + " AND NOT EXISTS (SELECT 1 FROM lesson o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)"
                    + " AND NOT EXISTS (SELECT 1 FROM idea o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)"
                    : "";
            items.addAll(tx.list("SELECT e.id, e.site_id, s.slug, LEFT(" + label + ", 200) AS label, e.deleted_at FROM "
                    + table(kind) + " e JOIN site s ON s.id = e.site_id"
                    + " WHERE e.deleted_at IS NOT NULL AND e.purged_at IS NULL" + siteFilter + ownTrash,
                    row -> new TrashItem(kind, Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), row.getString("slug"),
                            row.getString("label"), Tx.instant(row, "deleted_at")), args));
        }
        items.sort(Comparator.comparing(TrashItem::deletedAt).reversed());
        return items;
    }

    /** Empties the trash (of one site, or all): content goes, tombstones stay. Returns how many entries. */
    public int purge(Tx tx, Optional<UUID> siteId, Stamp stamp) throws SQLException {
        String siteFilter = siteId.isPresent() ? " AND site_id = ?" : "";
        Object[] args = siteId.isPresent()
                ? new Object[] {stamp.at(), stamp.at(), stamp.by(), siteId.get()}
                : new Object[] {stamp.at(), stamp.at(), stamp.by()};
        String where = " WHERE deleted_at IS NOT NULL AND purged_at IS NULL" + siteFilter;
        int purged = 0;
        purged += tx.update("UPDATE note SET body = '', purged_at = ?, updated_at = ?, updated_by = ?" + where, args);
        purged += tx.update("UPDATE lesson SET title = '', observed = NULL, why_it_works = NULL, purged_at = ?,"
                + " updated_at = ?, updated_by = ?" + where, args);
        purged += tx.update("UPDATE idea SET title = '', description = NULL, owner = NULL, prerequisites = NULL,"
                + " purged_at = ?, updated_at = ?, updated_by = ?" + where, args);
        purged += tx.update("UPDATE attachment SET content = NULL, thumbnail = NULL, caption = NULL, file_name = '',"
                + " purged_at = ?, updated_at = ?, updated_by = ?" + where, args);
        if (purged > 0) {
            ContentRevision.bump(tx);
        }
        return purged;
    }
}
