package ma.etamkeen.rihla.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.PracticeLabels.Row;
import ma.etamkeen.rihla.service.PracticeSpreadsheet;
import ma.etamkeen.rihla.testing.SampleText;

/**
 * {@code -Dbench=xlsx}: the practices table as .xlsx at 10,000 and 100,000 rows of Arabic and French text —
 * time and file size, against writing the same rows as plain CSV in the same run — and the smallest of a few
 * heaps (-Xmx, in a child JVM) in which 100,000 rows are made and written.
 */
final class SpreadsheetBench {
    private SpreadsheetBench() {
    }

    static void run(int... sizes) throws IOException {
        System.out.println("Practices as .xlsx (fastexcel, streamed) against plain CSV of the same rows");
        for (int size : sizes) {
            List<Row> rows = rows(size);
            Path xlsx = Files.createTempFile("rihla-bench", ".xlsx");
            Path csv = Files.createTempFile("rihla-bench", ".csv");
            double[] took = new double[3];
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                PracticeSpreadsheet.write(rows, xlsx, Messages.of(Language.AR));
                took[round] = (System.nanoTime() - start) / 1e6;
            }
            long start = System.nanoTime();
            writeCsv(rows, csv);
            double csvMillis = (System.nanoTime() - start) / 1e6;
            java.util.Arrays.sort(took);
            System.out.printf(Locale.ROOT, "  %,7d rows  xlsx %6.0f ms (median of 3), %5.1f MB   csv %5.0f ms   xlsx / csv %.1f x%n",
                    size, took[1], Files.size(xlsx) / 1048576.0, csvMillis, took[1] / csvMillis);
            Files.delete(xlsx);
            Files.delete(csv);
        }
    }

    /** The smallest of these heaps in which a child JVM makes {@code size} rows and writes them as .xlsx. */
    static void smallestHeap(int size) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int megabytes : new int[] {32, 48, 64, 96, 128, 256}) {
            Process child = new ProcessBuilder(java, "-Xmx" + megabytes + "m", "-cp", System.getProperty("java.class.path"),
                    SpreadsheetBench.class.getName(), String.valueOf(size)).redirectErrorStream(true).start();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (child.waitFor() == 0) {
                System.out.printf(Locale.ROOT, "  %,d rows made and written with -Xmx%dm (smaller heaps tried: out of memory)"
                        + "  %s%n", size, megabytes, said);
                return;
            }
        }
        System.out.println("  not within 256 MB");
    }

    /** The child: makes {@code args[0]} rows, writes them, prints the time. */
    public static void main(String[] args) throws IOException {
        List<Row> rows = rows(Integer.parseInt(args[0]));
        Path xlsx = Files.createTempFile("rihla-bench", ".xlsx");
        long start = System.nanoTime();
        PracticeSpreadsheet.write(rows, xlsx, Messages.of(Language.AR));
        System.out.printf(Locale.ROOT, "(%.0f ms)", (System.nanoTime() - start) / 1e6);
        Files.delete(xlsx);
    }

    private static List<Row> rows(int size) {
        Random random = new Random(17);
        List<Row> rows = new ArrayList<>(size);
        Instant day = Instant.parse("2022-09-25T09:00:00Z");
        for (int i = 0; i < size; i++) {
            boolean idea = i % 3 == 0;
            rows.add(new Row(null, SampleText.mixed(random, 8 + random.nextInt(12)), idea ? "فكرة للنقل" : "درس مستخلص",
                    "easy.brussels", "بروكسل", "تبسيط المساطر الإدارية، المعطيات والتشغيل البيني",
                    idea ? "DGI, MTNRA" : "", idea ? "قيد الدراسة" : "", "أمينة الإدريسي", day.plusSeconds(3_600L * i)));
        }
        return rows;
    }

    private static void writeCsv(List<Row> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Row row : rows) {
                out.write(String.join(",", quoted(row.title()), quoted(row.kind()), quoted(row.site()), quoted(row.city()),
                        quoted(row.themes()), quoted(row.targets()), quoted(row.status()), quoted(row.author()),
                        row.date().toString()));
                out.newLine();
            }
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
