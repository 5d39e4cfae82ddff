package ma.etamkeen.rihla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ma.etamkeen.rihla.store.ExchangeRecords;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CliRun;

/**
 * The next visit prepared in a spreadsheet: {@code visit import FILE.csv} makes the visit and its three sites
 * (Arabic names kept whole), {@code sites --visit CODE --json} lists them, the same file again changes
 * nothing, and a broken file is refused naming its row and column, changing nothing.
 */
class VisitImportCliTest {
    @TempDir
    Path folder;
    private Path csv;

    @BeforeEach
    void copyTheSample() throws IOException {
        csv = folder.resolve("estonia-2025.csv");
        try (InputStream in = getClass().getResourceAsStream("/ma/etamkeen/rihla/cli/estonia-2025.csv")) {
            Files.copy(in, csv);
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    @Test
    void aVisitAndItsThreeSitesComeFromTheFileAndTheSameFileAgainChangesNothing() throws Exception {
        CliRun imported = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Visits: 1 added, 0 updated. Sites: 3 added, 0 updated.");

        CliRun sites = CliRun.on(data(), "sites", "--visit", "estonia-2025", "--json");
        assertThat(sites.code()).isZero();
        JsonNode listed = new ObjectMapper().readTree(sites.out());
        assertThat(listed).hasSize(3);
        assertThat(listed).allSatisfy(site -> assertThat(site.path("visit").asText()).isEqualTo("estonia-2025"));
        assertThat(listed.findValuesAsText("slug")).containsExactlyInAnyOrder("e-estonia-briefing-centre", "ria",
                "tartu-city");
        JsonNode ria = null;
        for (JsonNode site : listed) {
            ria = site.path("slug").asText().equals("ria") ? site : ria;
        }
        assertThat(ria.path("names").path("ar").asText()).isEqualTo("هيئة نظام المعلومات");
        assertThat(ria.path("level").asText()).isEqualTo("national");
        assertThat(texts(ria.path("themes"))).containsExactlyInAnyOrder("digital-services", "data-once-only",
                "simplification");

        CliRun visits = CliRun.on(data(), "visits", "--json");
        JsonNode estonia = null;
        for (JsonNode visit : new ObjectMapper().readTree(visits.out())) {
            estonia = visit.path("code").asText().equals("estonia-2025") ? visit : estonia;
        }
        assertThat(estonia).as(visits.out()).isNotNull();
        assertThat(estonia.path("titles").path("ar").asText()).isEqualTo("زيارة دراسية إلى إستونيا");
        assertThat(estonia.path("startsOn").asText()).isEqualTo("2025-05-12");
        assertThat(estonia.path("sites").asInt()).isEqualTo(3);
        assertThat(CliRun.on(data(), "sites", "--json").out()).contains("belgium-2022", "estonia-2025");

        Map<UUID, String> before = records();
        CliRun again = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Visits: 0 added, 0 updated. Sites: 0 added, 0 updated. Unchanged: 4.");
        assertThat(records()).as("the same file twice changes nothing").isEqualTo(before);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("a missing column", (UnaryOperator<String>) text -> text.replace(",themes,", ",topics,"),
                        List.of("has no column \"themes\"")),
                Arguments.of("a bad date on row 3", (UnaryOperator<String>) text -> replaceOnRow(text, 3, "2025-05-12",
                        "12/05/2025"), List.of("row 3", "visit_starts_on", "YYYY-MM-DD")),
                Arguments.of("an unknown level on row 4", (UnaryOperator<String>) text -> replaceOnRow(text, 4, ",local,",
                        ",municipal,"), List.of("row 4", "municipal", "national, federal")),
                Arguments.of("an unknown theme on row 2", (UnaryOperator<String>) text -> replaceOnRow(text, 2,
                        "digital-services", "e-government"), List.of("row 2", "e-government")),
                Arguments.of("no name at all on row 3", (UnaryOperator<String>) text -> replaceOnRow(text, 3,
                        ",هيئة نظام المعلومات,Autorité du système d'information,Information System Authority,Riigi Infosüsteemi Amet,",
                        ",,,,,"), List.of("row 3", "no name", "name_fr")),
                Arguments.of("a slug used twice", (UnaryOperator<String>) text -> replaceOnRow(text, 4, "tartu-city", "ria"),
                        List.of("row 4", "ria")));
    }

    /** {@code text} with {@code from} replaced by {@code to} on row {@code row} only (the header is row 1). */
    private static String replaceOnRow(String text, int row, String from, String to) {
        String[] lines = text.split("\n", -1);
        assertThat(lines[row - 1]).contains(from);
        lines[row - 1] = lines[row - 1].replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        return String.join("\n", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedNamingItsRowAndColumnAndNothingChanges(String name, UnaryOperator<String> breaking,
                                                                   List<String> said) throws Exception {
        CliRun.on(data(), "sites");  // the store exists, with the built-in visit
        Map<UUID, String> before = records();
        Files.writeString(csv, breaking.apply(Files.readString(csv, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        CliRun refused = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains(said).contains("Nothing was changed").doesNotContain("Exception");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAndOneWithAByteOrderMarkIsRead() throws Exception {
        CliRun.on(data(), "sites");
        Files.write(csv, Files.readString(csv, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
        CliRun refused = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains("is not UTF-8 text");

        Files.delete(csv);
        copyTheSample();
        byte[] text = Files.readAllBytes(csv);
        Files.delete(csv);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(csv, concat(bom, text));
        assertThat(CliRun.on(data(), "visit", "import", csv.toString()).code()).isZero();
        assertThat(CliRun.on(data(), "sites", "--visit", "estonia-2025").out()).contains("Tartu");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Every record of the store, as a package would carry it. */
    private Map<UUID, String> records() {
        try (Workspace workspace = Workspace.open(data())) {
            return ExchangeRecords.of(workspace.database());
        }
    }
}
