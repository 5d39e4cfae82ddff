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
                        List.of("row 4", "ria")),
                Arguments.of("a quote never closed on row 3", (UnaryOperator<String>) text -> replaceOnRow(text, 3,
                        ",Tallinn,", ",\"Tallinn,"), List.of("row 3", "never closed")),
                Arguments.of("a cell too many on row 4", (UnaryOperator<String>) text -> replaceOnRow(text, 4,
                        ",public-innovation,,", ",public-innovation,,,EXTRA"), List.of("row 4", "more cells")),
                Arguments.of("a column twice", (UnaryOperator<String>) text -> text.replaceFirst(",summary_fr\n",
                        ",city\n").replace(",public-innovation,,\n", ",public-innovation,,Fes\n"), List.of("\"city\" twice")),
                Arguments.of("a website that is not one", (UnaryOperator<String>) text -> replaceOnRow(text, 2,
                        "https://e-estonia.com", "javascript:alert(1)"), List.of("row 2", "not a web address")),
                Arguments.of("an empty file", (UnaryOperator<String>) text -> "", List.of("holds no visit")));
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
    void blankRowsAreSkippedAndAFileSavedWithSemicolonsIsReadAsWell() throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        Files.writeString(csv, text + ",,,,,,,,,,,,,,,,,\n\n\n", StandardCharsets.UTF_8);  // as spreadsheets leave them
        CliRun imported = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Sites: 3 added");

        Path semicolons = folder.resolve("excel-fr.csv");  // French Excel: ";" between cells, commas inside them
        Files.writeString(semicolons, text.lines().map(line -> line.replace(",", ";"))
                .map(line -> line.replace("Présente l'État numérique estonien; \"\"X-Road\"\" compris.",
                        "Présente l'État numérique estonien, \"\"X-Road\"\" compris.")
                        .replace("digital-services;data-once-only;simplification",
                                "\"digital-services;data-once-only;simplification\""))
                .collect(java.util.stream.Collectors.joining("\r\n")), StandardCharsets.UTF_8);
        CliRun again = CliRun.on(data(), "visit", "import", semicolons.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).as("the same visit: nothing to change").contains("Unchanged: 4");
    }

    @Test
    void aSiteUpdatedFromTheFileKeepsItsCityInEveryLanguageWhenTheFileNamesTheSameCity() throws Exception {
        Files.writeString(csv, """
                visit,visit_title_ar,visit_title_fr,visit_starts_on,visit_ends_on,site,name_ar,name_fr,city,level,themes
                belgium-2022,زيارة بلجيكا,Visite en Belgique,2022-09-25,2022-10-01,becode,بيكود,BeCode,Bruxelles,non-profit,digital-inclusion
                """, StandardCharsets.UTF_8);
        CliRun.on(data(), "sites");
        String visitTitles = CliRun.on(data(), "visits", "--json").out();
        CliRun imported = CliRun.on(data(), "visit", "import", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode becode = null;
        for (JsonNode site : new ObjectMapper().readTree(CliRun.on(data(), "sites", "--json").out())) {
            becode = site.path("slug").asText().equals("becode") ? site : becode;
        }
        assertThat(becode.path("cityNames").path("ar").asText()).isEqualTo("بروكسل");
        assertThat(becode.path("cityNames").path("fr").asText()).isEqualTo("Bruxelles");
        assertThat(visitTitles).isNotBlank();
    }

    @Test
    void aPackageBringingANewVisitImportsOnTheCommandLineAndWhatTheOtherLaptopAlsoHadIsNoConflict() throws Exception {
        Path amina = folder.resolve("amina");
        Path youssef = folder.resolve("youssef");
        assertThat(CliRun.on(amina, "visit", "import", csv.toString()).code()).isZero();
        Path first = folder.resolve("first.rihla");
        assertThat(CliRun.on(amina, "export", "--out", first.toString()).code()).isZero();

        CliRun preview = CliRun.on(youssef, "import", first.toString(), "--dry-run");
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.err()).doesNotContain("Exception");
        assertThat(preview.out()).as("a new site is named by the package").contains("City of Tartu");
        CliRun imported = CliRun.on(youssef, "import", first.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(CliRun.on(youssef, "sites", "--visit", "estonia-2025").out()).contains("Tartu");

        // Each edits a different site; Amina's package brings Tartu as Youssef had it before his edit.
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        Path aminas = folder.resolve("amina.csv");
        Files.writeString(aminas, text.replace("Autorité du système d'information", "Autorité du système d'information (RIA)"));
        Path youssefs = folder.resolve("youssef.csv");
        Files.writeString(youssefs, text.replace(",Commune,Tartu,", ",Commune,Tartu-B,"));
        assertThat(CliRun.on(amina, "visit", "import", aminas.toString()).code()).isZero();
        assertThat(CliRun.on(youssef, "visit", "import", youssefs.toString()).code()).isZero();
        Path second = folder.resolve("second.rihla");
        assertThat(CliRun.on(amina, "export", "--out", second.toString()).code()).isZero();
        CliRun again = CliRun.on(youssef, "import", second.toString());
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).doesNotContain("changed here and in the package").contains("0 conflicts settled");
        String sites = CliRun.on(youssef, "sites", "--visit", "estonia-2025", "--json").out();
        assertThat(sites).contains("Tartu-B", "(RIA)").doesNotContain("tartu-city-2");
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
