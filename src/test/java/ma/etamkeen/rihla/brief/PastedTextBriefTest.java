package ma.etamkeen.rihla.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.Workspace;

/**
 * The brief of a site holding text as delegates paste it, in the Arabic and the French brief, read back from
 * the real PDF by glyph position: each paragraph laid out in the direction of its first strong letter, dates,
 * phone numbers, web and e-mail addresses readable inside Arabic, no soft hyphen printed, every symbol and
 * emoji drawn with a bundled font or shown as U+FFFD, and no font from outside Rihla's bundle.
 */
class PastedTextBriefTest {
    private static final Set<String> BUNDLED = Set.of("NotoSans-Regular", "NotoSans-Bold", "NotoNaskhArabic-Regular",
            "NotoNaskhArabic-Bold", "NotoSansSymbols-Regular", "NotoSansSymbols2-Regular", "NotoSansMath-Regular",
            "NotoEmoji-Regular");
    @TempDir
    static Path folder;
    private static Workspace workspace;
    private static Site site;

    @BeforeAll
    static void aSiteWithPastedNotes() {
        workspace = Workspace.open(folder);
        site = workspace.briefs().site("nid-namur");
        List<String> notes = List.of(
                "اجتماع مع FPS BOSA و Smals حول eID",
                "2031: الموعد 2031-08-19 على الساعة 10:30 والهاتف +32 2 123 45 67",
                "\u2066Smals\u2069 راجع https://bosa.belgium.be/fr/ أو اكتب إلى info@bosa.fgov.be للمزيد",
                "La transfor\u00ADmation numé\u00ADrique de l'adminis\u00ADtration",
                "Très bonne visite 👍 ✓ ★★★ 🇲🇦 → ≤ \uE000 end",
                "مدرسۀ کدنویسی و کتابخانہ",
                "رموز ب👍ت و 👍🏽 و 👩🏽‍💻 نهاية",
                "الفترة 1,500.75 يورو من 10-12 شتنبر",
                "ذَٰلِكَ ٱلْكِتَٰبُ ۝١ ؀١٢",
                "premier\u0085second\u2028troisième");
        for (String body : notes) {
            workspace.notes().save(new Note(UUID.randomUUID(), site.id(), null, LocalDate.of(2022, 9, 28), body, null));
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"AR", "FR"})
    void pastedTextIsPrintedWholeInItsDirectionWithBundledFontsOnly(Language language) throws IOException {
        byte[] bytes = workspace.briefs().render(site.id(), BriefOptions.all(language)).pdf();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDPage page = pdf.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.getName().replaceFirst("^[A-Z]{6}\\+", "")).as(language + ": embedded fonts")
                        .isIn(BUNDLED);
                assertThat(font.isEmbedded()).isTrue();
            }
            List<Line> lines = lines(pdf);
            float right = page.getMediaBox().getWidth() - BriefPdf.MARGIN;

            Line meeting = line(lines, "Smals", "FPS");
            assertThat(meeting.visual().indexOf("eID")).as("right to left: the last word leftmost " + meeting)
                    .isLessThan(meeting.visual().indexOf("Smals"));
            assertThat(meeting.visual().indexOf("Smals")).isLessThan(meeting.visual().indexOf("FPS BOSA"));
            assertThat(meeting.right()).as("aligned right").isGreaterThan(right - 20);

            Line dates = line(lines, "10:30");
            assertThat(dates.visual()).contains("2031-08-19", "+32 2 123 45 67", "10:30");
            assertThat(dates.right()).as("begins with digits, then Arabic: right to left").isGreaterThan(right - 20);

            Line addresses = line(lines, "bosa.belgium");
            assertThat(addresses.visual()).contains("https://bosa.belgium.be/fr/", "info@bosa.fgov.be");
            assertThat(addresses.visual().indexOf("Smals")).as("an isolated Latin word does not decide (P2) " + addresses)
                    .isGreaterThan(addresses.visual().indexOf("bosa.belgium"));

            String all = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC);
            assertThat(all).contains("La transformation numérique de l'administration").doesNotContain("\u00AD")
                    .doesNotContain("transfor-");
            assertThat(all).contains("👍", "✓", "★★★", "→", "≤", "\uFFFD end").doesNotContain("\uE000");

            Line emoji = line(lines, "\uD83D\uDC4D\uD83C\uDFFD");
            assertThat(emoji.visual()).as("emoji inside Arabic, whole").contains("👍", "👩🏽‍💻".substring(0, 2));
            assertThat(line(lines, "1,500.75").visual()).contains("10-12");
            assertThat(all).contains("۝", "؀").contains("premier").doesNotContain("premiersecond")
                    .doesNotContain("secondtroisième");
        }
    }

    /**
     * A site's fact in the brief's language reads in the brief's direction even where it begins with a Latin
     * name: "APICA: توأم رقمي…" is set right to left in the Arabic brief, as the window shows it.
     */
    @Test
    void aFactInArabicThatBeginsWithALatinNameReadsRightToLeft() throws IOException {
        Site port = workspace.briefs().site("port-of-antwerp-bruges");
        byte[] bytes = workspace.briefs().render(port.id(), BriefOptions.all(Language.AR)).pdf();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            float right = pdf.getPage(0).getMediaBox().getWidth() - BriefPdf.MARGIN;
            Line apica = line(lines(pdf), "APICA");
            assertThat(apica.right()).as("aligned right: " + apica).isGreaterThan(right - 20);
            assertThat(apica.visual().indexOf("APICA")).as("the name at the right end, where the sentence begins")
                    .isGreaterThan(apica.visual().length() / 2);
        }
    }

    /** A line of the page: its glyphs from left to right. */
    private record Line(String visual, float right) {
    }

    private static Line line(List<Line> lines, String... holding) {
        return lines.stream().filter(line -> List.of(holding).stream().allMatch(line.visual()::contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + List.of(holding) + " in " + lines));
    }

    /** The glyphs of the page grouped by baseline and ordered left to right, as they are seen. */
    private static List<Line> lines(PDDocument pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.getText(pdf);
        Map<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
        for (TextPosition glyph : glyphs) {
            byBaseline.computeIfAbsent(Math.round(glyph.getYDirAdj()), y -> new ArrayList<>()).add(glyph);
        }
        List<Line> lines = new ArrayList<>();
        for (List<TextPosition> line : byBaseline.values()) {
            line.sort(Comparator.comparing(TextPosition::getXDirAdj));
            StringBuilder visual = new StringBuilder();
            float end = 0;
            for (TextPosition glyph : line) {
                if (visual.length() > 0 && glyph.getXDirAdj() - end > glyph.getWidthOfSpace() * 0.5f) {
                    visual.append(' ');
                }
                visual.append(glyph.getUnicode());
                end = glyph.getXDirAdj() + glyph.getWidthDirAdj();
            }
            lines.add(new Line(visual.toString().replaceAll(" +", " "), end));
        }
        return lines;
    }
}
