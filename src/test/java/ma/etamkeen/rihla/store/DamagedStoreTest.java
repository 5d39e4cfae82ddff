package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ma.etamkeen.rihla.cli.Cli;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.Stores;

/**
 * Each way a database file gets damaged, on a real store: the next start refuses it and leaves it byte for byte
 * as it was (no backup, no pruning, nothing written on top), the command line refuses everything but
 * {@code restore} and {@code backup --list} with the same advice, and the newest good backup brings the data
 * back while the damaged file is kept in {@code damaged/}.
 */
class DamagedStoreTest {
    private static final String BEFORE = "avant-la-sauvegarde";
    private static final String AFTER = "apres-la-sauvegarde";
    /** The marker as it was when the older copy of the database was taken, beside the data folder. */
    private static final String OLDER_MARKER = "older.marker";

    @TempDir
    Path base;

    /** How a test damages a folder holding 30 notes, a good backup of them, then 40 notes more. */
    @FunctionalInterface
    interface Damaging {
        void damage(Path folder) throws IOException;
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("truncated to half after a kill", true, (Damaging) folder -> truncate(folder, 0.5),
                        Set.of(Damage.Kind.UNREADABLE, Damage.Kind.WENT_BACK)),
                Arguments.of("truncated to 90 % after a kill", true, (Damaging) folder -> truncate(folder, 0.9),
                        Set.of(Damage.Kind.WENT_BACK)),
                Arguments.of("last 64 KB zeroed after a kill", true, (Damaging) folder -> zeroTail(folder, 64 << 10),
                        Set.of(Damage.Kind.WENT_BACK)),
                Arguments.of("truncated to 4 KB", false, (Damaging) folder -> truncate(folder, 4096),
                        Set.of(Damage.Kind.UNREADABLE)),
                Arguments.of("zero bytes", false, (Damaging) folder -> truncate(folder, 0),
                        Set.of(Damage.Kind.UNREADABLE)),
                Arguments.of("missing while backups and index are there", false,
                        (Damaging) folder -> Files.delete(database(folder)), Set.of(Damage.Kind.MISSING)),
                Arguments.of("64 flipped bytes after a kill", true, (Damaging) DamagedStoreTest::flipTail,
                        Set.of(Damage.Kind.UNREADABLE, Damage.Kind.WENT_BACK)),
                Arguments.of("both headers damaged", false, (Damaging) folder -> scramble(folder, 0, 8192),
                        Set.of(Damage.Kind.UNREADABLE)),
                Arguments.of("garbage", false, (Damaging) folder -> scramble(folder, 0, Files.size(database(folder))),
                        Set.of(Damage.Kind.UNREADABLE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedStoreIsLeftUntouchedAndItsNewestGoodBackupBringsTheDataBack(String name, boolean killed,
            Damaging damaging, Set<Damage.Kind> expected) throws Exception {
        Path folder = storeWithBackup(killed);
        damaging.damage(folder);
        assertRefusedUntouchedAndRestorable(folder, expected);
    }

    @ParameterizedTest(name = "an older copy of the database put back, found by {0}")
    @MethodSource("witnesses")
    void aStoreThatWentBackInTimeIsNoticed(String witness, Damaging forget) throws Exception {
        Path folder = base.resolve("data");
        Path older = base.resolve("older.mv.db");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, BEFORE, 30);
            workspace.backups().backUpNow();
        }
        Files.copy(database(folder), older);
        Files.copy(folder.resolve(StoreMarker.FILE), base.resolve(OLDER_MARKER));
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, AFTER, 40);
            workspace.search().awaitReady();
            workspace.backups().backUpNow();
        }
        // The marker saw the index's last commit and the newest backup: the start reads the marker, not them.
        assertThat(StoreMarker.indexCommit(folder)).isPresent().isEqualTo(SearchIndex.lastCommit(folder));
        assertThat(StoreMarker.newestBackup(folder)).isPresent().isEqualTo(Backups.newestMarkerName(folder));
        Files.copy(older, database(folder), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        forget.damage(folder);
        assertThatThrownBy(() -> Database.open(folder)).isInstanceOfSatisfying(DamagedStoreException.class, e -> {
            assertThat(e.damage().kind()).isEqualTo(Damage.Kind.WENT_BACK);
            assertThat(e.damage().known().revision()).isGreaterThan(e.damage().store().revision());
        });
    }

    @org.junit.jupiter.api.Test
    void aMarkerThatNeverSawTheIndexCommitLearnsItWhenTheIndexIsFoundUpToDate() throws Exception {
        Path folder = base.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, BEFORE, 3);
            workspace.search().awaitReady();
        }
        // As an older Rihla left it, or a kill between the index's commit and the marker's.
        Path marker = folder.resolve(StoreMarker.FILE);
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(marker)) {
            properties.load(in);
        }
        assertThat(properties.remove("index.commit")).isNotNull();
        try (var out = Files.newOutputStream(marker)) {
            properties.store(out, null);
        }
        String index = SearchIndex.lastCommit(folder).orElseThrow();

        try (Workspace workspace = Workspace.open(folder)) {
            workspace.search().awaitReady();
        }
        assertThat(SearchIndex.lastCommit(folder)).as("no rebuild, no commit").contains(index);
        assertThat(StoreMarker.indexCommit(folder)).contains(index);
    }

    @org.junit.jupiter.api.Test
    void anUpgradeThatCannotBeAppliedLeavesTheStoreAsItWasAndBacksItUpOnce() throws Exception {
        Path folder = base.resolve("older");
        String url = Stores.olderStore(folder, "2");
        // Something the next migration does not expect: its table is already there.
        try (var connection = java.sql.DriverManager.getConnection(url, "rihla", "")) {
            connection.createStatement().execute("CREATE TABLE exchange_export (something INT)");
        }
        String fingerprint = Stores.sha256(database(folder));
        for (int start = 0; start < 3; start++) {
            assertThatThrownBy(() -> Database.open(folder)).isInstanceOfSatisfying(DamagedStoreException.class,
                    e -> assertThat(e.damage().kind()).isEqualTo(Damage.Kind.INTERRUPTED_UPGRADE));
            assertThat(Stores.sha256(database(folder))).isEqualTo(fingerprint);
        }
        assertThat(Backups.list(folder)).singleElement().satisfies(backup -> {
            assertThat(backup.reason()).isEqualTo("before-migration");
            assertThat(backup.state()).isEqualTo(Backups.State.GOOD);
        });
    }

    static Stream<Arguments> witnesses() {
        return Stream.of(
                Arguments.of("the marker", (Damaging) folder -> deleteAll(folder, Backups.FOLDER, SearchIndex.FOLDER)),
                Arguments.of("the index", (Damaging) folder -> deleteAll(folder, Backups.FOLDER, StoreMarker.FILE)),
                // As a kill between the index's commit and the marker's would leave it: the marker knows the older
                // store's revision and an older commit of the index.
                Arguments.of("the index, newer than the marker", (Damaging) folder -> {
                    deleteAll(folder, Backups.FOLDER);
                    Files.copy(folder.resolveSibling(OLDER_MARKER), folder.resolve(StoreMarker.FILE),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }),
                Arguments.of("the newest backup", (Damaging) folder -> deleteAll(folder, SearchIndex.FOLDER,
                        StoreMarker.FILE)),
                // The marker as it was: it knows the older store's revision and names the older backup.
                Arguments.of("the newest backup, newer than the marker", (Damaging) folder -> {
                    deleteAll(folder, SearchIndex.FOLDER);
                    Files.copy(folder.resolveSibling(OLDER_MARKER), folder.resolve(StoreMarker.FILE),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }),
                // As above, and the newest backup put in the older one's place, under the name that marker knows.
                Arguments.of("the newest backup, under the older one's name", (Damaging) folder -> {
                    deleteAll(folder, SearchIndex.FOLDER);
                    Files.copy(folder.resolveSibling(OLDER_MARKER), folder.resolve(StoreMarker.FILE),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    List<Path> backups;
                    try (Stream<Path> files = Files.list(folder.resolve(Backups.FOLDER))) {
                        backups = files.sorted().toList();
                    }
                    assertThat(backups).hasSize(2);
                    Files.move(backups.get(1), backups.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }));
    }

    private void assertRefusedUntouchedAndRestorable(Path folder, Set<Damage.Kind> expected) throws Exception {
        Path file = database(folder);
        String fingerprint = Files.exists(file) ? Stores.sha256(file) : null;
        List<BackupService.Backup> backups = BackupService.list(folder);

        for (int start = 0; start < 2; start++) {
            assertThatThrownBy(() -> Workspace.open(folder)).isInstanceOfSatisfying(DamagedStoreException.class,
                    e -> assertThat(e.damage().kind()).isIn(expected));
            assertThat(fingerprint == null ? Files.exists(file) : Stores.sha256(file).equals(fingerprint))
                    .as("the damaged file is left as it was").isEqualTo(fingerprint != null);
        }
        // No backup of the damaged store, no pruning of the good ones.
        assertThat(BackupService.list(folder)).isEqualTo(backups);

        BackupService.Backup newest = BackupService.newestGood(folder, java.util.Optional.empty()).orElseThrow();
        assertThat(newest.counts().notes()).isEqualTo(30);
        CliRun sites = CliRun.on(folder, "sites");
        assertThat(sites.code()).isEqualTo(Cli.FAILED);
        assertThat(sites.err()).contains(newest.file().toString(), "restore", "30 notes").doesNotContain("Exception");
        assertThat(CliRun.on(folder, "search", "charge").code()).isEqualTo(Cli.FAILED);
        assertThat(CliRun.on(folder, "backup").code()).isEqualTo(Cli.FAILED);
        assertThat(Files.readString(folder.resolve("logs/rihla-0.log"))).as("the log says what was found")
                .contains("Damaged store");
        CliRun listed = CliRun.on(folder, "backup", "--list");
        assertThat(listed.code()).isZero();
        assertThat(listed.out()).contains(newest.file().toString(), "verified");
        assertThat(fingerprint == null || Stores.sha256(file).equals(fingerprint)).isTrue();

        CliRun restored = CliRun.on(folder, "restore", newest.file().toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).hasSize(30)
                    .allSatisfy(note -> assertThat(note.body()).startsWith(BEFORE));
            workspace.search().awaitReady();
            assertThat(workspace.search().search(BEFORE, Set.of(), Set.of(SearchKind.NOTE), Language.FR, 100).total())
                    .isEqualTo(30);
            assertThat(workspace.search().search(AFTER, Set.of(), Set.of(), Language.FR, 100).total()).isZero();
        }
        if (fingerprint != null) {
            try (var kept = Files.list(folder.resolve(Backups.DAMAGED_FOLDER))) {
                List<Path> files = kept.toList();
                assertThat(files).hasSize(1);
                assertThat(Stores.sha256(files.get(0))).as("the damaged file, kept as it was").isEqualTo(fingerprint);
            }
        }
    }

    /** 30 notes, a verified backup of them, 40 more notes; closed cleanly, or copied as a kill leaves it. */
    private Path storeWithBackup(boolean killed) throws IOException {
        Path folder = base.resolve("data");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, BEFORE, 30);
            workspace.backups().backUpIfChanged();
            Stores.addNotes(workspace, AFTER, 40);
            if (killed) {
                Path copy = base.resolve("killed");
                Stores.copyAsKilled(workspace, copy);
                return copy;
            }
        }
        return folder;
    }

    private static Path database(Path folder) {
        return folder.resolve(Database.DB_FILE);
    }

    private static void truncate(Path folder, double fraction) throws IOException {
        truncate(folder, (long) (Files.size(database(folder)) * fraction));
    }

    private static void truncate(Path folder, long bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(database(folder).toFile(), "rw")) {
            file.setLength(bytes);
        }
    }

    private static void zeroTail(Path folder, int bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(database(folder).toFile(), "rw")) {
            file.seek(file.length() - bytes);
            file.write(new byte[bytes]);
        }
    }

    /** 64 bytes flipped in the last 16 KB, where a killed store's newest chunks are. */
    private static void flipTail(Path folder) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(database(folder).toFile(), "rw")) {
            Random random = new Random(64);
            for (int i = 0; i < 64; i++) {
                long at = file.length() - 1 - random.nextInt(16 << 10);
                file.seek(at);
                int value = file.read();
                file.seek(at);
                file.write(value ^ 0xFF);
            }
        }
    }

    private static void scramble(Path folder, long from, long to) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(database(folder).toFile(), "rw")) {
            byte[] noise = new byte[(int) (to - from)];
            new Random(7).nextBytes(noise);
            file.seek(from);
            file.write(noise);
        }
    }

    private static void deleteAll(Path folder, String... names) {
        Arrays.stream(names).forEach(name -> AtomicFiles.deleteQuietly(folder.resolve(name)));
    }
}
