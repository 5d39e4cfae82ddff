package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.EntryKind;

/**
 * Attachments: their rows in the database, their bytes in the data folder's {@link BlobStore} (named by the
 * SHA-256 each row records).
 */
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

    /**
     * Stores a new attachment: its bytes, read from {@code content}, as a blob synced to the disk, then its row.
     *
     * @throws IOException when {@code content} cannot be read, is not the bytes the attachment's SHA-256 names,
     *                     or the disk refuses them; nothing is stored then
     */
    public void insert(Tx tx, Attachment attachment, InputStream content, byte[] thumbnail, Stamp stamp)
            throws SQLException, IOException {
        tx.blobs().put(attachment.sha256(), content);
        String ownerKind = attachment.ownerKind() == null ? "site" : attachment.ownerKind().code();
        UUID ownerId = attachment.ownerId() == null ? attachment.siteId() : attachment.ownerId();
        try (PreparedStatement statement = tx.connection().prepareStatement("""
                INSERT INTO attachment (id, site_id, owner_kind, owner_id, file_name, media_type, size_bytes, sha256,
                    caption, thumbnail, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, attachment.id());
            statement.setObject(2, attachment.siteId());
            statement.setString(3, ownerKind);
            statement.setObject(4, ownerId);
            statement.setString(5, attachment.fileName());
            statement.setString(6, attachment.mediaType());
            statement.setLong(7, attachment.sizeBytes());
            statement.setString(8, attachment.sha256());
            statement.setString(9, attachment.caption());
            statement.setBytes(10, thumbnail);
            statement.setObject(11, stamp.at().atOffset(java.time.ZoneOffset.UTC));
            statement.setObject(12, stamp.at().atOffset(java.time.ZoneOffset.UTC));
            statement.setString(13, stamp.by());
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
     * The stored bytes of an attachment, checked against its SHA-256; empty once purged (or for an unknown id).
     *
     * @throws StoreException {@code MISSING_ATTACHMENT} (detail: the file name) when its blob is missing from
     *                        the data folder or no longer matches its SHA-256
     */
    public Optional<byte[]> content(Tx tx, UUID id) throws SQLException {
        Optional<String[]> row = tx.one("SELECT sha256, file_name FROM attachment WHERE id = ? AND purged_at IS NULL",
                r -> new String[] {r.getString(1), r.getString(2)}, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(tx.blobs().read(row.get()[0]));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.MISSING_ATTACHMENT, row.get()[1], e);
        }
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
