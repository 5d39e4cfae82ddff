package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.Stores;

/**
 * Attachment bytes as content-addressed blobs in the data folder: stored once however often they are attached
 * or backed up, kept while the store or a kept backup needs them, brought back byte for byte by a restore, and
 * moved out of an older store's database when it is first opened.
 */
class AttachmentBlobsTest {
    private static final int MB = 1 << 20;

    @TempDir
    Path base;

    private Path photo(String name, int seed) throws IOException {
        byte[] bytes = new byte[MB];
        new Random(seed).nextBytes(bytes);
        return Files.write(base.resolve(name), bytes);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Test
    void thePhotoAttachedTwiceIsOneFileAndABackupCostsTheDatabaseNotThePhotos() throws IOException {
        Path folder = base.resolve("data");
        Path first = photo("first.jpg", 1);
        Path second = photo("second.jpg", 2);
        try (Workspace workspace = Workspace.open(folder)) {
            List<UUID> notes = Stores.addNotes(workspace, "alphaunique", 2);
            workspace.attachments().attach(Stores.SITE, EntryKind.NOTE, notes.get(0), first, "board");
            workspace.attachments().attach(Stores.SITE, EntryKind.NOTE, notes.get(1), first, "same board");
            workspace.attachments().attach(Stores.SITE, null, null, second, null);
            assertThat(workspace.backups().backUpIfChanged()).isTrue();
            for (int i = 0; i < 3; i++) {
                Stores.addNotes(workspace, "bravo" + i, 1);
                assertThat(workspace.backups().backUpIfChanged()).isTrue();
            }
            BlobStore blobs = workspace.database().blobs();
            assertThat(blobs.names()).containsExactlyInAnyOrder(Stores.sha256(first), Stores.sha256(second));
            assertThat(size(blobs.root())).isEqualTo(2L * MB);
            assertThat(Files.size(folder.resolve(Database.DB_FILE))).as("no photo inside the database")
                    .isLessThan(2L * MB);
            assertThat(workspace.backups().list()).hasSize(4).allSatisfy(backup -> assertThat(backup.sizeBytes())
                    .as("a backup holds the database, not the photos").isLessThan(MB / 2));
        }
    }

    @Test
    void aPurgedPhotoStaysWhileAKeptBackupNeedsItThenGoes() throws IOException {
        Path folder = base.resolve("data");
        Path kept = photo("kept.jpg", 3);
        Path passing = photo("passing.jpg", 4);
        Path manual;
        try (Workspace workspace = Workspace.open(folder)) {
            Attachment keptAttachment = workspace.attachments().attach(Stores.SITE, null, null, kept, null);
            manual = workspace.backups().backUpNow().file();  // made by the user: never pruned
            Attachment passingAttachment = workspace.attachments().attach(Stores.SITE, null, null, passing, null);
            workspace.trash().delete(EntryKind.ATTACHMENT, keptAttachment.id());
            workspace.trash().delete(EntryKind.ATTACHMENT, passingAttachment.id());
            workspace.backups().backUpIfChanged();  // needs both: in the trash, restorable
            workspace.trash().empty(Optional.empty());
            BlobStore blobs = workspace.database().blobs();
            for (int i = 1; i < BackupService.KEEP; i++) {
                Stores.addNotes(workspace, "change" + i, 1);
                workspace.backups().backUpIfChanged();
                assertThat(blobs.names()).as("an automatic backup that needs it is still kept")
                        .contains(Stores.sha256(passing));
            }
            Stores.addNotes(workspace, "last", 1);
            workspace.backups().backUpIfChanged();  // the last backup that needed it is pruned now
            assertThat(blobs.names()).containsExactly(Stores.sha256(kept));
        }
        BackupService.restore(folder, manual);
        try (Workspace workspace = Workspace.open(folder)) {
            Attachment restored = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThat(workspace.attachments().copyForViewing(restored)).hasSameBinaryContentAs(kept);
        }
    }

    @Test
    void aBackupMadeInAnotherDataFolderBringsItsPhotosAlong() throws IOException {
        Path theirs = base.resolve("theirs");
        Path mine = base.resolve("mine");
        Path photo = photo("board.jpg", 5);
        Path backup;
        try (Workspace workspace = Workspace.open(theirs)) {
            workspace.attachments().attach(Stores.SITE, null, null, photo, "board");
            backup = workspace.backups().backUpNow().file();
        }
        try (Workspace workspace = Workspace.open(mine)) {
            Stores.addNotes(workspace, "mine", 1);
        }
        BackupService.restore(mine, backup);
        try (Workspace workspace = Workspace.open(mine)) {
            Attachment restored = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThat(workspace.attachments().copyForViewing(restored)).hasSameBinaryContentAs(photo);
            assertThat(workspace.database().blobs().names()).containsExactly(Stores.sha256(photo));
        }
    }

    @Test
    void anOlderStoreWithPhotosInsideIsBackedUpThenMovesThemToBlobs() throws Exception {
        Path folder = base.resolve("data");
        Path photo = photo("inside.jpg", 6);
        String url = Stores.olderStore(folder, "4");
        UUID id = UUID.randomUUID();
        try (var connection = DriverManager.getConnection(url, "rihla", "");
             var insert = connection.prepareStatement("INSERT INTO attachment (id, site_id, owner_kind, owner_id,"
                     + " file_name, media_type, size_bytes, sha256, content, created_at, updated_at, updated_by)"
                     + " VALUES (?, ?, 'site', ?, 'inside.jpg', 'image/jpeg', ?, ?, ?, NOW(), NOW(), 'v4')")) {
            insert.setObject(1, id);
            insert.setObject(2, Stores.SITE);
            insert.setObject(3, Stores.SITE);
            insert.setLong(4, MB);
            insert.setString(5, Stores.sha256(photo));
            insert.setBytes(6, Files.readAllBytes(photo));
            insert.executeUpdate();
        }
        for (int start = 0; start < 2; start++) {  // the second start finds nothing left to move
            try (Workspace workspace = Workspace.open(folder)) {
                Attachment moved = workspace.attachments().forSite(Stores.SITE).get(0);
                assertThat(workspace.attachments().copyForViewing(moved)).hasSameBinaryContentAs(photo);
                assertThat(workspace.database().blobs().names()).containsExactly(Stores.sha256(photo));
                boolean inside = workspace.database().read(tx -> StoreCheck.hasColumn(tx.connection(), "ATTACHMENT",
                        "CONTENT"));
                assertThat(inside).as("the bytes left the database").isFalse();
            }
        }
        List<BackupService.Backup> before = BackupService.list(folder).stream()
                .filter(backup -> backup.reason().equals("before-migration")).toList();
        assertThat(before).hasSize(1);
        assertThat(before.get(0).sizeBytes()).as("the backup before the move holds the photo").isGreaterThan(MB / 2);

        // Restoring the backup from before the move brings an older store back: it moves its photo again.
        Files.delete(new BlobStore(folder).path(Stores.sha256(photo)));
        BackupService.restore(folder, before.get(0).file());
        try (Workspace workspace = Workspace.open(folder)) {
            Attachment moved = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThat(workspace.attachments().copyForViewing(moved)).hasSameBinaryContentAs(photo);
        }
    }

    @Test
    void aKeptBackupWhoseManifestNoLongerReadsKeepsItsPhotosByWhatItsDatabaseSays() throws Exception {
        Path folder = base.resolve("data");
        Path photo = photo("kept.jpg", 7);
        Path manual;
        try (Workspace workspace = Workspace.open(folder)) {
            Attachment attached = workspace.attachments().attach(Stores.SITE, null, null, photo, null);
            manual = workspace.backups().backUpNow().file();
            workspace.trash().delete(EntryKind.ATTACHMENT, attached.id());
            workspace.trash().empty(Optional.empty());
        }
        // The manifest cut short inside a zip that still reads: listed as damaged, yet its database restores.
        try (var zip = java.nio.file.FileSystems.newFileSystem(manual)) {
            Path manifest = zip.getPath(Backups.MANIFEST);
            byte[] bytes = Files.readAllBytes(manifest);
            Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "after", 1);
            workspace.backups().backUpIfChanged();  // removes what nothing needs
            assertThat(workspace.database().blobs().names()).containsExactly(Stores.sha256(photo));
        }
        BackupService.restore(folder, manual);
        try (Workspace workspace = Workspace.open(folder)) {
            Attachment restored = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThat(workspace.attachments().copyForViewing(restored)).hasSameBinaryContentAs(photo);
        }
    }

    @Test
    void aBackupMadeWhileAPhotoFileWasGoneRestoresTheStoreAsItWasWithoutIt() throws Exception {
        Path folder = base.resolve("data");
        Path gone = photo("gone.jpg", 8);
        Path kept = photo("kept.jpg", 9);
        Path backup;
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.attachments().attach(Stores.SITE, null, null, gone, "gone");
            workspace.attachments().attach(Stores.SITE, null, null, kept, "kept");
            Files.delete(workspace.database().blobs().path(Stores.sha256(gone)));
            Stores.addNotes(workspace, "written after", 3);
            backup = workspace.backups().backUpNow().file();
            Stores.addNotes(workspace, "later", 2);
        }
        BackupService.restore(folder, backup);
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(3);
            for (Attachment attachment : workspace.attachments().forSite(Stores.SITE)) {
                if (attachment.caption().equals("kept")) {
                    assertThat(workspace.attachments().copyForViewing(attachment)).hasSameBinaryContentAs(kept);
                } else {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.attachments()
                            .copyForViewing(attachment)).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.MISSING_ATTACHMENT));
                }
            }
        }
    }

    @Test
    void anOlderStoreWithOnePhotoThatNoLongerMatchesItsHashStillUpgradesAndNamesThatPhoto() throws Exception {
        Path folder = base.resolve("data");
        Path good = photo("good.jpg", 10);
        Path other = photo("damaged.jpg", 12);
        String url = Stores.olderStore(folder, "4");
        try (var connection = DriverManager.getConnection(url, "rihla", "");
             var insert = connection.prepareStatement("INSERT INTO attachment (id, site_id, owner_kind, owner_id,"
                     + " file_name, media_type, size_bytes, sha256, content, created_at, updated_at, updated_by)"
                     + " VALUES (?, ?, 'site', ?, ?, 'image/jpeg', ?, ?, ?, NOW(), NOW(), 'v4')")) {
            byte[] damaged = Files.readAllBytes(other);
            damaged[1000] ^= 1;  // damaged after it was attached: no longer what its SHA-256 says
            for (Object[] row : new Object[][] {{good, Files.readAllBytes(good)}, {other, damaged}}) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, Stores.SITE);
                insert.setObject(3, Stores.SITE);
                insert.setString(4, ((Path) row[0]).getFileName().toString());
                insert.setLong(5, MB);
                insert.setString(6, Stores.sha256((Path) row[0]));
                insert.setBytes(7, (byte[]) row[1]);
                insert.executeUpdate();
            }
        }
        try (Workspace workspace = Workspace.open(folder)) {
            for (Attachment attachment : workspace.attachments().forSite(Stores.SITE)) {
                if (attachment.fileName().equals("good.jpg")) {
                    assertThat(workspace.attachments().copyForViewing(attachment)).hasSameBinaryContentAs(good);
                } else {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.attachments()
                            .copyForViewing(attachment)).isInstanceOfSatisfying(StoreException.class, e -> {
                                assertThat(e.reason()).isEqualTo(StoreException.Reason.MISSING_ATTACHMENT);
                                assertThat(e.detail()).isEqualTo("damaged.jpg");
                            });
                }
            }
        }
        assertThat(BackupService.list(folder)).extracting(BackupService.Backup::reason).contains("before-migration");
    }

    @Test
    void aFolderStandingWhereAPhotoFileShouldBeIsReportedAsTheDataFolderNotTheUsersFile() throws IOException {
        Path folder = base.resolve("data");
        Path photo = photo("board.jpg", 11);
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.attachments().attach(Stores.SITE, null, null, photo, null);
            Path blob = workspace.database().blobs().path(Stores.sha256(photo));
            Files.delete(blob);
            Files.createDirectories(blob.resolve("inside"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.attachments().attach(Stores.SITE, null,
                    null, photo, null)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_WRITABLE));
            assertThat(workspace.attachments().forSite(Stores.SITE)).hasSize(1);
        }
    }
}
