package ma.etamkeen.rihla.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The interface keeps to the glossary (src/docs/glossary.md): one term per concept, in each language. */
class GlossaryTest {
    private static final Path BUNDLES = Path.of("src/main/resources/ma/etamkeen/rihla/i18n");
    private static final Path SEED = Path.of("src/main/resources/ma/etamkeen/rihla/seed/belgium-2022.json");

    private record Row(String concept, String en, String fr, String ar, List<String> notFr, List<String> notAr) {
    }

    private static List<Row> glossary() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/docs/glossary.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 7 || line.contains("---") || cells[1].strip().equals("concept")) {
                continue;
            }
            rows.add(new Row(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip(),
                    words(cells[5]), words(cells[6])));
        }
        return rows;
    }

    private static List<String> words(String cell) {
        return cell.strip().equals("—") ? List.of()
                : List.of(cell.split(" / ")).stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static String bundleText(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve("messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return String.join("\n", properties.stringPropertyNames().stream().map(properties::getProperty).toList())
                .toLowerCase(Locale.ROOT);
    }

    @Test
    void everyGlossaryTermIsTheOneTheInterfaceUses() throws IOException {
        List<Row> rows = glossary();
        assertThat(rows).hasSizeGreaterThan(15);
        // What the user reads: the messages, and the built-in data (all three languages in one file).
        String seed = Files.readString(SEED).toLowerCase(Locale.ROOT);
        String english = bundleText("") + seed;
        String french = bundleText("_fr") + seed;
        String arabic = bundleText("_ar") + seed;
        for (Row row : rows) {
            assertThat(english).as("English for %s", row.concept()).contains(row.en().toLowerCase(Locale.ROOT));
            assertThat(french).as("French for %s", row.concept()).contains(row.fr().toLowerCase(Locale.ROOT));
            assertThat(arabic).as("Arabic for %s", row.concept()).contains(row.ar());
        }
    }

    @Test
    void noSynonymTheGlossaryRulesOutAppears() throws IOException {
        String french = bundleText("_fr");
        String arabic = bundleText("_ar") + "\n" + Files.readString(SEED);
        for (Row row : glossary()) {
            for (String word : row.notFr()) {
                assertThat(french).as("French avoids '%s' (%s)", word, row.concept()).doesNotContain(word);
            }
            for (String word : row.notAr()) {
                assertThat(arabic).as("Arabic avoids '%s' (%s)", word, row.concept()).doesNotContain(word);
            }
        }
    }
}
