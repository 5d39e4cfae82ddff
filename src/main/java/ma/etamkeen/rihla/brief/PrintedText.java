package ma.etamkeen.rihla.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.BaseFont;

/**
 * Text as the brief prints it: in runs of one bundled font each. Every grapheme cluster (UAX #29, found with
 * {@code \X}) goes to the first font of the chain that has all its characters; a cluster that none has is
 * printed as {@value #PLACEHOLDER_NAME}, so that no character vanishes silently and no font from outside
 * Rihla's bundle is ever used. Invisible format characters (Unicode category Cf) are dropped — a soft hyphen
 * is never printed, the page is not hyphenated — except those the PDF library's bidi algorithm and Arabic
 * shaping read (LRM, RLM, LRE, RLE, LRO, RLO, PDF, ZWJ and ZWNJ) and those that are drawn (۝, ؀).
 * Variation selectors a font lacks are dropped with it.
 */
final class PrintedText {
    /** U+FFFD REPLACEMENT CHARACTER, the Unicode Standard's sign for a character that cannot be shown. */
    static final String PLACEHOLDER = "\uFFFD";
    static final String PLACEHOLDER_NAME = "U+FFFD �";
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /** Text to write in one font. */
    record Run(String text, BaseFont font) {
    }

    private PrintedText() {
    }

    /**
     * {@code text} cut into runs, each in the first of {@code fonts} that has its characters (the first font
     * for placeholders and for what has no glyph to draw).
     */
    static List<Run> runs(String text, List<BaseFont> fonts) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        BaseFont runFont = null;
        Matcher cluster = CLUSTER.matcher(withAstralLeftToRight(text));
        while (cluster.find()) {
            String printed = printable(cluster.group());
            if (printed.isEmpty()) {
                continue;
            }
            BaseFont font = fontFor(printed, fonts);
            if (font == null) {
                printed = PLACEHOLDER;
                font = fonts.get(0);
            } else {
                printed = withoutMissingSelectors(printed, font);
            }
            if (font != runFont && run.length() > 0) {
                runs.add(new Run(run.toString(), runFont));
                run.setLength(0);
            }
            runFont = font;
            run.append(printed);
        }
        if (run.length() > 0) {
            runs.add(new Run(run.toString(), runFont));
        }
        return runs;
    }

    /**
     * {@code text} with each cluster holding a character outside the BMP (emoji, mostly) embedded left to
     * right (LRE … PDF): the PDF library's bidi algorithm reverses a right-to-left run UTF-16 unit by unit,
     * which would turn a surrogate pair around and lose the character; embedded, it is reversed twice.
     */
    private static String withAstralLeftToRight(String text) {
        if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
            return text;
        }
        return CLUSTER.matcher(text).replaceAll(found -> found.group().codePoints().allMatch(Character::isBmpCodePoint)
                ? Matcher.quoteReplacement(found.group()) : Matcher.quoteReplacement("\u202A" + found.group() + "\u202C"));
    }

    /** The cluster without the format characters the PDF library does not read. */
    private static String printable(String cluster) {
        StringBuilder kept = new StringBuilder(cluster.length());
        cluster.codePoints().filter(c -> Character.getType(c) != Character.FORMAT || isReadByLibrary(c) || isDrawn(c))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Bidi marks and embeddings (UAX #9 before isolates) and the joiners that Arabic shaping reads. */
    private static boolean isReadByLibrary(int c) {
        return c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c == '\u200C' || c == '\u200D';
    }

    /**
     * The format characters that are drawn: the prepended concatenation marks (the Arabic number sign ؀, the
     * end of ayah ۝…; Prepended_Concatenation_Mark in Unicode's PropList.txt).
     */
    private static boolean isDrawn(int c) {
        return c >= '\u0600' && c <= '\u0605' || c == '\u06DD' || c == '\u070F' || c == '\u0890' || c == '\u0891'
                || c == '\u08E2' || c == 0x110BD || c == 0x110CD;
    }

    /** The first font that can draw every visible character of {@code cluster}, or null. */
    private static BaseFont fontFor(String cluster, List<BaseFont> fonts) {
        if (cluster.codePoints().allMatch(PrintedText::isInvisible)) {
            return fonts.get(0);
        }
        for (BaseFont font : fonts) {
            if (cluster.codePoints().allMatch(c -> isInvisible(c) || isSelector(c) || font.charExists(c))) {
                return font;
            }
        }
        return null;
    }

    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT && !isDrawn(c);
    }

    /** Variation selectors (VS1–16, VS17–256): they choose a glyph's style and draw nothing themselves. */
    private static boolean isSelector(int c) {
        return c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF;
    }

    private static String withoutMissingSelectors(String cluster, BaseFont font) {
        StringBuilder kept = new StringBuilder(cluster.length());
        cluster.codePoints().filter(c -> !isSelector(c) || font.charExists(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
