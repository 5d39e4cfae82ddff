package ma.etamkeen.rihla.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ma.etamkeen.rihla.App;
import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.SampleText;
import ma.etamkeen.rihla.ui.common.Autosave;

/**
 * Prints Rihla's benchmark figures. Run from the project folder after {@code mvn -DskipTests package}:
 * {@code mvn -q exec:exec@bench -Dbench=startup} (a display is needed: use {@code xvfb-run -a} on a server).
 * Timings are medians of several runs; nothing here asserts a target, it only measures.
 */
public final class Benchmarks {
    /** Rounds of the start-up benchmark: a start varies by a tenth from one to the next on a busy laptop. */
    private static final int RUNS = 15;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        if (which.equals("all") || which.equals("startup")) {
            startup();
        }
        if (which.equals("all") || which.equals("capture")) {
            capture();
        }
        if (which.equals("all") || which.equals("search")) {
            SearchBench.run(1_000, 10_000, 100_000);
        }
        if (which.equals("all") || which.equals("brief")) {
            brief();
        }
        if (which.equals("all") || which.equals("exchange")) {
            ExchangeBench.run(1_000, 10_000);
        }
        if (which.equals("all") || which.equals("plan")) {
            PlanBench.run(100);
        }
        if (which.equals("all") || which.equals("xlsx")) {
            SpreadsheetBench.run(10_000, 100_000);
            SpreadsheetBench.smallestHeap(100_000);
        }
        if (which.equals("all") || which.equals("attachments")) {
            AttachmentsBench.run(60, 3);
        }
        if (which.equals("all") || which.equals("sync")) {
            SyncBench.run(18, 500);
        }
    }

    /**
     * Cold start to the first populated window: Rihla's installed app image (its launcher, its runtime, its
     * class-data archive; built by installer/build.sh) and Rihla from its jar, beside a bare JavaFX window
     * launched like the jar. Interleaved, so all see the same machine load.
     */
    static void startup() throws Exception {
        Path jar = Path.of("target", "rihla.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the jar first: mvn -DskipTests package");
        }
        // The installed layout (-Dbench.launcher=/tmp/inst/opt/rihla/bin/Rihla after dpkg -x of the .deb), or
        // the app image where it was built.
        Path launcher = Path.of(System.getProperty("bench.launcher", "target/installer/Rihla/bin/Rihla"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = Files.createTempDirectory("rihla-bench");
        List<String> rihla = List.of(java, "-D" + App.EXIT_WHEN_READY + "=true", "-jar", jar.toString(),
                "--db", data.toString(), "--lang", "en");
        List<String> image = List.of(launcher.toString(), "--db", data.toString(), "--lang", "en");
        List<String> bare = List.of(java, "-cp", System.getProperty("java.class.path"), BareWindow.class.getName());
        boolean withImage = Files.isExecutable(launcher);

        double firstStart = timeUntil(rihla, App.READY_LINE).millis();  // new data folder: migrations and seeding
        // The folder as a delegate's is after a first session, with its search index and a backup (the window
        // opens the index 0.5 s after it shows and backs up 20 s after, later than these starts exit): the store
        // check reads what there is.
        try (Workspace workspace = Workspace.open(data)) {
            workspace.search().awaitReady();
            workspace.backups().backUpNow();
        }
        // Bare window, java -jar, launcher; each round runs them in turn forwards, the next one backwards, so that
        // no start always follows the same other one.
        List<List<String>> commands = List.of(bare, rihla, image);
        List<String> readyLines = List.of(BareWindow.READY_LINE, App.READY_LINE, App.READY_LINE);
        double[][] millis = new double[3][RUNS];
        double[][] peaks = new double[3][RUNS];  // MB
        for (int i = 0; i < RUNS; i++) {
            for (int k = 0; k < 3; k++) {
                int which = i % 2 == 0 ? k : 2 - k;
                if (which == 2 && !withImage) {
                    continue;
                }
                Start start = timeUntil(commands.get(which), readyLines.get(which));
                millis[which][i] = start.millis();
                peaks[which][i] = start.peakMegabytes();
            }
        }
        double[] baseline = millis[0];
        double[] app = millis[1];
        double[] installed = millis[2];
        double bareMedian = median(baseline);
        System.out.println("Start-up to the first populated window (median of " + RUNS + ", ms)");
        System.out.printf(Locale.ROOT, "  bare JavaFX window          %7.0f   runs %s%n", bareMedian, Arrays.toString(rounded(baseline)));
        System.out.printf(Locale.ROOT, "  Rihla, java -jar            %7.0f   runs %s   %.2f x bare%n", median(app),
                Arrays.toString(rounded(app)), median(app) / bareMedian);
        if (withImage) {
            double[] perRound = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                perRound[i] = installed[i] / baseline[i];
            }
            System.out.printf(Locale.ROOT, "  Rihla, its launcher         %7.0f   runs %s   %.2f x bare   (%s)%n", median(installed),
                    Arrays.toString(rounded(installed)), median(installed) / bareMedian, launcher);
            System.out.printf(Locale.ROOT, "    against the bare window of the same round: median %.2f x%n",
                    median(perRound));
        } else {
            System.out.println("  Rihla, app image            (build it first: installer/build.sh app-image)");
        }
        System.out.printf(Locale.ROOT, "  Rihla, first start (seeding) %6.0f%n", firstStart);
        System.out.printf(Locale.ROOT, "Peak resident memory at the populated window (median, MB): bare %.0f, java -jar %.0f%s%n",
                median(peaks[0]), median(peaks[1]), withImage ? String.format(Locale.ROOT, ", launcher %.0f", median(peaks[2])) : "");
    }

    /**
     * Autosave: from the last keystroke to the note committed and synced on disk is the debounce delay plus
     * one save (a write transaction, then CHECKPOINT SYNC). Also backup and restore of a store with notes.
     */
    static void capture() throws Exception {
        Path data = Files.createTempDirectory("rihla-bench-capture");
        UUID site = Seeder.siteId("easy-brussels");
        Random random = new Random(7);
        int saves = 300;
        double[] saveMillis = new double[saves];
        Path backup;
        double backupMillis;
        try (Workspace workspace = Workspace.open(data)) {
            for (int i = 0; i < 700; i++) {  // a store with 700 notes already
                workspace.notes().save(new Note(UUID.randomUUID(), site, null,
                        LocalDate.now(), SampleText.mixed(random, 20 + random.nextInt(300)), null));
            }
            Note note = new Note(UUID.randomUUID(), site,
                    null, LocalDate.now(), "", null);
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < saves; i++) {
                typed.append(" كلمة mot");
                long start = System.nanoTime();
                note = workspace.notes().save(note.withBody(typed.toString()));
                saveMillis[i] = (System.nanoTime() - start) / 1e6;
            }
            long start = System.nanoTime();
            backup = workspace.backups().backUpNow().file();
            backupMillis = (System.nanoTime() - start) / 1e6;
        }
        long start = System.nanoTime();
        BackupService.restore(data, backup);
        double restoreMillis = (System.nanoTime() - start) / 1e6;
        double[] warm = Arrays.copyOfRange(saveMillis, 20, saves);
        Arrays.sort(warm);
        double p95 = warm[(int) Math.ceil(warm.length * 0.95) - 1];
        System.out.println("Autosave, on a store of 1,000 notes (ms)");
        System.out.printf(Locale.ROOT, "  one save (commit + CHECKPOINT SYNC)  median %6.1f   p95 %6.1f%n", median(warm), p95);
        System.out.printf(Locale.ROOT, "  last keystroke to on disk            %6.0f  (debounce %d + p95 save)%n",
                Autosave.DELAY.toMillis() + p95,
                Autosave.DELAY.toMillis());
        System.out.printf(Locale.ROOT, "  backup %6.0f ms (%d kB), restore (check, safety backup, swap) %6.0f ms%n",
                backupMillis, Files.size(backup) / 1024, restoreMillis);
    }

    /**
     * The one-page brief: one site to PDF (median over the three languages, after warming up), the preview
     * picture of it, and all 15 sites' briefs into a folder, on a store with the demo entries.
     */
    static void brief() throws Exception {
        Path data = Files.createTempDirectory("rihla-bench-brief");
        ma.etamkeen.rihla.testing.DemoData.fill(data);
        try (Workspace workspace = Workspace.open(data)) {
            UUID site = Seeder.siteId("easy-brussels");
            for (int i = 0; i < 10; i++) {  // warm-up
                workspace.briefs().render(site, BriefOptions.all(ma.etamkeen.rihla.i18n.Language.values()[i % 3]));
            }
            double[] one = new double[30];
            double[] preview = new double[30];
            for (int i = 0; i < one.length; i++) {
                long start = System.nanoTime();
                byte[] pdf = workspace.briefs().render(site,
                        BriefOptions.all(ma.etamkeen.rihla.i18n.Language.values()[i % 3])).pdf();
                one[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                ma.etamkeen.rihla.brief.BriefPages.draw(pdf, 110);
                preview[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] all = new double[3];
            for (int i = 0; i < all.length; i++) {
                Path folder = Files.createTempDirectory("rihla-bench-briefs");
                long start = System.nanoTime();
                workspace.briefs().writeAll(folder, BriefOptions.all(ma.etamkeen.rihla.i18n.Language.values()[i]),
                        (done, total) -> { }, () -> false);
                all[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.println("Brief (ms)");
            System.out.printf(Locale.ROOT, "  one brief to PDF       median %6.0f   (ar, fr, en; after warm-up)%n", median(one));
            System.out.printf(Locale.ROOT, "  its preview (110 dpi)  median %6.0f%n", median(preview));
            System.out.printf(Locale.ROOT, "  all 15 briefs to files %6.0f   runs ar/fr/en %s%n", median(all),
                    Arrays.toString(rounded(all)));
        }
    }

    /**
     * One start: milliseconds until the window was ready, and the process's peak resident memory then in MB
     * ({@code VmHWM} of {@code /proc/<pid>/status}, Linux; -1 elsewhere or when it had already ended).
     */
    record Start(double millis, double peakMegabytes) {
    }

    /** Starts {@code command} and waits until it prints {@code line}. */
    static Start timeUntil(List<String> command, String line) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // The app image's launcher takes JVM options from the environment only.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-D" + App.EXIT_WHEN_READY + "=true");
        Process process = builder.start();
        double elapsed = -1;
        double peak = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String read;
            while ((read = out.readLine()) != null) {
                if (read.contains(line)) {
                    elapsed = (System.nanoTime() - start) / 1e6;
                    peak = peakMegabytes(process.pid());
                    break;
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (elapsed < 0) {
            throw new IllegalStateException("No '" + line + "' from " + command + " (is there a display?)");
        }
        return new Start(elapsed, peak);
    }

    private static double peakMegabytes(long pid) {
        try {
            for (String status : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (status.startsWith("VmHWM:")) {
                    return Long.parseLong(status.replaceAll("\\D", "")) / 1024.0;  // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has ended
        }
        return -1;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long[] rounded(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

}
