package ma.etamkeen.rihla.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Splits text into words the way search sees them: each word folded ({@link Fold}) and, for Arabic, also
 * without its article or a one-letter prefix (الإدارة, إدارة and لإدارة are the same word to a reader). The
 * same code tokenizes what is indexed, what is typed in the search field and what is highlighted, so the
 * three always agree: a typed word matches a written one when one of their forms meets.
 *
 * <p>A word is a run of letters, digits (² and ⓓ too), the marks inside words and invisible format characters
 * (category Cf, which {@link Fold} drops: a soft hyphen does not split a word); an apostrophe of any shape
 * ends one.
 * A form is at most {@link #MAX_TERM} characters: a 17,000-letter run without a space is found by its first
 * {@value #MAX_TERM}, and Lucene's limit on one term (32,766 bytes of UTF-8) is never reached.
 */
public final class Tokens {
    private static final String[] ARABIC_ARTICLES = {"وال", "بال", "كال", "فال", "لل", "ال"};
    /** Conjunctions and prepositions written as one letter before a word: و ف ب ل ك. */
    private static final String ARABIC_PROCLITICS = "\u0648\u0641\u0628\u0644\u0643";
    /** The longest form of a word, in UTF-16 characters (at most 4 × 200 bytes of UTF-8). */
    public static final int MAX_TERM = 200;

    private Tokens() {
    }

    /** A word of the original text: where it is, folded, and every form it may be found under. */
    public record Word(int start, int end, String folded, Set<String> forms) {
        /** Whether a form of this word is one of {@code typed} (or begins with one, when {@code prefix}). */
        public boolean matches(Set<String> typed, boolean prefix) {
            for (String form : forms) {
                for (String wanted : typed) {
                    if (prefix ? form.startsWith(wanted) : form.equals(wanted)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The words of {@code text}, with their positions in it. */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        scan(text, (start, end, folded) -> words.add(folded.at(start, end)));
        return words;
    }

    /** The first word of {@code text} that passes {@code test}; the rest of the text is not read. */
    public static Optional<Word> first(String text, Predicate<Word> test) {
        Word[] found = new Word[1];
        scan(text, (start, end, folded) -> {
            Word word = folded.at(start, end);
            if (test.test(word)) {
                found[0] = word;
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** What {@link #scan} hands each word to: where it is and its folded forms; false to stop. */
    @FunctionalInterface
    private interface Visitor {
        boolean visit(int start, int end, Folded folded);
    }

    /** Hands each word to {@code visitor} in order, until it answers false. */
    private static void scan(String text, Visitor visitor) {
        if (text == null) {
            return;
        }
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c;
            while (i < length && !isWordChar(c = text.codePointAt(i))) {
                i += Character.charCount(c);
            }
            int start = i;
            while (i < length && isWordChar(c = text.codePointAt(i))) {
                i += Character.charCount(c);
            }
            if (i > start) {
                Folded folded = folded(text.substring(start, i));
                if (!folded.word().isEmpty() && !visitor.visit(start, i, folded)) {
                    return;
                }
            }
        }
    }

    /** A word as written, folded, and its forms (as a set for {@link Word}, and as a list to add them quickly). */
    private record Folded(String word, Set<String> forms, List<String> formList) {
        Folded(String word, Set<String> forms) {
            this(word, Collections.unmodifiableSet(forms), List.copyOf(forms));
        }

        Word at(int start, int end) {
            return new Word(start, end, word, forms);
        }
    }

    /**
     * The words met lately, folded: text repeats its words (a store of 100,000 entries holds some tens of
     * thousands of distinct ones), and folding one (Unicode normalization) costs far more than looking it up.
     * Emptied when full rather than kept in order: simple, and shared safely by the index and search threads.
     */
    private static final Map<String, Folded> FOLDED = new ConcurrentHashMap<>();
    private static final int FOLDED_MAX = 100_000;
    /** Longer words are folded each time: they are rare, and the cache stays small (at most some 7 MB of keys). */
    private static final int FOLDED_CHARS = 32;

    private static Folded folded(String written) {
        Folded known = FOLDED.get(written);
        if (known != null) {
            return known;
        }
        String word = capped(Fold.fold(written));
        Folded folded = new Folded(word, forms(word));
        if (written.length() > FOLDED_CHARS) {
            return folded;
        }
        if (FOLDED.size() >= FOLDED_MAX) {
            FOLDED.clear();
        }
        FOLDED.put(written, folded);
        return folded;
    }

    /** {@code folded}, cut to {@link #MAX_TERM} characters without splitting a surrogate pair. */
    private static String capped(String folded) {
        if (folded.length() <= MAX_TERM) {
            return folded;
        }
        int end = Character.isLowSurrogate(folded.charAt(MAX_TERM)) ? MAX_TERM - 1 : MAX_TERM;
        return folded.substring(0, end);
    }

    /** Every term under which {@code text} is found: the forms of its words, once each. */
    public static Set<String> terms(String text) {
        // Sized for a word every few characters, so that the set is not grown again and again while indexing.
        Set<String> terms = new LinkedHashSet<>(text == null ? 0 : text.length() / 4);
        scan(text, (start, end, folded) -> {
            for (String form : folded.formList()) {
                terms.add(form);
            }
            return true;
        });
        return terms;
    }

    /**
     * The forms of a folded word: itself and, for Arabic, without its article (with or without a conjunction
     * before it) and without a one-letter prefix, when enough of the word is left to mean something.
     */
    static Set<String> forms(String folded) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(folded);
        if (folded.isEmpty() || Character.UnicodeScript.of(folded.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return forms;
        }
        withoutArticle(folded, forms);
        if (ARABIC_PROCLITICS.indexOf(folded.charAt(0)) >= 0 && folded.length() - 1 >= 3) {
            String rest = folded.substring(1);  // وللإدارة: و + للإدارة
            forms.add(rest);
            withoutArticle(rest, forms);
        }
        return forms;
    }

    private static void withoutArticle(String word, Set<String> forms) {
        for (String article : ARABIC_ARTICLES) {
            if (word.startsWith(article) && word.length() - article.length() >= 2) {
                forms.add(word.substring(article.length()));
                return;
            }
        }
    }

    /**
     * Letters, digits, the marks inside words (Arabic vowels, tatweel, accents) and invisible format
     * characters belong to a word; apostrophes, even those Unicode counts as letters (ʼ ʻ), do not.
     */
    private static boolean isWordChar(int codePoint) {
        if (codePoint < 0x80) {  // ASCII, most of French and English: its letters and digits, and nothing else
            return (codePoint | 0x20) >= 'a' && (codePoint | 0x20) <= 'z' || codePoint >= '0' && codePoint <= '9';
        }
        int type = Character.getType(codePoint);
        return (Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT || codePoint == '\u0640'
                || isCompatibilityLetter(codePoint, type))
                && !Fold.isApostrophe(codePoint);
    }

    /**
     * Superscript and subscript digits (CO₂, m²), fractions, Roman numerals and circled letters: numbers and
     * symbols whose compatibility form (NFKC, which {@link Fold} applies) is a letter or a digit.
     */
    private static boolean isCompatibilityLetter(int codePoint, int type) {
        return (type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_SYMBOL)
                && Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC).codePoints()
                .anyMatch(Character::isLetterOrDigit);
    }
}
