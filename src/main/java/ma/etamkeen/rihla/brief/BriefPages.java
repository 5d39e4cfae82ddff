package ma.etamkeen.rihla.brief;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pictures of a brief's page, for the preview and the printer: the PDF itself, drawn. */
public final class BriefPages {
    private BriefPages() {
    }

    /** The page at {@code dpi} dots per inch (72 gives one pixel per point). */
    public static BufferedImage draw(byte[] pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
