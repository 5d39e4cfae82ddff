package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.Main;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.LargePackages;
import ma.etamkeen.rihla.testing.Processes;
import ma.etamkeen.rihla.testing.Stores;

/**
 * The largest packages within the limits (100,000 records in all; 128 MB of records) import in a Rihla whose
 * heap is 512 MB, on the command line of a child JVM started with {@code -Xmx512m}; one record or one megabyte
 * more is refused before anything is built. Slow (about a minute): run by failsafe in {@code mvn verify}.
 */
class LargePackageIT {
    @TempDir
    static Path folder;
    private static Path demo;

    @BeforeAll
    static void theDemoPackage() throws Exception {
        DemoData.fill(folder.resolve("sender"));
        try (Workspace sender = Workspace.open(folder.resolve("sender"))) {
            demo = sender.exchange().export(folder.resolve("demo.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
    }

    @Test
    void theMostRecordsWithinTheLimitsImportWithA512MegabyteHeapAndOneMoreIsNotExported() throws Exception {
        // With the demo's 64, just under 100,000 records in all.
        Path data = importedWith512Megabytes(33_300, 100);
        try (Workspace workspace = Workspace.open(data)) {
            Stores.addNotes(workspace, "one more", 60);  // now more than any package may carry
            assertThatThrownBy(() -> workspace.exchange().export(folder.resolve("too-many-to-send.rihla"), ExportScope.all(),
                    ExchangeService.Progress.NONE)).isInstanceOfSatisfying(RejectedInput.class,
                            refused -> assertThat(refused.messageKey()).isEqualTo("exchange.export-too-many"));
        }
        assertThat(folder.resolve("too-many-to-send.rihla")).doesNotExist();
    }

    @Test
    void theLargestTextsWithinTheLimitsImportWithA512MegabyteHeap() throws Exception {
        // Notes, lessons and ideas of almost 1,000,000 characters (their columns' limit): just under 128 MB.
        importedWith512Megabytes(32, 999_000);
    }

    /** Imports a large package on the command line of a child JVM with {@code -Xmx512m}; returns its data folder. */
    private static Path importedWith512Megabytes(int perKind, int chars) throws Exception {
        Path pkg = LargePackages.write(demo, folder.resolve("large-" + perKind + ".rihla"), perKind, chars);
        Path data = folder.resolve("receiver-" + perKind);
        ProcessBuilder child = Processes.javaProcess(Main.class, List.of("--db", data.toString(), "import", pkg.toString()));
        child.command().add(1, "-Xmx512m");
        child.redirectErrorStream(true);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError").contains("Imported: ");
        try (Workspace workspace = Workspace.open(data)) {
            assertThat(workspace.notes().forSite(Seeder.siteId("easy-brussels")))
                    .as("every note the package brought").hasSizeGreaterThanOrEqualTo(perKind);
        }
        return data;
    }

    @Test
    void oneRecordOrOneMegabyteMoreIsRefusedSayingWhyAndNothingIsImported() throws Exception {
        Path data = folder.resolve("refusing");
        Path tooMany = LargePackages.write(demo, folder.resolve("too-many.rihla"), 33_400, 10);
        CliRun many = CliRun.on(data, "import", tooMany.toString());
        assertThat(many.code()).isEqualTo(2);
        long declared;  // the demo store's records and 3 × 33,400 entries: just over the cap
        try (var zip = new java.util.zip.ZipFile(tooMany.toFile())) {
            var counts = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(zip.getInputStream(zip.getEntry("manifest.json"))).path("counts");
            declared = 0;
            for (var count : counts) {
                declared += count.asLong();
            }
        }
        assertThat(declared).isBetween(100_201L, 100_400L);
        assertThat(many.err()).contains(String.format(java.util.Locale.ENGLISH, "too-many.rihla holds %,d records in all: "
                + "far more than a delegation has (at most 100,000)", declared), "nothing was imported");

        Path tooLarge = LargePackages.write(demo, folder.resolve("too-large.rihla"), 45, 999_000);
        CliRun large = CliRun.on(data, "import", tooLarge.toString());
        assertThat(large.code()).isEqualTo(2);
        assertThat(large.err()).contains("its records unpack to more than 128 MB in all");
        try (Workspace workspace = Workspace.open(data)) {
            assertThat(workspace.notes().forSite(Seeder.siteId("easy-brussels"))).isEmpty();
        }
    }
}
