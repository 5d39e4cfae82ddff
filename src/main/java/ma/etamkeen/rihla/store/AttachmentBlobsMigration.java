package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema 5: attachment bytes leave the database for the data folder's {@link BlobStore}. Each attachment that
 * still holds bytes has them written as a blob (synced to the disk), then the {@code content} column is
 * dropped. Bytes that no longer match their SHA-256 are left out (the attachment reads as damaged, as before). Like every migration it runs on a copy in a work folder, after a {@code before-migration} backup,
 * and the copy is swapped in whole ({@link Database}): a kill leaves the old store, and at worst blobs that
 * the next pass finds already stored.
 */
final class AttachmentBlobsMigration implements JavaMigration {
    /** The schema version this migration makes. */
    static final int VERSION = 5;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            AttachmentBlobsMigration.class.getName());

    private final BlobStore blobs;

    AttachmentBlobsMigration(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(VERSION));
    }

    @Override
    public String getDescription() {
        return "attachment bytes as blobs";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sha256, content FROM attachment WHERE content IS NOT NULL")) {
            while (rows.next()) {
                try (InputStream content = rows.getBinaryStream("content")) {
                    blobs.put(rows.getString("sha256"), content);
                } catch (BlobStore.RefusedBytes e) {
                    if (e.unreadable()) {
                        throw e;  // H2 cannot read the value: the store is damaged, the migration stops
                    }
                    // Bytes that no longer match their SHA-256 (damaged before this version): the attachment
                    // then reads as missing or damaged by name, as it did before; the rest moves on.
                    LOG.warning(() -> "Attachment bytes that do not match their SHA-256 were left out: " + e.getMessage());
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE attachment DROP COLUMN content");
        }
    }
}
