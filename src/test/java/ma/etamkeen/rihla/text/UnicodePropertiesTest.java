package ma.etamkeen.rihla.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Bidi;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;

/**
 * Properties over random Unicode text — astral characters, combining marks, format characters, Arabic,
 * Persian, Latin, emoji, bidi controls, lone surrogates: folding is idempotent; a note with any such text is
 * saved and indexed without error and search keeps answering; shortening leaves whole grapheme clusters and
 * valid UTF-16; a paragraph's direction is the base level java.text.Bidi gives it.
 */
class UnicodePropertiesTest {
    private static final Pattern CLUSTER = Pattern.compile("\\X");
    private static Path folder;
    private static Workspace workspace;

    @BeforeContainer
    static void open() throws Exception {
        folder = Files.createTempDirectory("rihla-properties");
        workspace = Workspace.open(folder);
    }

    @AfterContainer
    static void close() throws Exception {
        workspace.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Text drawn from the kinds of characters pasted notes hold, astral ones and format characters included. */
    @Provide
    Arbitrary<String> pasted() {
        Arbitrary<Character> bmp = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('\u0600', '\u06FF'),
                Arbitraries.chars().range('\u0300', '\u036F'), Arbitraries.chars().range('\u2000', '\u206F'),
                Arbitraries.chars().range('\uFB50', '\uFEFF'), Arbitraries.of(' ', '\n', '\'', '’', 'ʼ', '-', '\u00AD', '.'),
                Arbitraries.chars().range('\uD800', '\uDFFF'), Arbitraries.chars().all());
        Arbitrary<String> astral = Arbitraries.oneOf(
                Arbitraries.integers().between(0x1F300, 0x1FAFF), Arbitraries.integers().between(0x1F1E6, 0x1F1FF),
                Arbitraries.integers().between(0x10000, 0x10FFFF)).map(Character::toString);
        return Arbitraries.oneOf(bmp.map(String::valueOf), astral, Arbitraries.of("\u200D", "\uFE0F", "👍🏽", "🇲🇦"))
                .list().ofMaxSize(300).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void foldingIsIdempotent(@ForAll("pasted") String text) {
        String once = Fold.fold(text);
        assertThat(Fold.fold(once)).isEqualTo(once);
    }

    @Property(tries = 60)
    void anyTextIsSavedAndIndexedAndSearchKeepsAnswering(@ForAll("pasted") String text) {
        Note note = new Note(UUID.randomUUID(), Seeder.siteId("bipt"), null, LocalDate.of(2022, 9, 30),
                text.isBlank() ? "x" : text, null);
        workspace.notes().save(note);
        workspace.search().awaitReady();
        String query = text.length() > 40 ? text.substring(0, 40) : text;
        workspace.search().search(query, Set.of(), Set.of(), Language.AR, 10);
        assertThat(workspace.search().search("molengeek", Set.of(), Set.of(), Language.FR, 10).total()).isPositive();
        for (Tokens.Word word : Tokens.words(text)) {
            assertThat(word.forms()).allSatisfy(form -> assertThat(form.length()).isLessThanOrEqualTo(Tokens.MAX_TERM));
        }
    }

    /** Found by the property below: a prepended mark and the space after it are one cluster (GB9b). */
    @net.jqwik.api.Example
    void aPrependedMarkKeepsTheSpaceItIsJoinedTo() {
        assertThat(Graphemes.shorten("\u0600 " + "x".repeat(10), 3)).isEqualTo("\u0600 …");
        assertThat(Graphemes.shorten("ab   " + "x".repeat(10), 6)).isEqualTo("ab…");
    }

    @Property(tries = 400)
    void shorteningCutsBetweenGraphemeClustersOnly(@ForAll("pasted") String text,
                                                   @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 120) int max) {
        String line = text.replace('\n', ' ');
        String shortened = Graphemes.shorten(line, max);
        assertThat(shortened.length()).isLessThanOrEqualTo(Math.max(max, 1));
        if (shortened.equals(line)) {
            return;
        }
        String kept = shortened.substring(0, shortened.length() - 1);
        assertThat(line).startsWith(kept);
        Set<Integer> boundaries = new HashSet<>();
        boundaries.add(0);
        Matcher cluster = CLUSTER.matcher(line);
        while (cluster.find()) {
            boundaries.add(cluster.end());
        }
        assertThat(boundaries).as("whole clusters: " + kept).contains(kept.length());
        if (!hasLoneSurrogate(line)) {
            assertThat(hasLoneSurrogate(kept)).as("valid UTF-16").isFalse();
        }
    }

    @Property(tries = 400)
    void theDirectionOfAParagraphIsTheBaseLevelOfTheBidiAlgorithm(@ForAll("pasted") String text) {
        String paragraph = text.split("[\n\r\u001C-\u001E\u0085\u2029]", -1)[0];
        Direction direction = Direction.of(paragraph);
        boolean leftToRight = new Bidi(paragraph, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
        boolean rightToLeftByDefault = !new Bidi(paragraph, Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT).baseIsLeftToRight();
        assertThat(direction.or(Direction.LEFT_TO_RIGHT) == Direction.LEFT_TO_RIGHT).as(paragraph).isEqualTo(leftToRight);
        assertThat(direction.or(Direction.RIGHT_TO_LEFT) == Direction.RIGHT_TO_LEFT).as(paragraph)
                .isEqualTo(rightToLeftByDefault);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
