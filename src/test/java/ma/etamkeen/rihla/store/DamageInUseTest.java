package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ma.etamkeen.rihla.cli.Cli;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.DamagedStore;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.Stores;

/**
 * Damage that only shows when the data is read, backups damaged after they were written, a database copied in
 * from another folder, and what kills leave behind: never a backup called verified that is not, never a good
 * backup pushed out by a bad one, never another store taken silently for the folder's own.
 */
class DamageInUseTest {
    @TempDir
    Path base;

    /** A store with 30 notes and a photo of 300 KB of random bytes, and one good backup of it. */
    private Path storeWithPhoto(byte[] photo) throws IOException {
        Path folder = base.resolve("data");
        Path file = base.resolve("photo.jpg");
        Files.write(file, photo);
        try (Workspace workspace = Workspace.open(folder)) {
            List<UUID> notes = Stores.addNotes(workspace, "alphaunique", 30);
            workspace.attachments().attach(Stores.SITE, EntryKind.NOTE, notes.get(0), file, "whiteboard");
            workspace.backups().backUpNow();
        }
        return folder;
    }

    /**
     * A photo file damaged on the disk (one byte flipped) or gone from the data folder: every read refuses it by
     * name, nothing exports it, no restore brings back a store that needs it, and the store itself is not taken
     * for damaged. Attaching the same file again brings it back for every attachment that holds it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"flipped", "deleted"})
    void aDamagedOrMissingPhotoFileIsRefusedByNameAndAttachingItAgainBringsItBack(String fault) throws IOException {
        byte[] photo = new byte[300_000];
        new Random(3).nextBytes(photo);
        Path folder = storeWithPhoto(photo);
        Path good = BackupService.list(folder).get(0).file();
        Path blob = new BlobStore(folder).path(Sha256.of(photo));
        if (fault.equals("flipped")) {
            byte[] bytes = Files.readAllBytes(blob);
            bytes[150_010] ^= (byte) 0x01;
            Files.write(blob, bytes);
        } else {
            Files.delete(blob);
        }

        try (Workspace workspace = Workspace.open(folder)) {
            var attachment = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThatThrownBy(() -> workspace.attachments().copyForViewing(attachment))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StoreException.Reason.MISSING_ATTACHMENT);
                        assertThat(e.detail()).isEqualTo("photo.jpg");
                    });
            assertThatThrownBy(() -> workspace.exchange().export(base.resolve("out.rihla"), ExportScope.all(),
                    ExchangeService.Progress.NONE)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.MISSING_ATTACHMENT));
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(30);  // the store itself reads on
        }
        assertThat(base.resolve("out.rihla")).doesNotExist();
        assertThat(CliRun.on(folder, "sites").code()).isZero();
        String before = Stores.sha256(folder.resolve(Database.DB_FILE));
        assertThatThrownBy(() -> BackupService.restore(folder, good)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.BACKUP_MISSING_ATTACHMENTS));
        assertThat(Stores.sha256(folder.resolve(Database.DB_FILE))).as("nothing changed").isEqualTo(before);

        try (Workspace workspace = Workspace.open(folder)) {
            workspace.attachments().attach(Stores.SITE, null, null, base.resolve("photo.jpg"), "again");
            for (var attachment : workspace.attachments().forSite(Stores.SITE)) {
                assertThat(workspace.attachments().copyForViewing(attachment)).hasBinaryContent(photo);
            }
        }
        assertThat(CliRun.on(folder, "restore", good.toString()).code()).isZero();
        try (Workspace workspace = Workspace.open(folder)) {
            var attachment = workspace.attachments().forSite(Stores.SITE).get(0);
            assertThat(workspace.attachments().copyForViewing(attachment)).hasBinaryContent(photo);
        }
    }

    @Test
    void aBackupDamagedSinceItWasWrittenShowsDamagedIsPassedOverAndIsRefusedForWhatItIs() throws IOException {
        byte[] photo = new byte[300_000];
        new Random(5).nextBytes(photo);
        Path folder = storeWithPhoto(photo);
        Path older = BackupService.list(folder).get(0).file();
        Path newer;
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "bravounique", 5);
            newer = workspace.backups().backUpNow().file();
        }
        byte[] zip = Files.readAllBytes(newer);
        zip[zip.length / 2] ^= (byte) 0x20;  // inside the compressed database: the zip's CRC-32 no longer matches
        Files.write(newer, zip);

        assertThat(BackupService.list(folder)).filteredOn(backup -> backup.file().equals(newer))
                .singleElement().satisfies(backup -> assertThat(backup.state()).isEqualTo(BackupService.State.DAMAGED));
        assertThat(BackupService.newestGood(folder, Optional.empty())).hasValueSatisfying(
                backup -> assertThat(backup.file()).isEqualTo(older));
        assertThatThrownBy(() -> BackupService.restore(folder, newer)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DAMAGED_BACKUP));
        CliRun restore = CliRun.on(folder, "restore", newer.toString());
        assertThat(restore.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(restore.err()).contains("is damaged", "older backup").doesNotContain("not a Rihla backup");
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(35);  // nothing was changed
        }
    }

    @Test
    void aDatabaseCopiedInFromAnotherFolderIsAskedAboutAndCanBeUsedAsItIs() throws IOException {
        Path mine = base.resolve("mine");
        Path theirs = base.resolve("theirs");
        try (Workspace workspace = Workspace.open(mine)) {
            Stores.addNotes(workspace, "alphaunique", 3);
            workspace.search().awaitReady();
            workspace.backups().backUpNow();
        }
        try (Workspace workspace = Workspace.open(theirs)) {
            Stores.addNotes(workspace, "bravounique", 4);
            workspace.backups().backUpNow();  // another store's backup, newer: never offered for mine
        }
        Files.copy(theirs.resolve(Database.DB_FILE), mine.resolve(Database.DB_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(BackupService.list(theirs).get(0).file(), mine.resolve(Backups.FOLDER).resolve(
                BackupService.list(theirs).get(0).file().getFileName()));
        String fingerprint = Stores.sha256(mine.resolve(Database.DB_FILE));

        DamagedStore damaged = DamagedStore.of(catchThrowable(mine)).orElseThrow();
        assertThat(damaged.kind()).isEqualTo(DamagedStore.Kind.FOREIGN);
        assertThat(damaged.usableAsItIs()).isTrue();
        assertThat(damaged.newestGood()).hasValueSatisfying(backup -> assertThat(backup.counts().notes()).isEqualTo(3));
        assertThat(CliRun.on(mine, "sites").err()).contains("not the one Rihla last used", "use this database as it is");
        assertThat(Stores.sha256(mine.resolve(Database.DB_FILE))).isEqualTo(fingerprint);

        damaged.useAsItIs();
        for (int start = 0; start < 2; start++) {
            try (Workspace workspace = Workspace.open(mine)) {
                assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(4);
                workspace.search().awaitReady();
                assertThat(workspace.search().search("bravounique", Set.of(), Set.of(), Language.FR, 10).total()).isEqualTo(4);
                assertThat(workspace.search().search("alphaunique", Set.of(), Set.of(), Language.FR, 10).total()).isZero();
            }
        }
    }

    private static Throwable catchThrowable(Path folder) {
        try (Workspace workspace = Workspace.open(folder)) {
            throw new AssertionError("opened " + workspace.folder());
        } catch (DamagedStoreException e) {
            return e;
        }
    }

    @Test
    void aSuspicionThatReadingTheWholeStoreDisprovesIsClearedAtTheNextStart() {
        Path folder = base.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "alphaunique", 3);
        }
        StoreMarker.suspect(folder, "a read failed once");
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(3);
        }
        assertThat(StoreMarker.suspicion(folder)).isEmpty();
    }

    /** Reading whole checks each value against its column's type: every kind of entry the app writes passes. */
    @Test
    void aStoreWithEveryKindOfEntryReadsWholeValueByValue() throws Exception {
        Path folder = base.resolve("demo");
        ma.etamkeen.rihla.testing.DemoData.fill(folder);
        StoreMarker.suspect(folder, "a read failed once");
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.folder()).isEqualTo(folder);
        }
        assertThat(StoreMarker.suspicion(folder)).isEmpty();
    }

    @Test
    void whatKillsLeaveBehindIsRemovedAndNoTraceFileGrows() throws IOException {
        Path folder = base.resolve("data");
        Path briefs = base.resolve("briefs");
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.backups().backUpNow();
        }
        Path zipCopy = Files.writeString(folder.resolve(Backups.FOLDER).resolve("zipfstmp812.tmp"), "a copy");
        Path damagedPart = Files.createDirectories(folder.resolve(Backups.DAMAGED_FOLDER)).resolve(".rihla-1.part");
        Files.writeString(damagedPart, "half a database");
        Files.createDirectories(briefs);
        Path abandoned = Files.writeString(briefs.resolve(".rihla-2.part"), "half a brief");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER).minusSeconds(60)));
        Path writing = Files.writeString(briefs.resolve(".rihla-3.part"), "a brief another Rihla is writing");

        List<String> commands = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            commands.add("sites");
            assertThat(CliRun.on(folder, "sites").code()).isZero();
        }
        assertThat(CliRun.on(folder, "brief", "asa", "--out", briefs.resolve("asa.pdf").toString()).code()).isZero();
        assertThat(zipCopy).doesNotExist();
        assertThat(damagedPart).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(writing).as("a recent one may still be written").exists();
        assertThat(folder.resolve("rihla.trace.db")).as("after %s", commands).doesNotExist();
    }


    /**
     * A value changed by hand outside Rihla that the model cannot read or the field model does not allow (a name
     * no field has, among the fields to confirm or the confirmations; a confirmation whose date is not one; a slug
     * that would name a file elsewhere; an attachment's hash that names no file) is refused in words, naming the
     * record, by the store and the command line; the value is left as it was.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SITE       | TO_CONFIRM    | no such field                              | sites",
        "SITE       | TO_CONFIRM    | NAME, NOTHING                              | sites",
        "SITE       | CONFIRMATIONS | NOTHING\t2022-10-24T09:00:00Z\tsomeone  | sites",
        "SITE       | CONFIRMATIONS | NAME\tyesterday\tsomeone                 | sites",
        "SITE       | CONFIRMATIONS | nonsense{{                                 | sites",
        "SITE       | SLUG          | ../elsewhere                               | briefs",
        "ATTACHMENT | SHA256        | zz                                         | export",
        "ATTACHMENT | SHA256        | ../../rihla.mv.db                          | backup"})
    void aValueChangedOutsideRihlaIsRefusedInWordsNamingItsRecordAndLeftAsItWas(String table, String column,
                                                                               String changed, String command)
            throws Exception {
        byte[] photo = new byte[30_000];
        new Random(5).nextBytes(photo);
        Path folder = storeWithPhoto(photo);
        String id;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + folder.toAbsolutePath().resolve(Database.FILE_NAME), "rihla", "")) {
            try (var rows = connection.createStatement().executeQuery("SELECT ID FROM " + table + " ORDER BY ID LIMIT 1")) {
                assertThat(rows.next()).isTrue();
                id = rows.getString(1);
            }
            try (var update = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE ID = ?")) {
                update.setString(1, changed);
                update.setObject(2, UUID.fromString(id));
                assertThat(update.executeUpdate()).isOne();
            }
        }

        List<String> words = switch (command) {
            case "briefs" -> List.of("briefs", "--out", base.resolve("out").resolve("inner").toString());
            case "export" -> List.of("export", "--out", base.resolve("all.rihla").toString());
            default -> List.of(command);
        };
        CliRun run = CliRun.on(folder, words.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.FAILED);
        String kind = table.equals("SITE") ? "Site" : "Attachment";  // named by its slug too, where it has a good one
        assertThat(run.err()).containsPattern("A value in the database cannot be read \\(" + kind + " ([a-z-]+, )?"
                        + id + "\\)").contains("changed outside Rihla").contains("backup --list").doesNotContain("Exception");

        assertThat(base.resolve("out").resolve("elsewhere.pdf")).as("no brief outside the chosen folder").doesNotExist();
        assertThat(BackupService.list(folder)).as("no backup of it").hasSize(1);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + folder.toAbsolutePath().resolve(Database.FILE_NAME), "rihla", "");
             var rows = connection.createStatement().executeQuery(
                     "SELECT " + column + " FROM " + table + " WHERE ID = '" + id + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1).strip()).as("left as it was (a CHAR column pads it)").isEqualTo(changed);
        }
    }
}
