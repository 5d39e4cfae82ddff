package ma.etamkeen.rihla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.DemoData;

class CliTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Language language, String... args) {
        Cli cli = new Cli(language, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return cli.run(LaunchOptions.parse(List.of(args)));
        } catch (LaunchOptions.UsageException e) {
            return cli.usageError(e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sitesAsJsonListsTheFifteenSitesWithTheirNamesCityLevelAndThemes() throws Exception {
        assertThat(run(Language.EN, "--db", folder.toString(), "sites", "--json")).isZero();
        JsonNode sites = new ObjectMapper().readTree(out());
        assertThat(sites.size()).isEqualTo(15);
        JsonNode port = null;
        for (JsonNode site : sites) {
            assertThat(site.path("names").path("ar").asText()).isNotBlank();
            assertThat(site.path("names").path("fr").asText()).isNotBlank();
            assertThat(site.path("names").path("en").asText()).isNotBlank();
            assertThat(site.path("city").asText()).isIn("Brussels", "Namur", "Antwerp");
            assertThat(site.path("themes").size()).isPositive();
            if (site.path("slug").asText().equals("port-of-antwerp-bruges")) {
                port = site;
            }
        }
        assertThat(port).isNotNull();
        assertThat(port.path("names").path("ar").asText()).isEqualTo("ميناء أنتويرب");
        assertThat(port.path("level").asText()).isEqualTo("local");
        assertThat(port.path("toConfirm").get(0).asText()).isEqualTo("website");
    }

    @Test
    void sitesAsTextSpeaksTheChosenLanguage() {
        assertThat(run(Language.FR, "--db", folder.toString(), "sites")).isZero();
        assertThat(out()).contains("Port d'Anvers-Bruges — Anvers, Local").contains("15 sites");
        out.reset();
        assertThat(run(Language.AR, "--db", folder.toString(), "sites")).isZero();
        assertThat(out()).contains("ميناء أنتويرب").contains("15 موقعا");
        // Lists in Arabic are separated by the Arabic comma (U+060C), as the window and the brief separate them.
        assertThat(out()).contains("أنتويرب، محلي").contains("الإدماج الرقمي، الكفاءات الرقمية").doesNotContain(", ");
    }

    @Test
    void searchPrintsTheSameHitsAsTheWindowAndJsonForMachines() throws Exception {
        DemoData.fill(folder);
        assertThat(run(Language.EN, "--db", folder.toString(), "search", "انتويرب", "--json")).isZero();
        JsonNode hits = new ObjectMapper().readTree(out());
        assertThat(hits.get(0).path("kind").asText()).isEqualTo("site");
        assertThat(hits.get(0).path("site").asText()).isEqualTo("port-of-antwerp-bruges");
        assertThat(hits.get(0).path("title").asText()).isEqualTo("Port of Antwerp-Bruges");
        assertThat(hits.get(0).path("id").asText()).isEqualTo(Seeder.siteId("port-of-antwerp-bruges").toString());
        assertThat(hits.get(0).path("snippet").asText()).contains("أنتويرب");

        // Several words, all needed; a theme narrows; the text output groups by kind.
        out.reset();
        assertThat(run(Language.FR, "--db", folder.toString(), "search", "once", "only", "--theme", "simplification"))
                .isZero();
        assertThat(out()).contains("Sites (1)").contains("easy.brussels").contains("Enseignements (1)")
                .contains("Inscrire le « Once Only » dans un texte contraignant").contains("résultats pour « once only »");
        out.reset();
        assertThat(run(Language.EN, "--db", folder.toString(), "search", "once", "--theme", "digital-skills", "--json"))
                .isZero();
        assertThat(new ObjectMapper().readTree(out()).size()).isZero();
    }

    @Test
    void searchWithAnUnknownThemeOrNoWordsSaysWhatIsWrong() {
        assertThat(run(Language.EN, "--db", folder.toString(), "search", "once", "--theme", "nope"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Unknown theme \"nope\"").contains("simplification, digital-services");
        err.reset();
        assertThat(run(Language.FR, "--db", folder.toString(), "search", "--json")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("La commande search a besoin de mots à chercher.");
    }

    @Test
    void practicesListsWhatTheFilterLetsThroughAndWritesItAsASpreadsheet() throws Exception {
        DemoData.fill(folder);
        assertThat(run(Language.FR, "--db", folder.toString(), "practices", "--kind", "idea")).isZero();
        assertThat(out()).contains("Idée de transfert · ").contains("2 pratiques").doesNotContain("Enseignement ·");
        out.reset();
        Path xlsx = folder.resolve("out").resolve("idees.xlsx");
        assertThat(run(Language.AR, "--db", folder.toString(), "practices", "--kind", "idea", "--theme",
                "simplification", "--xlsx", xlsx.toString())).isZero();
        assertThat(out()).contains(xlsx.toString());
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
             var rows = workbook.getFirstSheet().openStream()) {
            assertThat(rows.count()).as("the header and the one idea on simplification").isEqualTo(2);
        }
        assertThat(run(Language.EN, "--db", folder.toString(), "practices", "--status", "done")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Unknown value \"done\" for --status").contains("adopted, dropped, piloting");
    }

    @Test
    void briefWritesOnePagePdfAndBriefsWritesOnePerSite() throws Exception {
        Path file = folder.resolve("out").resolve("port.pdf");
        assertThat(run(Language.AR, "--db", folder.resolve("data").toString(), "brief", "port-of-antwerp-bruges",
                "--out", file.toString())).isZero();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ar-MA");
        }
        Path all = folder.resolve("all");
        assertThat(run(Language.FR, "--db", folder.resolve("data").toString(), "briefs", "--out", all.toString())).isZero();
        try (var files = java.nio.file.Files.list(all)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(15).contains("asa.pdf", "ewbs.pdf");
        }
        assertThat(out()).contains("15 fiches écrites dans");
    }

    @Test
    void briefOfAnUnknownSiteNamesTheCloseOnesAndWritesNothing() {
        Path file = folder.resolve("x.pdf");
        assertThat(run(Language.EN, "--db", folder.resolve("data").toString(), "brief", "port", "--out",
                file.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("There is no site \"port\". Did you mean: port-of-antwerp-bruges?");
        assertThat(file).doesNotExist();
        err.reset();
        assertThat(run(Language.EN, "--db", folder.resolve("data").toString(), "brief", "asa")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("The option --out needs a value.");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWithTwo() {
        assertThat(run(Language.EN, "--db", folder.toString(), "nonsense")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Unknown command: nonsense").contains("Usage: rihla");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anUnknownOptionOrLanguageIsBadInputToo() {
        assertThat(run(Language.EN, "--db", folder.toString(), "sites", "--xml")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Unknown option: --xml");
        err.reset();
        assertThat(run(Language.FR, "--lang", "de", "sites")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Langue inconnue « de »");
        err.reset();
        assertThat(run(Language.EN, "sites", "--db")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("The option --db needs a value.");
    }

    @Test
    void backupWritesAFileThatRestoreTakesBack() throws Exception {
        assertThat(run(Language.EN, "--db", folder.toString(), "backup")).isZero();
        String written = out().strip();
        assertThat(written).startsWith("Backup written: ");
        Path backup = Path.of(written.substring("Backup written: ".length()));
        assertThat(backup).exists().hasParent(folder.resolve("backups"));
        out.reset();
        assertThat(run(Language.EN, "--db", folder.toString(), "backup", "--list")).isZero();
        assertThat(out()).contains("manual").contains(backup.toString()).contains("1 backup");
        // Its size as a person reads it: a backup without attachments is some hundred kB, never "0.0 MB".
        assertThat(out()).containsPattern(" [1-9][0-9,]* kB  | [1-9][0-9,]*\\.[0-9] MB  ").doesNotContain("0.0 MB");
        out.reset();
        assertThat(run(Language.EN, "--db", folder.toString(), "restore", backup.toString())).isZero();
        assertThat(out()).contains("Restored " + backup);
    }

    @Test
    void restoreRefusesAMissingOrForeignFileAndAMissingArgument() throws Exception {
        assertThat(run(Language.FR, "--db", folder.toString(), "restore", folder.resolve("nope.zip").toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("n'est pas une sauvegarde de Rihla").contains("Rien n'a été modifié");
        err.reset();
        assertThat(run(Language.EN, "--db", folder.toString(), "restore")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("The command restore needs a file.").contains("Usage: rihla");
    }

    @Test
    void exportThenImportShowsThePreviewChangesNothingOnADryRunAndMergesAsTold() throws Exception {
        Path amina = folder.resolve("amina");
        Path youssef = folder.resolve("youssef");
        DemoData.fill(amina);
        Path pkg = folder.resolve("amina.rihla");
        assertThat(run(Language.EN, "--db", amina.toString(), "export", "--out", pkg.toString())).isZero();
        assertThat(out()).contains("records written to " + pkg.toAbsolutePath());
        out.reset();

        assertThat(run(Language.EN, "--db", youssef.toString(), "import", pkg.toString(), "--dry-run")).isZero();
        assertThat(out()).contains("amina.rihla: exported by").containsPattern("Note\\s+3\\s+0\\s+0\\s+0\\s+0")
                .contains("easy.brussels").contains("Dry run: nothing was changed.");
        try (Workspace store = Workspace.open(youssef)) {
            assertThat(store.notes().forSite(Seeder.siteId("easy-brussels"))).isEmpty();
        }
        out.reset();

        assertThat(run(Language.FR, "--db", youssef.toString(), "import", pkg.toString())).isZero();
        assertThat(out()).contains("Importé : ").contains("Une sauvegarde a été faite avant");
        out.reset();
        assertThat(run(Language.EN, "--db", youssef.toString(), "import", pkg.toString())).isZero();
        assertThat(out()).contains("Nothing new in this package: nothing was changed.");
        out.reset();

        // Both change the same note; Youssef takes Amina's version when told to.
        Note mine;
        try (Workspace store = Workspace.open(youssef)) {
            Note note = store.notes().forSite(Seeder.siteId("port-of-antwerp-bruges")).get(0);
            mine = store.notes().save(note.withBody("APICA, vu par Youssef."));
        }
        try (Workspace store = Workspace.open(amina)) {
            store.notes().save(mine.withBody("APICA, vu par Amina."));
        }
        assertThat(run(Language.EN, "--db", amina.toString(), "export", "--out", pkg.toString(), "--since",
                java.time.LocalDate.now().toString())).isZero();
        out.reset();
        assertThat(run(Language.EN, "--db", youssef.toString(), "import", pkg.toString(), "--on-conflict", "theirs"))
                .isZero();
        assertThat(out()).contains("Note: here \"APICA, vu par Youssef.\", in the package \"APICA, vu par Amina.\"")
                .contains("1 conflicts settled (0 kept as both versions)");
        try (Workspace store = Workspace.open(youssef)) {
            assertThat(store.notes().forSite(Seeder.siteId("port-of-antwerp-bruges"))).extracting(Note::body)
                    .containsExactly("APICA, vu par Amina.");
        }
    }

    /** A site both laptops changed: named in the chosen language, the fields that differ and no bookkeeping. */
    @Test
    void aSiteInConflictIsNamedInTheChosenLanguageWithWhatDiffers() throws Exception {
        Path pkg = ma.etamkeen.rihla.testing.Laptops.siteConflictPackage(folder.resolve("amina"),
                folder.resolve("youssef"), folder);
        assertThat(run(Language.FR, "--db", folder.resolve("youssef").toString(), "import", pkg.toString(),
                "--dry-run")).isZero();
        assertThat(out()).contains("Site : ici « Agence pour la Simplification Administrative (ASA) », dans le paquet "
                + "« Agence pour la Simplification Administrative (ASA) »")
                .contains("modifié sur les deux ordinateurs : Niveau de pouvoir, Résumé (français)\n")
                .doesNotContain("created_at");
    }

    @Test
    void importAndExportSayWhatIsWrongWithTheirArguments() throws Exception {
        Path notAPackage = java.nio.file.Files.writeString(folder.resolve("notes.rihla"), "plain text");
        assertThat(run(Language.FR, "--db", folder.resolve("data").toString(), "import", notAPackage.toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("n'est pas un paquet Rihla");
        err.reset();
        assertThat(run(Language.EN, "--db", folder.resolve("data").toString(), "import", notAPackage.toString(),
                "--on-conflict", "newest")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("--on-conflict takes keep-both, mine or theirs, not \"newest\".");
        err.reset();
        assertThat(run(Language.EN, "--db", folder.resolve("data").toString(), "export", "--out", "x.rihla", "--since",
                "yesterday")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("Not a date: yesterday");
        err.reset();
        assertThat(run(Language.EN, "--db", folder.resolve("data").toString(), "export", "--mine", "--out",
                folder.resolve("mine.rihla").toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("first say who you are on this laptop");
        assertThat(folder.resolve("mine.rihla")).doesNotExist();
    }

    @Test
    void aPackageGivenAloneOpensTheWindowNotTheCli() throws Exception {
        LaunchOptions opened = LaunchOptions.parse(List.of("--lang", "ar", "Amina.RIHLA"));
        assertThat(opened.command()).isEmpty();  // the window starts, with the package's import preview
        assertThat(opened.packageToOpen()).contains(Path.of("Amina.RIHLA").toAbsolutePath());
        LaunchOptions command = LaunchOptions.parse(List.of("import", "amina.rihla"));
        assertThat(command.command()).contains("import");
        assertThat(command.packageToOpen()).isEmpty();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(Language.FR, "hub")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err()).contains("hub init postgresql://UTILISATEUR@HÔTE:PORT/BASE");
        assertThat(run(Language.EN, "help")).isZero();
        assertThat(out()).contains("sites [--visit CODE] [--json]", "visits [--json]", "visit import FILE.csv",
                "backup [--list]", "restore FILE", "sync [--hub FOLDER|postgresql://", "hub init postgresql://");
    }
}
