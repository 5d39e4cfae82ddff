package ma.etamkeen.rihla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ExchangeService.Progress;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.Workspace;

/**
 * Sharing between laptops: export of everything, then import into a fresh store (read and check, preview,
 * apply in one transaction with the backup before it), then the same package again (nothing to do), for
 * synthetic stores of mixed Arabic/French entries. Medians of three runs, each import into a new store.
 */
final class ExchangeBench {
    private static final int RUNS = 3;

    private ExchangeBench() {
    }

    static void run(int... sizes) throws Exception {
        List<String> vocabulary = SearchBench.vocabulary();
        System.out.println("Export and import of a .rihla package (median of " + RUNS + ", ms)");
        System.out.println("  entries   export  package   read+check  preview    apply  again (no-op)");
        for (int size : sizes) {
            Path sender = Files.createTempDirectory("rihla-bench-sender");
            Workspace.open(sender).close();  // migrated and seeded
            SearchBench.fill(sender, size, vocabulary);
            Path pkg = Files.createTempDirectory("rihla-bench-pkg").resolve("all.rihla");
            double[] export = new double[RUNS];
            try (Workspace workspace = Workspace.open(sender)) {
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    workspace.exchange().export(pkg, ExportScope.all(), Progress.NONE);
                    export[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            double[] read = new double[RUNS];
            double[] preview = new double[RUNS];
            double[] apply = new double[RUNS];
            double[] again = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                try (Workspace receiver = Workspace.open(Files.createTempDirectory("rihla-bench-receiver"))) {
                    long start = System.nanoTime();
                    try (ExchangePackage opened = receiver.exchange().read(pkg)) {
                        read[i] = (System.nanoTime() - start) / 1e6;
                        start = System.nanoTime();
                        ImportPlan plan = receiver.exchange().plan(opened);
                        preview[i] = (System.nanoTime() - start) / 1e6;
                        start = System.nanoTime();
                        receiver.exchange().apply(opened, plan, Map.of(), Progress.NONE, () -> false);
                        apply[i] = (System.nanoTime() - start) / 1e6;
                    }
                    start = System.nanoTime();
                    try (ExchangePackage opened = receiver.exchange().read(pkg)) {
                        ImportPlan plan = receiver.exchange().plan(opened);
                        receiver.exchange().apply(opened, plan, Map.of(), Progress.NONE, () -> false);
                    }
                    again[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "  %7d  %7.0f  %5.1f MB  %9.0f  %7.0f  %7.0f  %9.0f%n", size,
                    Benchmarks.median(export), Files.size(pkg) / (1024.0 * 1024.0), Benchmarks.median(read),
                    Benchmarks.median(preview), Benchmarks.median(apply), Benchmarks.median(again));
        }
    }
}
