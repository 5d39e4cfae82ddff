package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.TableDump;
import ma.etamkeen.rihla.testing.DemoData;

/**
 * Broken, hostile or foreign packages fed to a store that already has data: each is refused with a message
 * naming the problem, and the store is unchanged, byte for byte in content.
 */
class BadPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages ENGLISH = Messages.of(Language.EN);

    @TempDir
    static Path folder;
    private static Workspace store;
    private static Path good;
    private Map<String, List<String>> before;

    @BeforeAll
    static void prepare() throws Exception {
        // The package comes from another laptop with demo entries; the store receiving it has its own.
        DemoData.fill(folder.resolve("sender"));
        try (Workspace sender = Workspace.open(folder.resolve("sender"))) {
            good = sender.exchange().export(folder.resolve("good.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
        DemoData.fill(folder.resolve("store"));
        store = Workspace.open(folder.resolve("store"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void remember() {
        before = TableDump.of(store.database());
    }

    /** Imports {@code file}, expects it refused; returns the English message, the store checked unchanged. */
    private String refused(Path file) {
        RejectedInput refusal = catchThrowableOfType(RejectedInput.class, () -> {
            try (ExchangePackage pkg = store.exchange().read(file)) {
                store.exchange().apply(pkg, store.exchange().plan(pkg), Map.of(), ExchangeService.Progress.NONE, () -> false);
            }
        });
        assertThat(refusal).as("refused").isNotNull();
        assertThat(TableDump.of(store.database())).isEqualTo(before);
        return Failures.describe(refusal, ENGLISH, UnaryOperator.identity());
    }

    private Path file(String name) {
        return folder.resolve(name);
    }

    /** Changes one record of {@code records/<kind>.json} and reseals the package. */
    private Path withRecord(String name, String kind, java.util.function.Consumer<ObjectNode> change) throws IOException {
        Repack repack = Repack.of(good);
        ArrayNode records = (ArrayNode) JSON.readTree(repack.files.get("records/" + kind + ".json"));
        change.accept((ObjectNode) records.get(0));
        repack.files.put("records/" + kind + ".json", JSON.writeValueAsBytes(records));
        return repack.resealed().write(file(name));
    }

    @Test
    void theGoodPackageItselfImports() {
        try (ExchangePackage pkg = store.exchange().read(good)) {
            assertThat(store.exchange().plan(pkg).total().added()).isPositive();
        }
    }

    @Test
    void aFileThatIsNotAZip() throws IOException {
        Files.writeString(file("notes.rihla"), "Ceci n'est pas un paquet.");
        assertThat(refused(file("notes.rihla"))).contains("is not a Rihla package (it is not a zip file)");
    }

    @Test
    void aTruncatedZip() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Files.write(file("cut.rihla"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refused(file("cut.rihla"))).contains("is damaged or incomplete");
    }

    @Test
    void namesLeadingOutOfThePackage() throws IOException {
        for (String name : List.of("../x", "/etc/passwd", "records/../../x", "C:\\\\x")) {
            Repack repack = Repack.of(good);
            repack.files.put(name, new byte[] {1});
            assertThat(refused(repack.write(file("escape.rihla")))).contains("would land outside the package");
        }
    }

    @Test
    void aZipBomb() throws IOException {
        Repack repack = Repack.of(good);
        String attachment = repack.files.keySet().stream().filter(n -> n.startsWith("attachments/")).findFirst().orElseThrow();
        repack.files.put(attachment, new byte[40 << 20]);  // 40 MB of zeros squeezed into a few kB
        assertThat(refused(repack.write(file("bomb.rihla")))).contains("zip bomb");
    }

    @Test
    void noManifest() throws IOException {
        Repack repack = Repack.of(good);
        repack.files.remove("manifest.json");
        assertThat(refused(repack.write(file("headless.rihla")))).contains("has no manifest.json");
    }

    @Test
    void aFutureFormat() throws IOException {
        Repack repack = Repack.of(good);
        repack.put("manifest.json", repack.text("manifest.json").replace("\"format\" : 3", "\"format\" : 7"));
        assertThat(refused(repack.write(file("future.rihla"))))
                .contains("was made by a newer Rihla (package format 7; this one reads up to 3)");
    }

    @Test
    void malformedJson() throws IOException {
        Repack repack = Repack.of(good);
        repack.put("records/note.json", "[{\"id\": ");
        assertThat(refused(repack.resealed().write(file("broken.rihla")))).contains("records/note.json is not valid");
    }

    @Test
    void aRecordOfAnUnknownSite() throws IOException {
        String site = UUID.randomUUID().toString();
        assertThat(refused(withRecord("site.rihla", "note", note -> note.put("site_id", site))))
                .contains("belongs to a site this Rihla does not know (" + site + ")");
    }

    @Test
    void aRecordWithAnUnknownTheme() throws IOException {
        assertThat(refused(withRecord("theme.rihla", "lesson", lesson -> lesson.withArray("themes").add("astrology"))))
                .contains("has a theme this Rihla does not know (astrology)");
    }

    @Test
    void oneIdForTwoKinds() throws IOException {
        Repack repack = Repack.of(good);
        ArrayNode notes = (ArrayNode) JSON.readTree(repack.files.get("records/note.json"));
        ArrayNode lessons = (ArrayNode) JSON.readTree(repack.files.get("records/lesson.json"));
        ((ObjectNode) lessons.get(0)).put("id", notes.get(0).get("id").asText());
        repack.files.put("records/lesson.json", JSON.writeValueAsBytes(lessons));
        assertThat(refused(repack.resealed().write(file("twice.rihla")))).contains("is used by two records of different kinds (Lesson learned, Note)");
    }

    @Test
    void anAttachmentThatDoesNotMatchItsChecksum() throws IOException {
        Repack repack = Repack.of(good);
        String attachment = repack.files.keySet().stream().filter(n -> n.startsWith("attachments/")).findFirst().orElseThrow();
        byte[] bytes = repack.files.get(attachment).clone();
        bytes[bytes.length / 2] ^= 0x5A;
        repack.files.put(attachment, bytes);
        assertThat(refused(repack.write(file("altered.rihla")))).contains(attachment + " does not match its checksum");
        // Even with the manifest resealed, the record's own checksum of the file catches it.
        assertThat(refused(repack.resealed().write(file("altered2.rihla")))).contains(attachment + " does not match");
    }

    @Test
    void textInAnotherEncoding() throws IOException {
        Repack repack = Repack.of(good);
        String notes = repack.text("records/note.json");
        repack.files.put("records/note.json", notes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(refused(repack.resealed().write(file("latin1.rihla")))).contains("records/note.json is not UTF-8 text");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"after the list", "garbage after the list", "a key twice",
        "UTF-16 without a byte order mark", "nested too deep"})
    void jsonThatOneReaderCouldReadOneWayAndAnotherOtherwiseIsRefused(String what) throws IOException {
        Repack repack = Repack.of(good);
        String notes = repack.text("records/note.json");
        String expected = "records/note.json is not valid";
        switch (what) {
            case "after the list" -> repack.put("records/note.json", notes + "[\"x\"]");
            case "garbage after the list" -> repack.put("records/note.json", notes + " garbage \u0001");
            case "a key twice" -> repack.put("records/note.json", notes.replaceFirst("\"body\"", "\"body\": \"hello\", \"body\""));
            case "UTF-16 without a byte order mark" -> {
                repack.files.put("records/note.json", notes.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
                expected = "records/note.json is not UTF-8 text";
            }
            default -> repack.put("records/note.json", "[" + "[".repeat(2000) + "]".repeat(2000) + "]");
        }
        String message = refused(repack.resealed().write(file("strict.rihla")));
        assertThat(message).contains(expected).doesNotContain("`").doesNotContain("StreamReadConstraints");
    }

    @Test
    void aByteOrderMarkAsWindowsEditorsWriteItIsPassedOver() throws IOException {
        Repack repack = Repack.of(good);
        repack.put("records/note.json", "\uFEFF" + repack.text("records/note.json"));
        repack.put("manifest.json", "\uFEFF" + repack.text("manifest.json"));
        try (ExchangePackage pkg = store.exchange().read(repack.resealed().write(file("bom.rihla")))) {
            assertThat(store.exchange().plan(pkg).byKindKey().get("kind.note").added()).isPositive();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "counts.fact = {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"4294967319", "23.9", "\"abc\"", "-1", "1000000000000000000000000000000"})
    void aManifestCountThatIsNotAWholeNumberOrLiesIsRefusedAsWritten(String count) throws IOException {
        Repack repack = Repack.of(good);
        ObjectNode manifest = (ObjectNode) JSON.readTree(repack.files.get("manifest.json"));
        manifest.with("counts").set("fact", JSON.readTree(count));
        repack.files.put("manifest.json", JSON.writeValueAsBytes(manifest));
        String message = refused(repack.resealed().write(file("counts.rihla")));
        if (count.equals("1000000000000000000000000000000") || count.equals("4294967319")) {
            assertThat(message).contains("holds " + new java.math.BigInteger(count).toString().replaceAll("\\B(?=(\\d{3})+$)", ",")
                    + " records of the kind");
        } else {
            assertThat(message).contains("manifest.json is not valid (counts.fact = " + count + ")");
        }
    }

    @Test
    void anAttachmentShorterThanItsRecordSaysIsRefusedSayingBoth() throws IOException {
        Repack repack = Repack.of(good);
        String attachment = repack.files.keySet().stream().filter(n -> n.startsWith("attachments/")).findFirst().orElseThrow();
        byte[] bytes = repack.files.get(attachment);
        repack.files.put(attachment, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThat(refused(repack.resealed().write(file("short.rihla"))))
                .contains(attachment + " holds " + String.format(java.util.Locale.ENGLISH, "%,d", bytes.length - 10)
                        + " bytes, but its record says " + String.format(java.util.Locale.ENGLISH, "%,d", bytes.length));
    }

    @Test
    void textsLongerThanTheirColumn() throws IOException {
        // Each field is held to the limit of the column it goes to (the field model), long or short.
        assertThat(refused(withRecord("huge.rihla", "note", note -> note.put("body", "x".repeat(1_000_001)))))
                .startsWith("huge.rihla: in the entry ").contains("(Note), the field \"Text\" holds 1,000,001 characters; "
                        + "the most is 1,000,000");
        assertThat(refused(withRecord("acronym.rihla", "administration", a -> a.put("acronym", "A".repeat(60)))))
                .contains("the field \"Acronym\" holds 60 characters; the most is 50");
        assertThat(refused(withRecord("author.rihla", "note", note -> note.put("updated_by", "n".repeat(500)))))
                .contains("the field \"Written by\" holds 500 characters; the most is 200");
    }

    @Test
    void aRecordMissingWhatItNeeds() throws IOException {
        assertThat(refused(withRecord("partial.rihla", "lesson", lesson -> lesson.remove("created_at"))))
                .contains("created_at is missing");
        assertThat(refused(withRecord("badtype.rihla", "idea", idea -> idea.put("status", "maybe"))))
                .contains("status = maybe");
    }
}
