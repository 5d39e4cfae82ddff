package ma.etamkeen.rihla.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import ma.etamkeen.rihla.i18n.Language;

/**
 * A visit report: one PDF booklet of a cover (the visit, its table of contents with page numbers), then each
 * site's one-page brief, then the action plan of every administration its ideas target, with a PDF bookmark per
 * site and per administration. The parts are made by {@link BriefPdf} and {@link ActionPlanPdf}, then put
 * together with PDFBox, which also writes the bookmarks (the document outline, ISO 32000-1 §12.3.3).
 */
public final class VisitReportPdf {

    /** A part of the booklet: its bookmark title, and its pages as a PDF of their own. */
    public record Part(String title, byte[] pdf) {
    }

    /**
     * What the report says before its parts: title and lines about the visit, the headings of the table of
     * contents ({@code sites}, {@code plans}), and {@code tocLine}: a {@link java.text.MessageFormat} pattern,
     * {0} a part's title, {1} its first page.
     */
    public record Front(Language language, String documentTitle, String title, List<String> lines, String contents,
                        String sitesHeading, String plansHeading, String tocLine) {
    }

    private VisitReportPdf() {
    }

    /** The booklet of {@code sites} (briefs) and {@code plans} (action plans), in that order, after the front. */
    public static byte[] render(Front front, List<Part> sites, List<Part> plans) {
        try {
            List<Integer> sizes = new ArrayList<>();
            for (Part part : sites) {
                sizes.add(pages(part.pdf()));
            }
            for (Part part : plans) {
                sizes.add(pages(part.pdf()));
            }
            int frontPages = pages(front(front, sites, plans, new int[sizes.size()]));
            int[] first = new int[sizes.size()];
            int page = frontPages + 1;
            for (int i = 0; i < sizes.size(); i++) {
                first[i] = page;
                page += sizes.get(i);
            }
            byte[] frontPdf = front(front, sites, plans, first);
            try (PDDocument booklet = Loader.loadPDF(frontPdf)) {
                PDDocumentOutline outline = new PDDocumentOutline();
                booklet.getDocumentCatalog().setDocumentOutline(outline);
                List<PDDocument> open = new ArrayList<>();
                try {
                    List<Part> all = new ArrayList<>(sites);
                    all.addAll(plans);
                    for (Part part : all) {
                        PDDocument document = Loader.loadPDF(part.pdf());
                        open.add(document);
                        PDPage start = null;
                        for (PDPage each : document.getPages()) {
                            PDPage imported = booklet.importPage(each);
                            start = start == null ? imported : start;
                        }
                        PDOutlineItem bookmark = new PDOutlineItem();
                        bookmark.setTitle(part.title());
                        bookmark.setDestination(start);
                        outline.addLast(bookmark);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    booklet.save(out);
                    return out.toByteArray();
                } finally {
                    for (PDDocument document : open) {
                        document.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            return reader.getNumberOfPages();
        }
    }

    /** The cover and the table of contents, each part at page {@code first[i]}. */
    private static byte[] front(Front front, List<Part> sites, List<Part> plans, int[] first) throws IOException {
        synchronized (BriefPdf.WRITING) {
            BriefPdf.Style style = new BriefPdf.Style(BriefPdf.fonts(), front.language().isRightToLeft()
                    ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, BriefPdf.MARGIN, BriefPdf.MARGIN, BriefPdf.MARGIN,
                    BriefPdf.MARGIN);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(front.language().locale().toLanguageTag()));
            document.addTitle(front.documentTitle());
            document.addCreator("Rihla");
            document.open();
            PdfPTable cover = style.table();
            cover.addCell(style.cell(style.text(front.title(), 22, true, BriefPdf.ACCENT), 40, 10));
            for (String line : front.lines()) {
                cover.addCell(style.cell(style.text(line, 11, false, BriefPdf.TEXT), 0, 4));
            }
            cover.addCell(style.heading(front.contents()));
            int index = 0;
            cover.addCell(style.heading(front.sitesHeading()));
            for (Part part : sites) {
                cover.addCell(style.note(line(front, part, first[index++])));
            }
            if (!plans.isEmpty()) {
                cover.addCell(style.heading(front.plansHeading()));
                for (Part part : plans) {
                    cover.addCell(style.note(line(front, part, first[index++])));
                }
            }
            document.add(cover);
            document.close();
            return out.toByteArray();
        }
    }

    private static String line(Front front, Part part, int page) {
        return new java.text.MessageFormat(front.tocLine(), front.language().locale()).format(new Object[] {part.title(), page});
    }
}
