package ma.etamkeen.rihla.text;

import java.text.Bidi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The direction of a paragraph of user text, one rule for the window and the brief: the direction of its
 * first strong letter, skipping what stands between an isolate initiator (LRI, RLI, FSI) and its PDI, as the
 * Unicode Bidirectional Algorithm's rules P2 and P3 say (UAX #9). "اجتماع مع FPS BOSA و Smals حول eID" is right
 * to left although most of its letters are Latin.
 */
public enum Direction {
    LEFT_TO_RIGHT, RIGHT_TO_LEFT, /** No strong letter: the surrounding direction applies. */ NEUTRAL;

    /** Left-to-right embedding and pop directional formatting (UAX #9 X2, X6a), known to every bidi engine. */
    private static final char LRE = '\u202A';
    private static final char PDF = '\u202C';
    /**
     * What must read left to right whole inside right-to-left text: web addresses, e-mail addresses, and
     * numbers written with separators (dates 2022-09-27, phone numbers +32 2 123 45 67, times 10:30, amounts
     * 1,500.75, ranges 10-12).
     */
    private static final Pattern LEFT_TO_RIGHT_RUN = Pattern.compile(
            "(?:https?://|www\\.)[^\\s]+[^\\s.,;:!?)\\]»،؛؟]"
                    + "|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}"
                    + "|\\+?\\p{Nd}+(?:[ ./:,-]\\p{Nd}+)+");

    /**
     * The direction of {@code paragraph} (of its first paragraph, when it holds several), {@link #NEUTRAL} when
     * it has no strong letter or is null. A strong letter met before any isolate or unassigned character decides
     * at once; otherwise the JDK's implementation of the algorithm ({@link Bidi}) is asked.
     */
    public static Direction of(String paragraph) {
        if (paragraph == null) {
            return NEUTRAL;
        }
        for (int i = 0; i < paragraph.length(); ) {
            int codePoint = paragraph.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return LEFT_TO_RIGHT;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return RIGHT_TO_LEFT;
                case Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR:
                    return NEUTRAL;  // the end of the first paragraph (P1)
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                        Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_UNDEFINED:
                    return byBidi(firstParagraph(paragraph));  // isolates skipped, unassigned characters classed
                default:
                    break;
            }
        }
        return NEUTRAL;
    }

    /**
     * The direction of a text of several paragraphs shown as one block (a text field, a label): that of its
     * first paragraph with a strong letter; {@link #NEUTRAL} when none has one.
     */
    public static Direction ofText(String text) {
        if (text == null) {
            return NEUTRAL;
        }
        for (String paragraph : text.split("[\\n\\r\\u001C-\\u001E\\u0085\\u2029]")) {
            Direction direction = of(paragraph);
            if (direction != NEUTRAL) {
                return direction;
            }
        }
        return NEUTRAL;
    }

    private static String firstParagraph(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.getDirectionality(text.charAt(i)) == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** The base level by the JDK's P2–P3: with no strong letter, the two defaults disagree. */
    private static Direction byBidi(String paragraph) {
        boolean leftToRight = new Bidi(paragraph, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
        boolean rightToLeft = !new Bidi(paragraph, Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT).baseIsLeftToRight();
        return leftToRight == rightToLeft ? NEUTRAL : leftToRight ? LEFT_TO_RIGHT : RIGHT_TO_LEFT;
    }

    /** This direction, or {@code otherwise} when {@link #NEUTRAL}. */
    public Direction or(Direction otherwise) {
        return this == NEUTRAL ? otherwise : this;
    }

    /**
     * {@code paragraph} with its web addresses, e-mail addresses and separated numbers embedded left to right
     * (LRE … PDF), so that laid out right to left "2022-09-27" does not become "27-09-2022" nor a trailing
     * slash jump to the other end of an address. Left-to-right paragraphs are returned as they are.
     */
    public static String withLeftToRightRuns(String paragraph) {
        if (of(paragraph) != RIGHT_TO_LEFT) {
            return paragraph;
        }
        Matcher run = LEFT_TO_RIGHT_RUN.matcher(paragraph);
        return run.replaceAll(found -> Matcher.quoteReplacement(LRE + found.group() + PDF));
    }
}
