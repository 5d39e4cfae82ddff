package ma.etamkeen.rihla.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortening text without splitting what a reader sees as one character: a grapheme cluster (a letter and
 * its marks, an emoji with its skin tone or joined family, a flag's two regional indicators, CR LF), as
 * Unicode's text segmentation defines it (UAX #29, extended grapheme clusters).
 *
 * <p>Clusters are found with {@code \X} of {@link java.util.regex}, the JDK's implementation of UAX #29: the
 * JDK 17 {@link java.text.BreakIterator} still splits flags and emoji joined by ZWJ (fixed in JDK 20), and
 * ICU4J would add 13 MB to the installers for this alone.
 */
public final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");
    private static final String ELLIPSIS = "…";

    private Graphemes() {
    }

    /**
     * The greatest cluster boundary of {@code text} at or before {@code index} (a UTF-16 index, 0 to
     * {@code text.length()}).
     */
    public static int boundaryAtOrBefore(String text, int index) {
        if (index <= 0) {
            return 0;
        }
        if (index >= text.length()) {
            return text.length();
        }
        int from = text.lastIndexOf('\n', index - 1) + 1;  // after a line feed is always a boundary (GB4)
        Matcher cluster = CLUSTER.matcher(text).region(from, text.length());
        int boundary = from;
        while (cluster.find() && cluster.end() <= index) {
            boundary = cluster.end();
        }
        return boundary;
    }

    /** The least cluster boundary of {@code text} at or after {@code index}. */
    public static int boundaryAtOrAfter(String text, int index) {
        int before = boundaryAtOrBefore(text, index);
        if (before >= index) {
            return before;
        }
        Matcher cluster = CLUSTER.matcher(text).region(before, text.length());
        return cluster.find() ? cluster.end() : text.length();
    }

    /**
     * {@code text} when it has at most {@code max} UTF-16 characters; otherwise its longest beginning of whole
     * clusters that leaves room for "…", followed by "…" (at most {@code max} characters in all).
     */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = boundaryAtOrBefore(text, max - ELLIPSIS.length());
        // Blank clusters at the end go, whole: a prepended mark (U+0600 …) and the space after it are one
        // cluster (UAX #29, GB9b), so stripping characters would split it.
        for (int start = boundaryAtOrBefore(text, end - 1); end > 0 && text.substring(start, end).isBlank();
             start = boundaryAtOrBefore(text, start - 1)) {
            end = start;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * The first non-blank line of {@code text} as a one-line label: stripped, without soft hyphens (which
     * JavaFX and terminals draw as visible hyphens mid-line), {@linkplain #shorten shortened} to {@code max}.
     */
    public static String firstLine(String text, int max) {
        String line = text == null ? "" : withoutSoftHyphens(text).strip().lines().findFirst().orElse("");
        return shorten(line, max);
    }

    /** {@code text} without U+00AD SOFT HYPHEN: a hyphenation hint, invisible except at a line break. */
    public static String withoutSoftHyphens(String text) {
        return text.indexOf('\u00AD') < 0 ? text : text.replace("\u00AD", "");
    }
}
