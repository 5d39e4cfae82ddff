package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.Stores;

/**
 * A full disk and a read-only database file, for real: the data folder lives on a small tmpfs mounted for
 * the test (root, or {@code sudo -n}, is needed to mount it; {@code .ci/run} runs as root). Each failure says
 * its cause in the user's language, leaves nothing half written, changes nothing stored, and the store works
 * again once the disk has room.
 */
class DiskFaultsIT {
    private static final Messages ENGLISH = Messages.of(Language.EN);

    @TempDir
    Path base;
    private Path disk;

    private void mount(int megabytes) throws Exception {
        disk = Files.createDirectories(base.resolve("disk"));
        sh("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", disk.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            sh("umount", "-l", disk.toString());
        }
    }

    /** Runs a mount command as root, directly or through sudo without a password. */
    private static void sh(String... command) throws Exception {
        List<String> asRoot = new java.util.ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            asRoot.addAll(List.of("sudo", "-n"));
        }
        asRoot.addAll(List.of(command));
        Process process = new ProcessBuilder(asRoot).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s needs root (or sudo -n): %s", String.join(" ", command), output).isZero();
    }

    /** Fills the disk with a ballast file, leaving about {@code freeBytes}; returns the ballast. */
    private Path fill(long freeBytes) throws IOException {
        Path ballast = disk.resolve("ballast");
        long size = Files.getFileStore(disk).getUsableSpace() - freeBytes;
        try (var out = Files.newOutputStream(ballast)) {
            byte[] block = new byte[1 << 16];
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return ballast;
    }

    /**
     * What the store holds, once the search index has written what it follows: the disk is then filled to the
     * room the test leaves, and nothing else takes any of it meanwhile.
     */
    private static Map<String, List<String>> settled(Workspace workspace) {
        workspace.search().awaitReady();
        return TableDump.content(workspace.database());
    }

    private static String english(Throwable failure) {
        return Failures.describe(failure, ENGLISH, value -> value);
    }

    @Test
    void aBackupOnAFullDiskSaysSoAndLeavesNoFileThenWorksOnceThereIsRoom() throws Exception {
        mount(24);
        Path folder = disk.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            attachNoise(workspace, 6);
            Map<String, List<String>> before = settled(workspace);
            List<Backups.Backup> backups = Backups.list(folder);
            Path ballast = fill(64 << 10);  // less than the database: a backup holds it, not the photos (blobs)
            assertThatThrownBy(() -> workspace.backups().backUpNow()).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(StoreException.Reason.DISK_FULL);
                assertThat(english(e)).contains("is full").doesNotContain("[9");
            });
            assertThat(Backups.list(folder)).isEqualTo(backups);
            try (var files = Files.list(folder.resolve(Backups.FOLDER))) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.contains(".part"));
            }
            Files.delete(ballast);
            assertThat(workspace.backups().backUpNow().state()).isEqualTo(ma.etamkeen.rihla.service.BackupService.State.GOOD);
            assertThat(TableDump.content(workspace.database())).isEqualTo(before);
        }
    }

    @Test
    void anImportOnAFullDiskSaysSoChangesNothingAndSucceedsOnceThereIsRoom() throws Exception {
        Path sender = base.resolve("sender");
        Path pkg;
        try (Workspace workspace = Workspace.open(sender)) {
            Stores.addNotes(workspace, "envoyee", 200);
            attachNoise(workspace, 16);
            pkg = workspace.exchange().export(base.resolve("big.rihla"), ExchangeService.ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
        mount(24);
        Path folder = disk.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "locale", 20);
            Map<String, List<String>> before = settled(workspace);
            // Room for the backup taken first, and more than a save needs (Database.ROOM_BYTES), not for 16 MB of photos.
            Path ballast = fill(12 << 20);
            assertThatThrownBy(() -> importInto(workspace, pkg)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(StoreException.Reason.DISK_FULL);
                assertThat(english(e)).contains("is full").doesNotContain("has been closed");
            });
            assertThat(TableDump.content(workspace.database())).as("nothing of the import stored").isEqualTo(before);
            assertThat(Backups.list(folder)).as("the disk filled up in the import itself, after its backup")
                    .anyMatch(backup -> backup.reason().equals("before-import"));
            Files.delete(ballast);
            assertThat(importInto(workspace, pkg).counts().added()).isPositive();
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(220);
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(220);
            FaultSuiteIT.assertIndexMatches(workspace);
        }
    }

    @Test
    @Timeout(120)  // H2 could spin forever on a store it shut down (seen before the fix)
    void whatIsStoredKeepsBeingReadWhileSavesFailOnAFullDisk() throws Exception {
        mount(24);
        Path folder = disk.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "gardee", 20);
            Map<String, List<String>> before = settled(workspace);
            Path ballast = fill(64 << 10);  // room for what reading needs, not for a long note
            // The window goes on reading (the list, the search index) while each save is refused: H2 shuts its
            // store down after a write it could not make, and a read at that moment must not fail for it.
            List<String> readFailures = new CopyOnWriteArrayList<>();
            AtomicBoolean saving = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (saving.get()) {
                    try {
                        assertThat(TableDump.content(workspace.database())).isEqualTo(before);
                    } catch (Throwable e) {
                        readFailures.add(String.valueOf(e));
                    }
                }
            });
            reader.start();
            String longText = "la charge administrative mesurée chaque année ".repeat(2_000);  // 92,000 characters
            for (int i = 0; i < 10; i++) {
                Note note = new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 28),
                        i + " " + longText, null);
                assertThatThrownBy(() -> workspace.notes().save(note)).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DISK_FULL));
            }
            saving.set(false);
            reader.join();
            assertThat(readFailures).as("reads that failed while saves were refused").isEmpty();
            Files.delete(ballast);
            Stores.addNotes(workspace, "apres", 1);
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(21);
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsRefusedWithThatReasonAndLeftAlone() throws Exception {
        mount(16);
        Path folder = disk.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "gardee", 5);
        }
        Path file = folder.resolve(Database.DB_FILE);
        String fingerprint = Stores.sha256(file);
        sh("mount", "--bind", file.toString(), file.toString());
        try {
            sh("mount", "-o", "remount,ro,bind", file.toString());
            assertThatThrownBy(() -> Workspace.open(folder)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY);
                assertThat(english(e)).contains("read-only").contains(file.toString());
            });
        } finally {
            sh("umount", file.toString());
        }
        assertThat(Stores.sha256(file)).isEqualTo(fingerprint);
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(5);
        }
    }

    private static ExchangeService.Imported importInto(Workspace workspace, Path file) {
        try (ExchangePackage pkg = workspace.exchange().read(file)) {
            return workspace.exchange().apply(pkg, workspace.exchange().plan(pkg), Map.of(),
                    ExchangeService.Progress.NONE, () -> false);
        }
    }

    /** Attaches {@code megabytes} of photos that do not compress. */
    private void attachNoise(Workspace workspace, int megabytes) throws IOException {
        for (int i = 0; i < megabytes; i++) {
            Path photo = base.resolve("noise-" + java.util.UUID.randomUUID() + ".jpg");
            byte[] bytes = new byte[1 << 20];
            new Random(i).nextBytes(bytes);
            Files.write(photo, bytes);
            workspace.attachments().attach(Stores.SITE, null, null, photo, null);
        }
    }
}
