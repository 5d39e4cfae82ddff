package ma.etamkeen.rihla.store;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.EntryKind;

/** Attachments and their bytes (kept in the database, so backups and exports are always complete). */
public final class AttachmentRepository {
    private static final String COLUMNS = "id, site_id, owner_kind, owner_id, file_name, media_type, size_bytes, sha256,"
            + " caption, thumbnail IS NOT NULL AS has_thumbnail, created_at";

    /** Live attachments of a site, its own and its entries'. */
    public List<Attachment> findBySite(Tx tx, UUID siteId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM attachment WHERE site_id = ? AND deleted_at IS NULL ORDER BY created_at",
                AttachmentRepository::map, siteId);
    }

    public Optional<Attachment> find(Tx tx, UUID id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM attachment WHERE id = ? AND deleted_at IS NULL",
                AttachmentRepository::map, id);
    }

    /** Stores a new attachment, streaming its bytes from {@code content}. */
    public void insert(Tx tx, Attachment attachment, InputStream content, byte[] thumbnail, Stamp stamp)
            throws SQLException {
        String ownerKind = attachment.ownerKind() == null ? "site" : attachment.ownerKind().code();
        UUID ownerId = attachment.ownerId() == null ? attachment.siteId() : attachment.ownerId();
        try (PreparedStatement statement = tx.connection().prepareStatement("""
                INSERT INTO attachment (id, site_id, owner_kind, owner_id, file_name, media_type, size_bytes, sha256,
                    caption, content, thumbnail, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, attachment.id());
            statement.setObject(2, attachment.siteId());
            statement.setString(3, ownerKind);
            statement.setObject(4, ownerId);
            statement.setString(5, attachment.fileName());
            statement.setString(6, attachment.mediaType());
            statement.setLong(7, attachment.sizeBytes());
            statement.setString(8, attachment.sha256());
            statement.setString(9, attachment.caption());
            statement.setBinaryStream(10, content, attachment.sizeBytes());
            statement.setBytes(11, thumbnail);
            statement.setObject(12, stamp.at().atOffset(java.time.ZoneOffset.UTC));
            statement.setObject(13, stamp.at().atOffset(java.time.ZoneOffset.UTC));
            statement.setString(14, stamp.by());
            statement.executeUpdate();
        }
        ContentRevision.bump(tx);
    }

    public void updateCaption(Tx tx, UUID id, String caption, Stamp stamp) throws SQLException {
        tx.update("UPDATE attachment SET caption = ?, updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL",
                caption, stamp.at(), stamp.by(), id);
        ContentRevision.bump(tx);
    }

    /**
     * The stored bytes of an attachment; empty once purged.
     *
     * @throws SQLException H2's "file corrupted" (90030) when they no longer match the SHA-256 recorded with them
     */
    public Optional<byte[]> content(Tx tx, UUID id) throws SQLException {
        return tx.one("SELECT id, content, sha256 FROM attachment WHERE id = ? AND content IS NOT NULL", AttachmentRepository::checked, id);
    }

    /** The bytes of the attachment row {@code row} ({@code content, sha256}), checked against their SHA-256. */
    static byte[] checked(java.sql.ResultSet row) throws SQLException {
        byte[] content = row.getBytes("content");
        if (content != null && !Sha256.of(content).equals(row.getString("sha256"))) {
            throw StoreCheck.damage("attachment " + row.getString("id") + " does not match its recorded SHA-256", null);
        }
        return content;
    }

    public Optional<byte[]> thumbnail(Tx tx, UUID id) throws SQLException {
        return tx.one("SELECT thumbnail FROM attachment WHERE id = ? AND thumbnail IS NOT NULL", row -> row.getBytes(1), id);
    }

    private static Attachment map(ResultSet row) throws SQLException {
        String kind = row.getString("owner_kind");
        EntryKind ownerKind = kind.equals("site") ? null : EntryKind.fromCode(kind);
        return new Attachment(Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), ownerKind,
                ownerKind == null ? null : Tx.uuid(row, "owner_id"), row.getString("file_name"),
                row.getString("media_type"), row.getLong("size_bytes"), row.getString("sha256"),
                row.getString("caption"), row.getBoolean("has_thumbnail"), Tx.instant(row, "created_at"));
    }
}
