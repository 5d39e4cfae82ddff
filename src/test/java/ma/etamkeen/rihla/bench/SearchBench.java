package ma.etamkeen.rihla.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.SearchService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.IdeaRepository;
import ma.etamkeen.rihla.store.LessonRepository;
import ma.etamkeen.rihla.store.NoteRepository;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.text.Tokens;

/**
 * Search and facet figures on synthetic stores of 1k, 10k and 100k entries (60 % notes, 25 % lessons,
 * 15 % ideas) written in the words of the built-in data, Arabic, French and English mixed, with a
 * Zipf-like spread (a few words everywhere, most words rare), as real notes are.
 */
final class SearchBench {
    static final String[] QUERIES = {
        "الرقمنة", "انتويرب", "مرة واحدة", "الادارة", "تبسيط المساطر", "مختب", "المعطيات الرقمية",
        "numerique", "simplification administrative", "donnees", "guichet", "interop", "once only", "jumeau num",
        "digital", "port", "playbook", "zzzz"};
    /** The single words, for the LIKE comparison (as a user would type them, unfolded). */
    private static final String[] LIKE_QUERIES = {"الرقمنة", "numérique", "guichet", "playbook", "zzzz"};
    private static final int ROUNDS = 10;

    private SearchBench() {
    }

    static void run(int... sizes) throws Exception {
        List<String> vocabulary = vocabulary();
        System.out.println("Search and facets on synthetic stores (" + vocabulary.size() + " distinct words from the "
                + "built-in data; " + QUERIES.length + " fixed queries x " + ROUNDS + " rounds; ms)");
        System.out.println("  entries    build   index MB  db MB  (fully compacted)   search median  p95    max    facets median  p95"
                + "   facets after a write   LIKE median");
        for (int size : sizes) {
            measure(size, vocabulary);
        }
    }

    private static void measure(int size, List<String> vocabulary) throws Exception {
        Path folder = Files.createTempDirectory("rihla-bench-search");
        Workspace.open(folder).close();  // migrated and seeded
        fill(folder, size, vocabulary);

        double[] figures;
        long opening = System.nanoTime();
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.search().awaitReady();  // the index is behind the store: rebuilt from scratch
            double build = (System.nanoTime() - opening) / 1e6;

            List<Double> searches = new ArrayList<>();
            for (int round = -5; round < ROUNDS; round++) {  // five rounds of warm-up
                for (String query : QUERIES) {
                    long start = System.nanoTime();
                    workspace.search().search(query, Set.of(), Set.of(), Language.FR, SearchService.LIMIT);
                    if (round >= 0) {
                        searches.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }

            List<PracticeFilter> filters = List.of(PracticeFilter.none(),
                    PracticeFilter.none().toggle(Facet.THEME, "simplification"),
                    PracticeFilter.none().toggle(Facet.THEME, "simplification").toggle(Facet.CITY, "Brussels"),
                    PracticeFilter.none().toggle(Facet.THEME, "simplification").toggle(Facet.THEME, "data-once-only")
                            .withAllThemes(true).toggle(Facet.KIND, "idea"));
            List<Double> facets = new ArrayList<>();
            for (int round = -2; round < ROUNDS; round++) {
                for (PracticeFilter filter : filters) {
                    long start = System.nanoTime();
                    workspace.practices().filter(filter);
                    if (round >= 0) {
                        facets.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            // After a write the practices are read again from the store once.
            List<Double> afterWrite = new ArrayList<>();
            Site site = workspace.catalog().sites().get(0);
            for (int i = 0; i < 5; i++) {
                workspace.lessons().save(new Lesson(UUID.randomUUID(), site.id(), null, "Bench " + i, null, null,
                        Set.of("simplification"), null));
                long start = System.nanoTime();
                workspace.practices().filter(filters.get(1));
                afterWrite.add((System.nanoTime() - start) / 1e6);
            }

            List<Double> likes = new ArrayList<>();
            for (int round = -1; round < 3; round++) {
                for (String word : LIKE_QUERIES) {
                    long start = System.nanoTime();
                    likeScan(workspace.database(), word);
                    if (round >= 0) {
                        likes.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }

            figures = new double[] {build, Benchmarks.median(array(searches)), percentile(searches, 0.95),
                Collections.max(searches), Benchmarks.median(array(facets)), percentile(facets, 0.95),
                Benchmarks.median(array(afterWrite)), Benchmarks.median(array(likes))};
        }
        // Sizes on disk once closed, as the user's folder holds them.
        double dbMb = Files.size(folder.resolve(Database.FILE_NAME + ".mv.db")) / 1e6;
        double indexMb = folderSize(folder.resolve("index")) / 1e6;
        // Against what H2 makes of it when asked to rewrite the whole file (SHUTDOWN COMPACT), on the closed store.
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + folder.resolve(Database.FILE_NAME), "rihla", "")) {
            connection.createStatement().execute("SHUTDOWN COMPACT");
        }
        double compactedMb = Files.size(folder.resolve(Database.FILE_NAME + ".mv.db")) / 1e6;
        System.out.printf(Locale.ROOT, "  %7d  %7.0f   %7.1f  %6.1f  (%6.1f)            %7.1f  %7.1f %7.1f   %7.1f  %7.1f   %7.1f               %7.0f%n",
                size, figures[0], indexMb, dbMb, compactedMb, figures[1], figures[2], figures[3], figures[4], figures[5],
                figures[6], figures[7]);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Writes {@code size} entries straight into the store, in transactions of 2,000 (not one by one). */
    static void fill(Path folder, int size, List<String> vocabulary) {
        fill(folder, size, vocabulary, size);
    }

    /** As {@link #fill(Path, int, List)}, drawn from {@code seed} (laptops that each write their own). */
    static void fill(Path folder, int size, List<String> vocabulary, long seed) {
        Random random = new Random(seed);
        Zipf words = new Zipf(vocabulary, random);
        try (Database database = Database.open(folder)) {
            List<Site> sites = database.read(tx -> new ma.etamkeen.rihla.store.SiteRepository().findAll(tx));
            List<String> themes = database.read(tx -> new ma.etamkeen.rihla.store.ThemeRepository().findAll(tx))
                    .stream().map(Theme::code).toList();
            List<UUID> administrations = database.read(tx -> new ma.etamkeen.rihla.store.PeopleRepository()
                    .administrations(tx)).stream().map(Administration::id).toList();
            NoteRepository notes = new NoteRepository();
            LessonRepository lessons = new LessonRepository();
            IdeaRepository ideas = new IdeaRepository();
            Stamp stamp = new Stamp(Instant.now(), "bench");
            for (int done = 0; done < size; ) {
                int batch = Math.min(2_000, size - done);
                int first = done;
                database.write(tx -> {
                    for (int i = first; i < first + batch; i++) {
                        Site site = sites.get(random.nextInt(sites.size()));
                        Set<String> entryThemes = new LinkedHashSet<>();
                        site.themes().stream().limit(1 + random.nextInt(2)).forEach(t -> entryThemes.add(t.code()));
                        if (random.nextInt(4) == 0) {
                            entryThemes.add(themes.get(random.nextInt(themes.size())));
                        }
                        int kind = i % 20;
                        if (kind < 12) {
                            notes.save(tx, new Note(UUID.randomUUID(), site.id(), null, LocalDate.of(2022, 9, 26),
                                    words.text(30 + random.nextInt(170)), null), stamp);
                        } else if (kind < 17) {
                            lessons.save(tx, new Lesson(UUID.randomUUID(), site.id(), null, words.text(4 + random.nextInt(8)),
                                    words.text(30 + random.nextInt(100)), words.text(10 + random.nextInt(60)),
                                    entryThemes, null), stamp);
                        } else {
                            ideas.save(tx, new Idea(UUID.randomUUID(), site.id(), null, null, words.text(4 + random.nextInt(8)),
                                    words.text(30 + random.nextInt(90)), Idea.Effort.M, Idea.Impact.MEDIUM,
                                    Idea.Status.values()[random.nextInt(Idea.Status.values().length)], null, null,
                                    entryThemes, Set.of(administrations.get(random.nextInt(administrations.size()))),
                                    null), stamp);
                        }
                    }
                    return null;
                });
                done += batch;
            }
        }
    }

    /** What a search without an index would do: a LIKE over every text column. */
    private static long likeScan(Database database, String word) {
        String pattern = "%" + word.toLowerCase(Locale.ROOT) + "%";
        return database.read(tx -> tx.count("""
                SELECT COUNT(*) FROM (
                  SELECT id FROM note WHERE deleted_at IS NULL AND LOWER(body) LIKE ?
                  UNION ALL SELECT id FROM lesson WHERE deleted_at IS NULL
                    AND LOWER(CONCAT_WS(' ', title, observed, why_it_works)) LIKE ?
                  UNION ALL SELECT id FROM idea WHERE deleted_at IS NULL
                    AND LOWER(CONCAT_WS(' ', title, description)) LIKE ?)""", pattern, pattern, pattern));
    }

    /** The words of every text of the built-in data, as written. */
    static List<String> vocabulary() throws IOException {
        try (InputStream seed = SearchBench.class.getResourceAsStream("/ma/etamkeen/rihla/seed/belgium-2022.json")) {
            String json = new String(seed.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> words = new LinkedHashSet<>();
            for (Tokens.Word word : Tokens.words(json)) {
                String written = json.substring(word.start(), word.end());
                if (written.length() > 2 && !written.matches("[0-9a-f-]+")) {
                    words.add(written);
                }
            }
            List<String> list = new ArrayList<>(words);
            Collections.shuffle(list, new Random(2022));
            return list;
        }
    }

    /** Words drawn with probability falling as 1/rank. */
    private static final class Zipf {
        private final List<String> words;
        private final double[] cumulative;
        private final Random random;

        Zipf(List<String> words, Random random) {
            this.words = words;
            this.random = random;
            this.cumulative = new double[words.size()];
            double sum = 0;
            for (int i = 0; i < words.size(); i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String text(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
                text.append(i == 0 ? "" : " ").append(words.get(at < 0 ? -at - 1 : at));
            }
            return text.toString();
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = array(values);
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * p) - 1];
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
