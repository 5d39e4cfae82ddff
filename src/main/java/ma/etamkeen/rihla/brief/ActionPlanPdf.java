package ma.etamkeen.rihla.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntFunction;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes an {@link ActionPlan} as an A4 PDF of as many pages as it takes, with the brief's fonts and shaping
 * ({@link BriefPdf.Style}): a cover page, then the ideas grouped by status, and on every page a footer that ends
 * with "page x/y". The number of pages is known by laying the plan out once, then again with it.
 */
public final class ActionPlanPdf {
    /** Room kept at the foot of every page for its footer, in points. */
    private static final float FOOTER = 28;

    private ActionPlanPdf() {
    }

    /** The plan as PDF bytes. */
    public static byte[] render(ActionPlan plan) {
        synchronized (BriefPdf.WRITING) {
            try {
                BriefPdf.Style style = new BriefPdf.Style(BriefPdf.fonts(), plan.language().isRightToLeft()
                        ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
                byte[] first = write(plan, style, 0);  // the footers change nothing of the layout
                int pages;
                try (PdfReader reader = new PdfReader(first)) {
                    pages = reader.getNumberOfPages();
                }
                return write(plan, style, pages);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }


    /** Lays the plan out, its footers saying "of {@code total}" pages (0 when not known yet). */
    private static byte[] write(ActionPlan plan, BriefPdf.Style style, int total) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, BriefPdf.MARGIN, BriefPdf.MARGIN, BriefPdf.MARGIN,
                BriefPdf.MARGIN + FOOTER);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(plan.language().locale().toLanguageTag()));
        IntFunction<String> pageOf = page -> new java.text.MessageFormat(plan.pageOf(), plan.language().locale())
                .format(new Object[] {page, total});
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pdf, Document page) {
                PdfPTable footer = style.table();
                footer.addCell(style.cell(style.text(plan.footer() + "  ·  " + pageOf.apply(pdf.getPageNumber()), 8,
                        false, BriefPdf.MUTED), 4, 0));
                footer.writeSelectedRows(0, -1, BriefPdf.MARGIN, BriefPdf.MARGIN + footer.getTotalHeight(),
                        pdf.getDirectContent());
            }
        });
        document.addTitle(plan.documentTitle());
        document.addSubject(plan.administration());
        document.addCreator("Rihla");
        document.addAuthor("Rihla");
        document.open();

        PdfPTable cover = style.table();
        cover.addCell(style.cell(style.text(plan.title(), 22, true, BriefPdf.ACCENT), 160, 10));
        cover.addCell(style.cell(style.text(plan.administration(), 15, true, BriefPdf.TEXT), 0, 14));
        for (String visit : plan.visits()) {
            cover.addCell(style.cell(style.text(visit, 11, false, BriefPdf.TEXT), 0, 4));
        }
        cover.addCell(style.cell(style.text(plan.printed(), 10, false, BriefPdf.MUTED), 14, 0));
        document.add(cover);
        document.newPage();

        PdfPTable body = style.table();
        body.setSplitLate(false);  // a long idea may go on over the page rather than leave a gap
        if (plan.groups().isEmpty()) {
            body.addCell(style.note(plan.empty()));
        }
        for (ActionPlan.Group group : plan.groups()) {
            body.addCell(style.heading(group.heading()));
            for (Brief.Item item : group.items()) {
                style.item(item, true).forEach(body::addCell);
            }
        }
        document.add(body);
        document.close();
        return out.toByteArray();
    }
}
