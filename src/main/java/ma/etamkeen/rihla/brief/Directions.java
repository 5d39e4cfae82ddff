package ma.etamkeen.rihla.brief;

import com.lowagie.text.pdf.PdfWriter;

/** The direction of a piece of text on the page. */
final class Directions {
    private Directions() {
    }

    /**
     * Right to left when most of its letters are Arabic, left to right when most are Latin (so "APICA : توأم
     * رقمي للميناء" reads right to left although it starts with a Latin word); {@code otherwise} without letters.
     */
    static int of(String text, int otherwise) {
        int rightToLeft = 0;
        int leftToRight = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> rightToLeft++;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> leftToRight++;
                default -> { }
            }
            i += Character.charCount(codePoint);
        }
        if (rightToLeft == leftToRight) {
            return otherwise;
        }
        return rightToLeft > leftToRight ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }
}
