package ma.etamkeen.rihla.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits text into words the way search sees them: each word folded ({@link Fold}) and, for Arabic, also
 * without its article or a leading conjunction (الإدارة and إدارة are the same word to a reader). The same
 * code tokenizes what is indexed, what is typed in the search field and what is highlighted, so the three
 * always agree.
 */
public final class Tokens {
    private static final String[] ARABIC_PREFIXES = {"وال", "بال", "كال", "فال", "لل", "ال"};

    private Tokens() {
    }

    /** A word of the original text: where it is, and the terms it stands for. */
    public record Word(int start, int end, String folded, String stem) {
        /** Whether this word matches a query term (exactly, or as a prefix when {@code prefix}). */
        public boolean matches(String term, boolean prefix) {
            return prefix ? folded.startsWith(term) || stem.startsWith(term) : folded.equals(term) || stem.equals(term);
        }
    }

    /** The words of {@code text}, with their positions in it. */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < length && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                String folded = Fold.fold(text.substring(start, i));
                if (!folded.isEmpty()) {
                    words.add(new Word(start, i, folded, stem(folded)));
                }
            }
        }
        return words;
    }

    /** Every term under which {@code text} is found: folded words and their stems, once each. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Word word : words(text)) {
            terms.add(word.folded());
            terms.add(word.stem());
        }
        return terms;
    }

    /** The term a typed word searches for: its stem (which every indexed form of the word also has). */
    public static String queryTerm(String folded) {
        return stem(folded);
    }

    /** Removes an Arabic article or conjunction-with-article from a folded word when enough is left. */
    static String stem(String folded) {
        if (folded.isEmpty() || Character.UnicodeScript.of(folded.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return folded;
        }
        for (String prefix : ARABIC_PREFIXES) {
            if (folded.startsWith(prefix) && folded.length() - prefix.length() >= 2) {
                return folded.substring(prefix.length());
            }
        }
        return folded;
    }

    /** Letters, digits and the marks inside words (Arabic vowels, tatweel, accents) belong to a word. */
    private static boolean isWordChar(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || codePoint == '\u0640';
    }
}
