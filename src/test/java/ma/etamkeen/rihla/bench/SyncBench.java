package ma.etamkeen.rihla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ExchangeService.Progress;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.HubLoad;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.PostgresServer;

/**
 * Sync: {@code laptops} laptops of {@code entries} entries each (Arabic and French, as {@code search} writes them)
 * converge through a folder hub and through a PostgreSQL hub — every laptop syncs once in turn, then once more —
 * beside the baseline of moving the same entries once by package (one laptop's export of all of them, imported
 * into a fresh store). Then 200 simulated laptops push and read against one PostgreSQL hub at once.
 */
final class SyncBench {
    private SyncBench() {
    }

    static void run(int laptops, int entries) throws Exception {
        List<String> vocabulary = SearchBench.vocabulary();
        Path root = Files.createTempDirectory("rihla-bench-sync");
        Path filled = root.resolve("filled");
        List<Path> templates = new ArrayList<>();
        for (int i = 0; i < laptops; i++) {
            Path laptop = filled.resolve("laptop-" + i);
            Workspace.open(laptop).close();
            SearchBench.fill(laptop, entries, vocabulary, i);
            templates.add(laptop);
        }
        int all = laptops * entries;
        System.out.printf(Locale.ROOT, "Sync: %d laptops of %d entries (%,d in all) converging%n", laptops, entries, all);

        // Baseline: the same entries moved once by package.
        Path everything = root.resolve("everything");
        copy(templates.get(0), everything);
        try (Workspace one = Workspace.open(everything)) {
            for (int i = 1; i < laptops; i++) {
                Path pkg = root.resolve("p" + i + ".rihla");
                try (Workspace other = Workspace.open(templates.get(i))) {
                    other.exchange().export(pkg, ExportScope.all(), Progress.NONE);
                }
                try (ExchangePackage opened = one.exchange().read(pkg)) {
                    one.exchange().apply(opened, one.exchange().plan(opened), java.util.Map.of(), Progress.NONE, () -> false);
                }
            }
        }
        Path all1 = root.resolve("all.rihla");
        long baseline;
        try (Workspace one = Workspace.open(everything)) {
            one.exchange().export(all1, ExportScope.all(), Progress.NONE);
        }
        try (Workspace fresh = Workspace.open(root.resolve("fresh")); ExchangePackage opened = fresh.exchange().read(all1)) {
            long start = System.nanoTime();
            fresh.exchange().apply(opened, fresh.exchange().plan(opened), java.util.Map.of(), Progress.NONE, () -> false);
            baseline = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "  baseline: one import of all %,d entries by package: %,d ms%n", all, baseline);

        PostgresServer server = PostgresServer.shared();
        for (String kind : List.of("folder", "postgresql")) {
            Path round = root.resolve(kind);
            List<Workspace> open = new ArrayList<>();
            for (int i = 0; i < laptops; i++) {
                copy(templates.get(i), round.resolve("laptop-" + i));
                open.add(Workspace.open(round.resolve("laptop-" + i)));
            }
            HubAddress hub = kind.equals("folder") ? HubAddress.folder(Files.createDirectories(round.resolve("hub")))
                    : server.newDatabase("bench");
            if (!hub.isFolder()) {
                open.get(0).sync().prepare(hub);
            }
            long[] syncs = new long[laptops * 2];
            long start = System.nanoTime();
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < laptops; i++) {
                    long one = System.nanoTime();
                    open.get(i).sync().sync(hub, null);
                    syncs[pass * laptops + i] = (System.nanoTime() - one) / 1_000_000;
                }
            }
            long converge = (System.nanoTime() - start) / 1_000_000;
            for (Workspace laptop : open) {
                long notes = laptop.database().read(tx -> tx.count("SELECT count(*) FROM note"))
                        + laptop.database().read(tx -> tx.count("SELECT count(*) FROM lesson"))
                        + laptop.database().read(tx -> tx.count("SELECT count(*) FROM idea"));
                if (notes != all) {
                    throw new IllegalStateException(kind + ": a laptop has " + notes + " entries, not " + all);
                }
            }
            open.forEach(Workspace::close);
            long size = hub.isFolder() ? folderSize(round.resolve("hub")) : databaseSize(server, hub.database());
            long[] sorted = syncs.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-10s converged in %,d ms (%.1f× the baseline); one sync median %,d ms,"
                            + " slowest %,d ms; hub %.1f MB; every laptop holds all %,d entries%n", kind, converge,
                    converge / (double) baseline, sorted[sorted.length / 2], sorted[sorted.length - 1], size / 1e6, all);
        }

        for (boolean readEach : List.of(true, false)) {
            HubAddress loaded = server.newDatabase("load");
            try (Workspace first = Workspace.open(root.resolve("load-admin"))) {
                first.sync().prepare(loaded);
            }
            HubLoad.Result load = HubLoad.run(loaded, root.resolve("load-template"), 200, 5, 20, 50, readEach);
            System.out.printf(Locale.ROOT, "  200 simulated laptops, 5 pushes of 20 notes each, %s (50 at once):"
                            + " pushes done in %,d ms (%.0f pushes/s), converged in %,d ms (%.0f pushes/s overall);"
                            + " %,d records pushed, %,d read back; hub %.1f MB%n",
                    readEach ? "reading the hub after each" : "reading it once at the end", load.pushMillis(),
                    load.pushes() * 1000.0 / load.pushMillis(), load.millis(), load.pushes() * 1000.0 / load.millis(),
                    load.records(), load.read(), databaseSize(server, loaded.database()) / 1e6);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".lock")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static long folderSize(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long databaseSize(PostgresServer server, String database) throws Exception {
        try (Connection admin = server.admin(database); var statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        }
    }
}
