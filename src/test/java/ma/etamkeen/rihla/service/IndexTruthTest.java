package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.store.SearchIndex;
import ma.etamkeen.rihla.testing.Stores;

/**
 * The search index tells the truth about the store: after restores that bring back a revision number the
 * index already saw, after its files are damaged, and whatever happens to it, a committed import stays
 * committed and reported as done.
 */
class IndexTruthTest {
    @TempDir
    Path base;

    private Path packageOf(String name, String word) {
        Path laptop = base.resolve(name);
        try (Workspace workspace = Workspace.open(laptop)) {
            Stores.addNotes(workspace, word, 1);
            return workspace.exchange().export(base.resolve(name + ".rihla"), ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
    }

    private static ExchangeService.Imported importInto(Workspace workspace, Path file) {
        try (ExchangePackage pkg = workspace.exchange().read(file)) {
            return workspace.exchange().apply(pkg, workspace.exchange().plan(pkg), Map.of(),
                    ExchangeService.Progress.NONE, () -> false);
        }
    }

    private static int found(Workspace workspace, String word) {
        workspace.search().awaitReady();
        return workspace.search().search(word, Set.of(), Set.of(), Language.FR, 100).total();
    }

    @Test
    void afterTwoRestoresTheIndexFindsWhatTheStoreHoldsAndNothingElseAtEveryStart() {
        Path folder = base.resolve("data");
        Path alpha = packageOf("amina", "alphaunique");
        Path bravo = packageOf("youssef", "bravounique");
        BackupService.Backup b1;
        BackupService.Backup b2;
        try (Workspace workspace = Workspace.open(folder)) {
            b1 = workspace.backups().backUpNow();
            importInto(workspace, alpha);
            b2 = workspace.backups().backUpNow();
        }
        BackupService.restore(folder, b1.file());
        try (Workspace workspace = Workspace.open(folder)) {
            importInto(workspace, bravo);  // the same revision number as b2, with other content
            assertThat(found(workspace, "bravounique")).isEqualTo(1);
        }
        BackupService.restore(folder, b2.file());
        for (int start = 0; start < 2; start++) {
            try (Workspace workspace = Workspace.open(folder)) {
                assertThat(found(workspace, "alphaunique")).as("in the store, start %d", start).isEqualTo(1);
                assertThat(found(workspace, "bravounique")).as("not in the store, start %d", start).isZero();
            }
        }
    }

    /** Ways the index folder gets damaged. */
    @FunctionalInterface
    interface Damaging {
        void damage(Path index) throws IOException;
    }

    static Stream<Arguments> damagedIndexes() {
        return Stream.of(
                Arguments.of("garbage segments_N", (Damaging) index -> segments(index, "not a Lucene file".getBytes())),
                Arguments.of("empty segments_N", (Damaging) index -> segments(index, new byte[0])),
                Arguments.of("index is a file", (Damaging) index -> {
                    ma.etamkeen.rihla.store.AtomicFiles.deleteQuietly(index);
                    Files.writeString(index, "in the way");
                }),
                Arguments.of("bytes flipped inside its largest file (a search would read them)",
                        (Damaging) IndexTruthTest::flipInsideLargestFile),
                Arguments.of("every file emptied", (Damaging) index -> {
                    try (var files = Files.list(index)) {
                        for (Path file : files.toList()) {
                            Files.write(file, new byte[0]);
                        }
                    }
                }));
    }

    /** A byte flipped every 64 bytes between a tenth and nine tenths of the biggest index file: its header and footer still read right. */
    private static void flipInsideLargestFile(Path index) throws IOException {
        Path largest;
        try (var files = Files.list(index)) {
            largest = files.filter(file -> !file.getFileName().toString().startsWith("segments_"))
                    .max(java.util.Comparator.comparingLong(file -> file.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        for (int at = bytes.length / 10; at < bytes.length * 9 / 10; at += 64) {
            bytes[at] ^= (byte) 0x5A;
        }
        Files.write(largest, bytes);
    }

    private static void segments(Path index, byte[] content) throws IOException {
        try (var files = Files.list(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, content);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedIndexes")
    void aDamagedIndexIsMadeAgainAndAnImportStillSucceeds(String name, Damaging damaging) throws IOException {
        Path folder = base.resolve("data");
        Path alpha = packageOf("amina", "alphaunique");
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, "charlieunique", 3);
            workspace.search().awaitReady();
        }
        damaging.damage(folder.resolve(SearchIndex.FOLDER));
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(found(workspace, "charlieunique")).isEqualTo(3);
            ExchangeService.Imported imported = importInto(workspace, alpha);
            assertThat(imported.counts().added()).isPositive();
            assertThat(found(workspace, "alphaunique")).isEqualTo(1);
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(found(workspace, "alphaunique")).isEqualTo(1);
            assertThat(found(workspace, "charlieunique")).isEqualTo(3);
        }
    }
}
