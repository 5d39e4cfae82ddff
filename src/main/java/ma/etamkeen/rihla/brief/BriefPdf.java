package ma.etamkeen.rihla.brief;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import ma.etamkeen.rihla.brief.Brief.Item;
import ma.etamkeen.rihla.brief.Brief.Kind;
import ma.etamkeen.rihla.brief.Brief.Section;
import ma.etamkeen.rihla.text.Direction;

/**
 * Writes a brief as a one-page A4 PDF: real text, fonts embedded (Noto Sans for Latin, Noto Naskh Arabic
 * for Arabic, Noto's symbols, math and monochrome emoji fonts for the rest, chosen character by character
 * ({@link PrintedText})), Arabic shaped, each paragraph of what delegates wrote in its own direction
 * ({@link Direction}). The page is laid out from measured
 * heights so that it always fits: items that do not fit give way to a "+N more" line, never to a second
 * page or a cut line. The preview and the printout are pictures of this very page ({@link BriefPages}).
 */
public final class BriefPdf {
    static final float MARGIN = 40;
    static final float WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;
    private static final float GAP = 10;
    /** How far the lines of an item stand in from its bullet. */
    private static final float BULLET = 9;
    static final Color ACCENT = new Color(0x0F6B5C);
    static final Color TEXT = new Color(0x1F2328);
    static final Color MUTED = new Color(0x59636E);
    private static final Color CHIP = new Color(0xE3F1EE);
    private static final Color CHIP_TEXT = new Color(0x0B4F44);
    /** OpenPDF's fonts are shared by every document; one brief (or action plan) is written at a time. */
    static final Object WRITING = new Object();
    private static volatile Fonts fonts;

    /** How many items of a section the page shows, of how many. */
    public record Shown(Kind kind, int shown, int total) {
    }

    /** The PDF file's bytes and what fitted. */
    public record Rendered(byte[] pdf, List<Shown> shown) {
    }

    private BriefPdf() {
    }

    public static Rendered render(Brief brief) {
        synchronized (WRITING) {
            try {
                return write(brief, fonts());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Rendered write(Brief brief, Fonts fonts) throws IOException {
        int direction = brief.language().isRightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
        Style style = new Style(fonts, direction);
        PdfPTable header = style.table();
        header.addCell(style.cell(style.text(brief.title(), 17, true, ACCENT), 0, 2));
        if (!brief.names().isBlank()) {
            header.addCell(style.cell(style.text(brief.names(), 11, false, TEXT), 0, 2));
        }
        header.addCell(style.cell(style.text(brief.facts(), 9.5f, false, MUTED), 0, 1));
        header.addCell(style.cell(style.text(brief.dates(), 9.5f, false, MUTED), 0, 4));
        if (!brief.themes().isEmpty()) {
            header.addCell(style.cell(style.chips(brief.themes()), 2, 4));
        }
        PdfPTable footer = style.table();
        footer.addCell(style.cell(style.text(brief.footer() + "\n" + brief.printed(), 7.5f, false, MUTED), 4, 0));

        // Every piece of the body, measured, then as much of it as fits.
        List<Section> sections = brief.sections();
        PdfPTable all = style.table();
        List<BriefFit.Heights> heights = new ArrayList<>();
        for (Section section : sections) {
            float heading = style.measure(all, style.heading(section.heading()));
            double[] items = new double[section.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = style.measure(all, style.item(section.items().get(i), bulleted(section)));
            }
            float more = section.items().isEmpty() ? 0 : style.measure(all, style.note(section.more().apply(items.length)));
            float empty = section.empty() == null ? 0 : style.measure(all, style.note(section.empty()));
            heights.add(new BriefFit.Heights(section.kind(), heading, items, more, empty));
        }
        float top = PageSize.A4.getHeight() - MARGIN;
        float bodyTop = top - header.getTotalHeight() - GAP;
        float bodyBottom = MARGIN + footer.getTotalHeight() + GAP;
        int[] shown = BriefFit.fit(heights, bodyTop - bodyBottom);

        PdfPTable body = style.table();
        List<Shown> fitted = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            fitted.add(new Shown(section.kind(), shown[s], section.items().size()));
            if (!BriefFit.isShown(heights.get(s), shown[s])) {
                continue;
            }
            body.addCell(style.heading(section.heading()));
            for (int i = 0; i < shown[s]; i++) {
                style.item(section.items().get(i), bulleted(section)).forEach(body::addCell);
            }
            if (section.items().isEmpty()) {
                body.addCell(style.note(section.empty()));
            } else if (shown[s] < section.items().size()) {
                body.addCell(style.note(section.more().apply(section.items().size() - shown[s])));
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(brief.language().locale().toLanguageTag()));
        document.addTitle(brief.documentTitle());
        document.addSubject(brief.footer());
        document.addCreator("Rihla");
        document.addAuthor("Rihla");
        document.open();
        var canvas = writer.getDirectContent();
        header.writeSelectedRows(0, -1, MARGIN, top, canvas);
        body.writeSelectedRows(0, -1, MARGIN, bodyTop, canvas);
        footer.writeSelectedRows(0, -1, MARGIN, MARGIN + footer.getTotalHeight(), canvas);
        document.close();
        return new Rendered(out.toByteArray(), fitted);
    }

    /** A summary is a paragraph; every other section is a list. */
    private static boolean bulleted(Section section) {
        return section.kind() != Kind.SUMMARY;
    }

    /** Fonts, sizes and colours of the page, and the cells made with them (the action plan's pages too). */
    record Style(Fonts fonts, int direction) {

        PdfPTable table() {
            PdfPTable table = new PdfPTable(1);
            table.setTotalWidth(WIDTH);
            table.setLockedWidth(true);
            table.setRunDirection(direction);
            return table;
        }

        /** A borderless cell; its direction is the brief's, or the one of its own text for what users wrote. */
        PdfPCell cell(Phrase phrase, float above, float below) {
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(PdfPCell.NO_BORDER);
            cell.setRunDirection(direction);
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);  // the start of the line, in either direction
            cell.setLeading(0, 1.35f);
            cell.setPaddingTop(above);
            cell.setPaddingBottom(below);
            cell.setPaddingLeft(0);
            cell.setPaddingRight(0);
            return cell;
        }

        PdfPCell heading(String text) {
            return cell(text(text, 11.5f, true, ACCENT), 9, 3);
        }

        PdfPCell note(String text) {
            return cell(text(text, 9, false, MUTED), 0, 3);
        }

        /**
         * An item: its title, its line about it and each line of its text in a row of its own, each in the
         * direction of its own words (a French note in an Arabic brief reads left to right) unless the text is
         * in the brief's language ({@link Item#inBriefLanguage}); the first row has the bullet, the others are
         * indented under it.
         */
        List<PdfPCell> item(Item item, boolean bulleted) {
            List<Part> parts = new ArrayList<>();
            if (!item.title().isBlank()) {
                parts.add(new Part(item.title(), text(item.title(), 9.5f, true, TEXT), directionOf(item.title())));
            }
            if (!item.meta().isBlank()) {  // in the brief's language
                parts.add(new Part(item.meta(), text(item.meta(), 8.5f, false, MUTED), direction));
            }
            for (String line : item.text().split("\n")) {
                if (!line.isBlank()) {
                    parts.add(new Part(line, text(line, 9.5f, false, TEXT),
                            item.inBriefLanguage() ? direction : directionOf(line)));
                }
            }
            if (!item.source().isBlank()) {  // a web address reads in the direction of what it is the source of
                int of = parts.isEmpty() ? direction : parts.get(0).direction();
                parts.add(new Part(item.source(), text(item.source(), 8, false, MUTED), of));
            }
            List<PdfPCell> rows = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                if (bulleted && i == 0) {
                    part.phrase().add(0, new Chunk("•  ", font(fonts.sans, 9.5f, ACCENT)));
                }
                PdfPCell row = cell(part.phrase(), i == 0 ? 2 : 0, i == parts.size() - 1 ? 4 : 0);
                row.setRunDirection(part.direction());
                if (bulleted && i > 0) {
                    if (part.direction() == PdfWriter.RUN_DIRECTION_RTL) {
                        row.setPaddingRight(BULLET);
                    } else {
                        row.setPaddingLeft(BULLET);
                    }
                }
                rows.add(row);
            }
            return rows;
        }

        /** A line of an item, set in its direction. */
        private record Part(String text, Phrase phrase, int direction) {
        }

        /** The run direction of a paragraph of user text: its own, else the brief's. */
        int directionOf(String paragraph) {
            return switch (Direction.of(paragraph)) {
                case LEFT_TO_RIGHT -> PdfWriter.RUN_DIRECTION_LTR;
                case RIGHT_TO_LEFT -> PdfWriter.RUN_DIRECTION_RTL;
                case NEUTRAL -> direction;
            };
        }

        /**
         * Text set run by run in the first bundled font that has its characters ({@link PrintedText}), web
         * addresses, e-mail addresses and numbers kept left to right inside right-to-left text.
         */
        Phrase text(String text, float size, boolean bold, Color color) {
            Phrase phrase = new Phrase();
            for (PrintedText.Run run : PrintedText.runs(Direction.withLeftToRightRuns(text), fonts.chain(bold))) {
                phrase.add(new Chunk(run.text(), font(run.font(), size, color)));
            }
            return phrase;
        }

        /**
         * Theme labels on tinted backgrounds, each kept on one line. A label set in several fonts (Arabic words,
         * guillemets from another font) is several chunks, and OpenPDF draws each chunk's background from its own
         * font's ascent to its descent: each is stretched to the tallest and deepest of all, so every chip is one
         * even rectangle (points).
         */
        Phrase chips(List<String> labels) {
            List<List<Chunk>> chips = new ArrayList<>();
            float top = 0;
            float bottom = 0;
            for (String label : labels) {
                List<Chunk> chunks = new ArrayList<>();
                for (Element element : text(label.replace(' ', '\u00A0'), 8.5f, false, CHIP_TEXT)) {
                    Chunk chunk = (Chunk) element;
                    top = Math.max(top, ascent(chunk));
                    bottom = Math.min(bottom, descent(chunk));
                    chunks.add(chunk);
                }
                chips.add(chunks);
            }
            Phrase phrase = new Phrase();
            for (int i = 0; i < chips.size(); i++) {
                if (i > 0) {
                    phrase.add(new Chunk("    ", font(fonts.sans, 8.5f, TEXT)));
                }
                for (Chunk chunk : chips.get(i)) {
                    chunk.setBackground(CHIP, 3, 2 + descent(chunk) - bottom, 3, 3 + top - ascent(chunk));
                    phrase.add(chunk);
                }
            }
            return phrase;
        }

        /** How far the chunk's font rises above the baseline, in points (its font's ascent at its size). */
        private static float ascent(Chunk chunk) {
            return chunk.getFont().getBaseFont().getFontDescriptor(BaseFont.ASCENT, chunk.getFont().getSize());
        }

        /** How far it goes below the baseline, in points: negative (its font's descent at its size). */
        private static float descent(Chunk chunk) {
            return chunk.getFont().getBaseFont().getFontDescriptor(BaseFont.DESCENT, chunk.getFont().getSize());
        }

        /** The height of {@code cells} laid out at the page's width, one under the other. */
        float measure(PdfPTable scratch, List<PdfPCell> cells) {
            float height = 0;
            for (PdfPCell cell : cells) {
                scratch.addCell(cell);
                height += scratch.getRowHeight(scratch.size() - 1);
            }
            return height;
        }

        float measure(PdfPTable scratch, PdfPCell cell) {
            return measure(scratch, List.of(cell));
        }

        private static Font font(BaseFont base, float size, Color color) {
            return new Font(base, size, Font.NORMAL, color);
        }
    }

    /** The font files, loaded once. */
    record Fonts(BaseFont sans, BaseFont sansBold, BaseFont naskh, BaseFont naskhBold, List<BaseFont> symbols) {
        static Fonts load() throws IOException {
            return new Fonts(font("NotoSans-Regular.ttf"), font("NotoSans-Bold.ttf"), font("NotoNaskhArabic-Regular.ttf"),
                    font("NotoNaskhArabic-Bold.ttf"), List.of(font("NotoSansSymbols-Regular.ttf"),
                    font("NotoSansSymbols2-Regular.ttf"), font("NotoSansMath-Regular.ttf"), font("NotoEmoji-Regular.ttf")));
        }

        /** The fonts to try, in order: Latin, Arabic, then symbols, arrows, math and emoji (regular only). */
        List<BaseFont> chain(boolean bold) {
            List<BaseFont> chain = new ArrayList<>(List.of(bold ? sansBold : sans, bold ? naskhBold : naskh));
            chain.addAll(symbols);
            return chain;
        }

        private static BaseFont font(String file) throws IOException {
            try (InputStream in = Objects.requireNonNull(BriefPdf.class.getResourceAsStream("/ma/etamkeen/rihla/fonts/" + file),
                    file)) {
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
            }
        }
    }

    static Fonts fonts() throws IOException {
        Fonts loaded = fonts;
        if (loaded == null) {
            loaded = Fonts.load();
            fonts = loaded;
        }
        return loaded;
    }
}
