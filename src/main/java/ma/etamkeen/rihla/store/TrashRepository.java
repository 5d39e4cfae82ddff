package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.TrashItem;

/**
 * Deleting, restoring and purging entries and sites. A delete sets {@code deleted_at} (the entry and the
 * attachments hanging on it, or the site and its live entries, at the same instant, so a restore brings back
 * exactly those); emptying the trash purges the content and keeps the tombstone, which other laptops need to
 * learn of the deletion. A site keeps its names once purged: entries and packages still point at it.
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

    /**
     * Moves a site to the trash with its live entries, all at the same instant, so restoring the site brings
     * back exactly those; false if it was not live.
     */
    public boolean deleteSite(Tx tx, UUID siteId, Stamp stamp) throws SQLException {
        if (tx.update("UPDATE site SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL",
                stamp.at(), stamp.at(), stamp.by(), siteId) == 0) {
            return false;
        }
        for (EntryKind kind : EntryKind.values()) {
            tx.update("UPDATE " + table(kind) + " SET deleted_at = ?, updated_at = ?, updated_by = ?"
                    + " WHERE site_id = ? AND deleted_at IS NULL", stamp.at(), stamp.at(), stamp.by(), siteId);
        }
        ContentRevision.bump(tx);
        return true;
    }

    /** Brings a site back from the trash with the entries deleted along with it; false if it was not in the trash. */
    public boolean restoreSite(Tx tx, UUID siteId, Stamp stamp) throws SQLException {
        Optional<Instant> deletedAt = tx.one("SELECT deleted_at FROM site WHERE id = ? AND deleted_at IS NOT NULL"
                + " AND purged_at IS NULL",
                row -> Tx.instant(row, "deleted_at"), siteId);
        if (deletedAt.isEmpty()) {
            return false;
        }
        tx.update("UPDATE site SET deleted_at = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
                stamp.at(), stamp.by(), siteId);
        for (EntryKind kind : EntryKind.values()) {
            tx.update("UPDATE " + table(kind) + " SET deleted_at = NULL, updated_at = ?, updated_by = ?"
                    + " WHERE site_id = ? AND deleted_at = ? AND purged_at IS NULL",
                    stamp.at(), stamp.by(), siteId, deletedAt.get());
        }
        ContentRevision.bump(tx);
        return true;
    }

    /**
     * Brings back the site of an entry if it is in the trash: an entry is never restored into a deleted site,
     * where nobody would see it. True if the site came back.
     */
    public boolean restoreSiteOf(Tx tx, EntryKind kind, UUID id, Stamp stamp) throws SQLException {
        Optional<UUID> site = tx.one("SELECT site_id FROM " + table(kind) + " WHERE id = ?", row -> Tx.uuid(row, "site_id"), id);
        return site.isPresent() && restoreSite(tx, site.get(), stamp);
    }

    /** Deleted sites that still have live entries (which nobody could see): an import's loose end. */
    public List<UUID> deletedSitesWithLiveEntries(Tx tx) throws SQLException {
        StringBuilder live = new StringBuilder();
        for (EntryKind kind : EntryKind.values()) {
            live.append(live.length() == 0 ? "" : " OR ").append("EXISTS (SELECT 1 FROM ").append(table(kind))
                    .append(" e WHERE e.site_id = s.id AND e.deleted_at IS NULL)");
        }
        return tx.list("SELECT s.id FROM site s WHERE s.deleted_at IS NOT NULL AND (" + live + ")",
                row -> Tx.uuid(row, "id"));
    }

    /**
     * What is in the trash, newest first: of one site, or of all sites. A deleted site is one item; the entries
     * deleted along with it come back with it and are not listed on their own, nor are attachments deleted
     * along with their entry.
     */
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
            String ownTrash = " AND NOT (s.deleted_at IS NOT NULL AND s.deleted_at = e.deleted_at)"
                    + (kind != EntryKind.ATTACHMENT ? ""
                    : " AND NOT EXISTS (SELECT 1 FROM note o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)"
                    + " AND NOT EXISTS (SELECT 1 FROM lesson o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)"
                    + " AND NOT EXISTS (SELECT 1 FROM idea o WHERE o.id = e.owner_id AND o.deleted_at = e.deleted_at)");
            items.addAll(tx.list("SELECT e.id, e.site_id, s.slug, s.name_ar, s.name_fr, s.name_en,"
                    + " LEFT(" + label + ", 200) AS label, e.deleted_at FROM "
                    + table(kind) + " e JOIN site s ON s.id = e.site_id"
                    + " WHERE e.deleted_at IS NOT NULL AND e.purged_at IS NULL" + siteFilter + ownTrash,
                    row -> new TrashItem(RecordKind.of(kind), Tx.uuid(row, "id"), Tx.uuid(row, "site_id"),
                            row.getString("slug"), siteName(row), row.getString("label"), Tx.instant(row, "deleted_at")),
                    args));
        }
        items.addAll(tx.list("SELECT e.id, e.slug, e.name_ar, e.name_fr, e.name_en, e.deleted_at FROM site e"
                + " WHERE e.deleted_at IS NOT NULL AND e.purged_at IS NULL" + siteFilter.replace("e.site_id", "e.id"),
                row -> new TrashItem(RecordKind.SITE, Tx.uuid(row, "id"), Tx.uuid(row, "id"), row.getString("slug"),
                        siteName(row), null, Tx.instant(row, "deleted_at")), args));
        items.sort(Comparator.comparing(TrashItem::deletedAt).reversed());
        return items;
    }

    private static Localized siteName(java.sql.ResultSet row) throws SQLException {
        return new Localized(row.getString("name_ar"), row.getString("name_fr"), row.getString("name_en"));
    }

    /**
     * Empties the trash (of one site, or all): content goes, tombstones stay. An attachment's blob goes once no
     * kept backup needs it either ({@link Backups#removeUnneededBlobs}). Returns how many entries.
     */
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
        purged += tx.update("UPDATE attachment SET thumbnail = NULL, caption = NULL, file_name = '',"
                + " purged_at = ?, updated_at = ?, updated_by = ?" + where, args);
        purged += tx.update("UPDATE site SET purged_at = ?, updated_at = ?, updated_by = ?"
                + where.replace("site_id", "id"), args);
        if (purged > 0) {
            ContentRevision.bump(tx);
        }
        return purged;
    }
}
