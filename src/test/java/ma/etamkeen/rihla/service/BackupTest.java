package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.StoreException;
import ma.etamkeen.rihla.store.TableDump;

/** Backups on real files: made while open, restored into the closed folder, exactly. */
class BackupTest {
    private static final UUID BOSA = Seeder.siteId("fps-bosa");

    @TempDir
    Path folder;
    @TempDir
    Path elsewhere;

    private static Note note(String body) {
        return new Note(UUID.randomUUID(), BOSA, null, LocalDate.of(2022, 9, 30), body, null);
    }

    @Test
    void restoringABackupBringsBackExactlyItsContentAfterBackingUpTheCurrentState() {
        Map<String, List<String>> atBackup;
        BackupService.Backup backup;
        Map<String, List<String>> beforeRestore;
        String idBefore;
        try (Workspace workspace = Workspace.open(folder)) {
            Note kept = workspace.notes().save(note("MyGov.be: un seul portail"));
            backup = workspace.backups().backUpNow();
            atBackup = TableDump.content(workspace.database());
            workspace.notes().save(kept.withBody("changed after the backup"));
            workspace.notes().save(note("added after the backup"));
            workspace.trash().delete(EntryKind.NOTE, kept.id());
            beforeRestore = TableDump.content(workspace.database());
            idBefore = TableDump.databaseId(workspace.database());
        }
        assertThat(backup.state()).isEqualTo(BackupService.State.GOOD);
        assertThat(backup.counts().notes()).isEqualTo(1);

        BackupService.restore(folder, backup.file());

        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(TableDump.content(workspace.database())).isEqualTo(atBackup);
            // A restored store starts a history of its own: nothing recorded of the old one is taken for it.
            assertThat(TableDump.databaseId(workspace.database())).isNotEqualTo(idBefore);
            assertThat(workspace.notes().forSite(BOSA)).extracting(Note::body).containsExactly("MyGov.be: un seul portail");
            BackupService.Backup safety = workspace.backups().list().stream()
                    .filter(b -> b.reason().equals("before-restore")).findFirst().orElseThrow();
            assertThat(safety.file()).exists();
            // The safety copy holds the state the restore replaced.
            workspace.close();
            BackupService.restore(folder, safety.file());
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(TableDump.content(workspace.database())).isEqualTo(beforeRestore);
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndTheDataStays() throws Exception {
        Map<String, List<String>> before;
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.notes().save(note("precious"));
            before = TableDump.of(workspace.database());
        }
        Path text = Files.writeString(elsewhere.resolve("notes.zip"), "not a zip at all");
        Path noDatabase = elsewhere.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noDatabase))) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        Path fakeDatabase = elsewhere.resolve("fake.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(fakeDatabase))) {
            zip.putNextEntry(new ZipEntry("rihla.mv.db"));
            zip.write("garbage, not H2".getBytes());
        }
        for (Path bad : List.of(text, noDatabase, fakeDatabase, elsewhere.resolve("missing.zip"))) {
            assertThatThrownBy(() -> BackupService.restore(folder, bad)).as(bad.toString())
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_BACKUP));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(TableDump.of(workspace.database())).isEqualTo(before);
        }
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.startsWith("restore-"));
    }

    @Test
    void restoringIntoAFolderInUseIsRefused() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            BackupService.Backup backup = workspace.backups().backUpNow();
            assertThatThrownBy(() -> BackupService.restore(folder, backup.file()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.IN_USE));
            assertThat(workspace.catalog().sites()).hasSize(15);
        }
    }

    @Test
    void automaticBackupsHappenOnlyAfterChangesAndRoll() {
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.backups().backUpIfChanged()).isTrue();
            assertThat(workspace.backups().backUpIfChanged()).isFalse();
            for (int i = 0; i < BackupService.KEEP + 3; i++) {
                workspace.notes().save(note("change " + i));
                assertThat(workspace.backups().backUpIfChanged()).isTrue();
            }
            workspace.backups().backUpNow();
            List<BackupService.Backup> backups = workspace.backups().list();
            assertThat(backups).filteredOn(b -> b.reason().equals("auto")).hasSize(BackupService.KEEP);
            assertThat(backups).filteredOn(b -> b.reason().equals("manual")).hasSize(1);
            assertThat(backups.get(0).createdAt()).isAfterOrEqualTo(backups.get(1).createdAt());
        }
    }

    @Test
    void aPartialBackupIsListedAsDamagedNeverOfferedNorKeptInPlaceOfAGoodOne() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            for (int i = 0; i < BackupService.KEEP; i++) {
                workspace.notes().save(note("change " + i));
                workspace.backups().backUpIfChanged();
            }
            // What a kill left under a backup's name in Rihla 0.1: the first half of a zip.
            BackupService.Backup newest = workspace.backups().list().get(0);
            byte[] bytes = Files.readAllBytes(newest.file());
            Path partial = newest.file().resolveSibling("rihla-29990101-000000-000-auto.zip");
            Files.write(partial, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThat(workspace.backups().list().get(0)).satisfies(backup -> {
                assertThat(backup.file()).isEqualTo(partial);
                assertThat(backup.state()).isEqualTo(BackupService.State.DAMAGED);
                assertThat(backup.restorable()).isFalse();
            });
            assertThat(BackupService.newestGood(folder, java.util.Optional.empty())).hasValueSatisfying(good ->
                    assertThat(good.file()).isEqualTo(newest.file()));
            workspace.notes().save(note("one more"));
            workspace.backups().backUpIfChanged();
            List<BackupService.Backup> kept = workspace.backups().list();
            assertThat(kept).noneMatch(backup -> backup.file().equals(partial));
            assertThat(kept).filteredOn(backup -> backup.reason().equals("auto")).hasSize(BackupService.KEEP)
                    .allMatch(backup -> backup.state() == BackupService.State.GOOD);
        }
    }

    @Test
    void zipWithTwoDatabasesIsRefused() throws Exception {
        BackupService.Backup backup;
        try (Workspace workspace = Workspace.open(folder)) {
            backup = workspace.backups().backUpNow();
        }
        byte[] database;
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(backup.file()))) {
            zip.getNextEntry();
            database = zip.readAllBytes();
        }
        Path twice = elsewhere.resolve("twice.zip");
        try (OutputStream out = Files.newOutputStream(twice); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("rihla.mv.db", "other.mv.db")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(database);
            }
        }
        assertThatThrownBy(() -> BackupService.restore(folder, twice))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_BACKUP));
    }
}
