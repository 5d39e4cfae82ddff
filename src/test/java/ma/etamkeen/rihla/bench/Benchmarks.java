package ma.etamkeen.rihla.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import ma.etamkeen.rihla.App;

/**
 * Prints Rihla's benchmark figures. Run from the project folder after {@code mvn -DskipTests package}:
 * {@code mvn -q exec:exec@bench -Dbench=startup} (a display is needed: use {@code xvfb-run -a} on a server).
 * Timings are medians of several runs; nothing here asserts a target, it only measures.
 */
public final class Benchmarks {
    private static final int RUNS = 5;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        if (which.equals("all") || which.equals("startup")) {
            startup();
        }
    }

    /** Cold start to the first populated window: Rihla from its jar, beside a bare JavaFX window. */
    static void startup() throws Exception {
        Path jar = Path.of("target", "rihla.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the jar first: mvn -DskipTests package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = Files.createTempDirectory("rihla-bench");
        List<String> rihla = List.of(java, "-D" + App.EXIT_WHEN_READY + "=true", "-jar", jar.toString(),
                "--db", data.toString(), "--lang", "en");
        List<String> bare = List.of(java, "-cp", System.getProperty("java.class.path"), BareWindow.class.getName());

        double firstStart = timeUntil(rihla, App.READY_LINE);  // new data folder: migrations and seeding
        double[] app = new double[RUNS];
        double[] baseline = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {  // interleaved, so both see the same machine load
            baseline[i] = timeUntil(bare, BareWindow.READY_LINE);
            app[i] = timeUntil(rihla, App.READY_LINE);
        }
        double appMedian = median(app);
        double bareMedian = median(baseline);
        System.out.println("Start-up to the first populated window (median of " + RUNS + ", ms)");
        System.out.printf(Locale.ROOT, "  bare JavaFX window          %7.0f   runs %s%n", bareMedian, Arrays.toString(rounded(baseline)));
        System.out.printf(Locale.ROOT, "  Rihla, java -jar            %7.0f   runs %s%n", appMedian, Arrays.toString(rounded(app)));
        System.out.printf(Locale.ROOT, "  Rihla, first start (seeding) %6.0f%n", firstStart);
        System.out.printf(Locale.ROOT, "  ratio Rihla / bare          %7.2f%n", appMedian / bareMedian);
    }

    /** Milliseconds from starting {@code command} until it prints {@code line}. */
    static double timeUntil(List<String> command, String line) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        double elapsed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String read;
            while ((read = out.readLine()) != null) {
                if (read.contains(line)) {
                    elapsed = (System.nanoTime() - start) / 1e6;
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
        return elapsed;
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
