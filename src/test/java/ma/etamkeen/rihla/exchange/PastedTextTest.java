package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SearchService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.DemoData;

/**
 * Text as delegates paste it, through real stores, the search index and real packages: a long run without a
 * space, invisible characters inside words, Persian and Urdu letters, apostrophes of every shape, an emoji
 * where a title is cut, bidi controls in an attachment's name, a package re-zipped on Windows, a data folder
 * with a ";" in its name.
 */
class PastedTextTest {
    private static final UUID SITE = Seeder.siteId("ewbs");
    @TempDir
    Path folder;

    private static Note note(String body) {
        return new Note(UUID.randomUUID(), SITE, null, LocalDate.of(2022, 9, 28), body, null);
    }

    private static SearchService.Results search(Workspace workspace, String text) {
        workspace.search().awaitReady();
        return workspace.search().search(text, Set.of(), Set.of(), Language.FR, 50);
    }

    private static Set<UUID> found(Workspace workspace, String text) {
        return search(workspace, text).all().stream().map(SearchService.Hit::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17000 Arabic letters", "40000 Latin letters", "9000 Chinese letters",
            "12000 emoji", "a letter and 30000 marks", "60000 digits"})
    void aLongRunWithoutASpaceIsStoredSharedAndFoundAndSearchKeepsWorking(String kind) throws Exception {
        String run = switch (kind) {
            case "17000 Arabic letters" -> "ب".repeat(17_000);
            case "40000 Latin letters" -> "a".repeat(40_000);
            case "9000 Chinese letters" -> "中".repeat(9_000);
            case "12000 emoji" -> "👍".repeat(12_000);
            case "a letter and 30000 marks" -> "ب" + "\u064E".repeat(30_000);
            default -> "7".repeat(60_000);
        };
        Path sender = folder.resolve("sender");
        Path receiver = folder.resolve("receiver");
        Note other = note("Guichet unique des entreprises");
        Note longRun = note("Avant : " + run);
        Path pkg;
        try (Workspace workspace = Workspace.open(sender)) {
            workspace.notes().save(longRun);
            workspace.notes().save(other);
            assertThat(found(workspace, "guichet")).contains(other.id());
            pkg = workspace.exchange().export(folder.resolve("run.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
        try (Workspace workspace = Workspace.open(receiver)) {
            try (ExchangePackage incoming = workspace.exchange().read(pkg)) {
                ExchangeService.Imported imported = workspace.exchange().apply(incoming, workspace.exchange().plan(incoming),
                        Map.of(), ExchangeService.Progress.NONE, () -> false);
                assertThat(imported.counts().added()).isPositive();
            }
            assertThat(found(workspace, "guichet")).as("the other entries stay searchable").contains(other.id());
            assertThat(search(workspace, "avant").total()).isEqualTo(1);
        }
        try (Workspace workspace = Workspace.open(receiver)) {  // and after a restart
            assertThat(found(workspace, "guichet")).contains(other.id());
            if (!kind.contains("emoji")) {  // emoji are not words
                assertThat(found(workspace, run.substring(0, 300))).as("found by its beginning").contains(longRun.id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u00AD soft hyphen", "\u200B zero-width space", "\u2060 word joiner", "\uFEFF byte order mark",
            "\u200E left-to-right mark", "\u200D zero-width joiner", "\u202A\u202C embedding",
            "\uD834\uDD73 musical begin beam", "\uDB40\uDC01 language tag", "\uD80D\uDC30 Egyptian joiner"})
    void invisibleCharactersInsideWordsDoNotHideThem(String invisible) {
        String mark = invisible.substring(0, invisible.indexOf(' '));
        Note pasted = note("La transfor" + mark + "mation numé" + mark + "rique de l'adminis" + mark + "tration");
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.notes().save(pasted);
            for (String word : List.of("transformation", "numérique", "numerique", "administration", "transfor")) {
                assertThat(found(workspace, word)).as(word).contains(pasted.id());
            }
            SearchService.Hit hit = search(workspace, "administration").all().stream()
                    .filter(found -> found.id().equals(pasted.id())).findFirst().orElseThrow();
            int[] marked = hit.snippet().matches().get(0);
            assertThat(hit.snippet().text().substring(marked[0], marked[1]).replace(mark, ""))
                    .as("the highlight covers the whole word").isEqualTo("administration");
        }
    }

    @Test
    void persianAndUrduLettersAndEveryApostropheFoldOntoWhatIsTyped() {
        Map<String, String> typedAndWritten = new LinkedHashMap<>();
        typedAndWritten.put("كتابخانه", "مدرسۀ کدنویسی و کتابخانہ");
        typedAndWritten.put("مدرسه", "مدرسۀ برنامه نویسی");
        typedAndWritten.put("كدنويسي", "کدنویسی");
        typedAndWritten.put("پاکستان", "پاکستان ہے");
        typedAndWritten.put("administration", "l’administration");
        typedAndWritten.put("adminis", "lʼadministration");
        typedAndWritten.put("l'administration", "l＇administration");
        typedAndWritten.put("hui", "aujourd`hui");
        typedAndWritten.put("co2", "Émissions de CO₂ : 12 m²");
        typedAndWritten.put("m2", "surface de 40 m²");
        typedAndWritten.put("digital", "ⓓⓘⓖⓘⓣⓐⓛ");
        typedAndWritten.put("strasse", "Wetstraat, Straße 1");
        typedAndWritten.put("كتاب", "ڪتاب ګتاب ڭتاب");
        typedAndWritten.put("نون", "ڻوڼ");
        try (Workspace workspace = Workspace.open(folder)) {
            typedAndWritten.forEach((typed, written) -> {
                Note note = note(written);
                workspace.notes().save(note);
                assertThat(found(workspace, typed)).as(typed + " finds " + written).contains(note.id());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"👍", "🇲🇦", "👨‍👩‍👧", "é", "1️⃣", "👍🏽"})
    void aTitleCutWhereAnEmojiStandsKeepsItWholeOrLeavesItOut(String cluster) {
        for (int at = 116; at <= 121; at++) {
            String firstLine = "x".repeat(at) + cluster + " suite de la première ligne qui dépasse";
            Note note = note(firstLine + "\nmot-clef" + at);
            try (Workspace workspace = Workspace.open(folder)) {
                workspace.notes().save(note);
                String title = search(workspace, "mot-clef" + at).all().get(0).title().text();
                assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(120);
                String kept = title.substring(0, title.length() - 1);
                assertThat(firstLine).startsWith(kept);
                java.util.regex.Matcher clusters = java.util.regex.Pattern.compile("\\X").matcher(firstLine);
                Set<Integer> boundaries = new java.util.HashSet<>();
                while (clusters.find()) {
                    boundaries.add(clusters.end());
                }
                assertThat(boundaries).as(at + ": cut between grapheme clusters: " + kept).contains(kept.length());
            }
        }
    }

    @Test
    void aSnippetStaysShortWhenOneLetterCarriesThousandsOfMarks() {
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.notes().save(note("Avant e" + "\u0301".repeat(5_000) + " guichet " + "é".repeat(3) + "\u0301".repeat(5_000)));
            SearchService.Hit hit = search(workspace, "guichet").all().get(0);
            assertThat(hit.snippet().text().length()).isLessThan(300);
            assertThat(hit.snippet().text()).contains("guichet");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".", "..", "a very long name", "\u2028 line separator", "spaces", "\u3164 Hangul filler"})
    void anAttachmentNameThatWouldMisleadOrCouldNotBeWrittenIsMadeSafeAndStillOpens(String kind) throws Exception {
        String name = switch (kind) {
            case ".", ".." -> kind;
            case "a very long name" -> "ب".repeat(200) + "😀".repeat(60) + ".png";
            case "spaces" -> "photo.jpg" + " ".repeat(60) + ".exe";
            default -> "photo.jpg" + kind.charAt(0) + kind.charAt(0) + ".exe";
        };
        Path tricked = withAttachmentNamed(name);
        try (Workspace workspace = Workspace.open(folder.resolve("receiver"))) {
            importWhole(workspace, tricked);
            Attachment attachment = workspace.attachments().forSite(Seeder.siteId("easy-brussels")).stream()
                    .filter(a -> !a.fileName().startsWith("once-only")).findFirst().orElseThrow();
            if (name.endsWith(".exe")) {
                assertThat(attachment.fileName()).as("the real extension shows").matches("photo\\.jpg ?\\.exe");
            }
            Path opened = workspace.attachments().copyForViewing(attachment);
            assertThat(opened).exists();
            assertThat(opened.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(200);
            assertThat(opened.getParent().getParent().getParent()).isEqualTo(folder.resolve("receiver"));
        }
    }

    private Path withAttachmentNamed(String name) throws Exception {
        Path good = demoPackage();
        Repack repack = Repack.of(good);
        ObjectMapper json = new ObjectMapper();
        ArrayNode attachments = (ArrayNode) json.readTree(repack.files.get("records/attachment.json"));
        for (var attachment : attachments) {
            if (!attachment.path("file_name").asText().startsWith("once-only")) {
                ((ObjectNode) attachment).put("file_name", name);
            }
        }
        repack.files.put("records/attachment.json", json.writeValueAsBytes(attachments));
        return repack.resealed().write(folder.resolve("renamed.rihla"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u202E right-to-left override", "\u2067 right-to-left isolate", "\u200F right-to-left mark",
            "\u061C Arabic letter mark", "\u0007 bell"})
    void bidiControlsInAnAttachmentsNameAreDroppedSoItsRealExtensionShows(String control) throws Exception {
        String trick = control.substring(0, 1);
        Path good = demoPackage();
        Repack repack = Repack.of(good);
        ObjectMapper json = new ObjectMapper();
        ArrayNode attachments = (ArrayNode) json.readTree(repack.files.get("records/attachment.json"));
        ObjectNode first = (ObjectNode) attachments.get(0);
        first.put("file_name", "photo_visite" + trick + "gpj.exe");
        first.put("media_type", "image/jpeg");
        repack.files.put("records/attachment.json", json.writeValueAsBytes(attachments));
        Path tricked = repack.resealed().write(folder.resolve("tricked.rihla"));
        UUID id = UUID.fromString(first.path("id").asText());
        try (Workspace workspace = Workspace.open(folder.resolve("receiver"))) {
            importWhole(workspace, tricked);
            Attachment attachment = workspace.attachments().forSite(UUID.fromString(first.path("site_id").asText()))
                    .stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
            assertThat(attachment.fileName()).isEqualTo("photo_visitegpj.exe");
            assertThat(workspace.attachments().copyForViewing(attachment).getFileName().toString())
                    .isEqualTo("photo_visitegpj.exe");
        }
    }

    @Test
    void aPackageReZippedOnWindowsWithBackslashesImportsAndOneLeadingOutsideIsRefusedForThatReason() throws Exception {
        Path good = demoPackage();
        Repack windows = new Repack();
        Repack.of(good).files.forEach((name, bytes) -> windows.files.put(name.replace('/', '\\'), bytes));
        Path rezipped = windows.write(folder.resolve("compress-archive.rihla"));
        try (Workspace workspace = Workspace.open(folder.resolve("receiver"))) {
            ExchangeService.Imported imported = importWhole(workspace, rezipped);
            assertThat(imported.counts().added()).isPositive();
            assertThat(workspace.attachments().forSite(Seeder.siteId("easy-brussels"))).hasSize(2);

            windows.files.put("attachments\\..\\..\\evil.sh", "echo".getBytes());
            Path evil = windows.write(folder.resolve("evil.rihla"));
            RejectedInput refused = catchThrowableOfType(RejectedInput.class, () -> importWhole(workspace, evil));
            assertThat(Failures.describe(refused, Messages.of(Language.EN), UnaryOperator.identity()))
                    .contains("would land outside the package");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"./ before every name", ".\\ before every name", "the package's folder zipped with it",
            "./ inside names"})
    void aPackageZippedAgainAnotherWayImports(String how) throws Exception {
        Path good = demoPackage();
        Repack again = new Repack();
        Repack.of(good).files.forEach((name, bytes) -> again.files.put(switch (how) {
            case "./ before every name" -> "./" + name;
            case ".\\ before every name" -> ".\\" + name.replace('/', '\\');
            case "./ inside names" -> name.replace("/", "/./");
            default -> "export/" + name;
        }, bytes));
        try (Workspace workspace = Workspace.open(folder.resolve("receiver"))) {
            assertThat(importWhole(workspace, again.write(folder.resolve("again.rihla"))).counts().added()).isPositive();
            assertThat(workspace.attachments().forSite(Seeder.siteId("easy-brussels"))).hasSize(2);
        }
    }

    @Test
    void aDataFolderWhoseNameHoldsABackslashIsRefusedForThatReasonAndNothingIsWritten() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/', "a backslash is a separator here");
        Path parent = Files.createDirectories(folder.resolve("dirs"));
        Path data = parent.resolve("a\\b");
        ma.etamkeen.rihla.store.StoreException refused = catchThrowableOfType(
                ma.etamkeen.rihla.store.StoreException.class, () -> Workspace.open(data).close());
        assertThat(Failures.describe(refused, Messages.of(Language.FR), UnaryOperator.identity()))
                .contains("barre oblique inversée", "Rien n'a été modifié");
        try (var left = Files.walk(parent)) {
            assertThat(left.filter(path -> !path.equals(parent)).toList()).as("nothing written").isEmpty();
        }
    }

    @Test
    void aDataFolderWithASemicolonInItsNameHoldsAStoreLikeAnyOther() throws Exception {
        Path data = Files.createDirectories(folder.resolve("Rihla; copie 2; CIPHER=AES"));
        Note note = note("Noté dans un dossier au nom étrange");
        try (Workspace workspace = Workspace.open(data)) {
            workspace.notes().save(note);
            workspace.backups().backUpNow();
        }
        try (Workspace workspace = Workspace.open(data)) {
            assertThat(found(workspace, "étrange")).contains(note.id());
            assertThat(workspace.backups().list()).isNotEmpty();
        }
        assertThat(data.resolve("rihla.mv.db")).exists();
        assertThat(folder.resolve("Rihla")).doesNotExist();
    }

    /** A package of the demo entries (two attachments among them), as another laptop exports it. */
    private Path demoPackage() throws Exception {
        DemoData.fill(folder.resolve("sender"));
        try (Workspace sender = Workspace.open(folder.resolve("sender"))) {
            return sender.exchange().export(folder.resolve("good.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
    }

    private static ExchangeService.Imported importWhole(Workspace workspace, Path file) {
        try (ExchangePackage incoming = workspace.exchange().read(file)) {
            return workspace.exchange().apply(incoming, workspace.exchange().plan(incoming), Map.of(),
                    ExchangeService.Progress.NONE, () -> false);
        }
    }
}
