package ma.etamkeen.rihla.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.SampleText;

/** Real PDFs of the briefs, read back with PDFBox: one A4 page, the right words, fonts embedded. */
class BriefPdfTest {
    @TempDir
    static Path folder;
    private static Workspace workspace;

    @BeforeAll
    static void open() {
        workspace = Workspace.open(folder);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    /** What a reader copying text out of the PDF gets, with Arabic presentation forms and spaces evened out. */
    private static String text(PDDocument pdf) throws IOException {
        return words(new PDFTextStripper().getText(pdf));
    }

    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String[] eachWord(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[()«»\"]", " ").trim().split("\\s+");
    }

    @Test
    void everySiteInEveryLanguageIsOneA4PageWithItsNamesAndThemes() throws IOException {
        for (Site site : workspace.catalog().sites()) {
            for (Language language : Language.values()) {
                byte[] bytes = workspace.briefs().render(site.id(), BriefOptions.all(language)).pdf();
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    String what = site.slug() + " in " + language;
                    assertThat(pdf.getNumberOfPages()).as(what).isEqualTo(1);
                    PDRectangle page = pdf.getPage(0).getMediaBox();
                    assertThat(page.getWidth()).as(what).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
                    assertThat(page.getHeight()).as(what).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
                    String text = text(pdf).toLowerCase(java.util.Locale.ROOT);
                    // Word by word: a line mixing Arabic and Latin comes out of a PDF in visual runs; a name
                    // differing from the title only in case (Easy.brussels) is not repeated.
                    assertThat(text).as(what).contains(eachWord(site.name().in(language)))
                            .contains(eachWord(site.name().ar())).contains(eachWord(site.name().fr()));
                    for (Theme theme : site.themes()) {
                        assertThat(text).as(what).contains(eachWord(theme.label().in(language)));
                    }
                    assertThat(text).as(what).contains("1/1");
                }
            }
        }
    }

    @Test
    void fontsAreEmbeddedAndTheTitleAndLanguageAreInTheMetadata() throws IOException {
        Site port = workspace.briefs().site("port-of-antwerp-bruges");
        byte[] bytes = workspace.briefs().render(port.id(), BriefOptions.all(Language.AR)).pdf();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDPage page = pdf.getPage(0);
            List<String> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            assertThat(fonts).anyMatch(name -> name.contains("NotoNaskhArabic")).anyMatch(name -> name.contains("NotoSans"));
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("بطاقة موجزة — ميناء أنتويرب");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ar-MA");
            // Arabic comes out as Arabic letters in reading order, Latin acronyms and numbers whole.
            String text = text(pdf);
            assertThat(text).contains(words("سلطة الميناء الموحّد")).contains("2022").contains("APICA");
        }
    }

    @Test
    void aSiteWithFortyLongLessonsStillGivesOnePageAndSaysHowManyMore() throws IOException {
        Site bosa = workspace.briefs().site("fps-bosa");
        java.util.Random random = new java.util.Random(40);
        for (int i = 1; i <= 40; i++) {
            workspace.lessons().save(new Lesson(UUID.randomUUID(), bosa.id(), null, "Lesson " + i + " "
                    + SampleText.mixed(random, 25), SampleText.mixed(random, 400), SampleText.mixed(random, 300),
                    Set.of("digital-services"), null));
        }
        workspace.notes().save(new Note(UUID.randomUUID(), bosa.id(), null, LocalDate.of(2022, 9, 29),
                SampleText.mixed(random, 2000), null));
        for (Language language : Language.values()) {
            BriefPdf.Rendered rendered = workspace.briefs().render(bosa.id(), BriefOptions.all(language));
            BriefPdf.Shown lessons = rendered.shown().stream().filter(s -> s.kind() == Brief.Kind.LESSONS)
                    .findFirst().orElseThrow();
            assertThat(lessons.total()).isEqualTo(40);
            assertThat(lessons.shown()).isBetween(1, 39);
            try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                String text = text(pdf);
                String more = switch (language) {
                    case EN -> "+" + (40 - lessons.shown()) + "morelessonslearned";
                    case FR -> "+" + (40 - lessons.shown()) + "autresenseignements";
                    case AR -> words("+ " + (40 - lessons.shown()) + " درسا مستخلصا آخر");
                };
                assertThat(text).as(language.toString()).contains(more).contains(words("…"));
            }
        }
    }

    @Test
    void notesStayOutWhenTheOptionsSaySo() throws IOException {
        Site easy = workspace.briefs().site("easy-brussels");
        workspace.notes().save(new Note(UUID.randomUUID(), easy.id(), null, LocalDate.of(2022, 9, 27),
                "Une note privée sur le guichet", null));
        BriefOptions all = BriefOptions.all(Language.FR);
        BriefOptions withoutNotes = new BriefOptions(Language.FR, true, true, true, true, false);
        try (PDDocument with = Loader.loadPDF(workspace.briefs().render(easy.id(), all).pdf());
             PDDocument without = Loader.loadPDF(workspace.briefs().render(easy.id(), withoutNotes).pdf())) {
            assertThat(text(with)).contains("Unenoteprivéesurleguichet");
            assertThat(text(without)).doesNotContain("Unenoteprivée").doesNotContain("Extraitsdesnotes");
        }
    }

    @Test
    void seedSitesAreKnownBySlugAndATypoGetsTheCloseOnes() {
        assertThat(workspace.briefs().site("asa").slug()).isEqualTo("asa");
        assertThat(Seeder.siteId("asa")).isEqualTo(workspace.briefs().site("asa").id());
    }
}
