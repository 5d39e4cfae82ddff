package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ma.etamkeen.rihla.service.SearchService.Highlighted;
import ma.etamkeen.rihla.text.Graphemes;
import ma.etamkeen.rihla.text.Tokens;

/** Excerpts of a text around the words a search matched, with those words marked, in the original text. */
final class Snippets {
    /** Characters of context before the first match and in all. */
    static final int BEFORE = 60;
    static final int LENGTH = 220;

    private Snippets() {
    }

    /** The text with its matching words marked (the last term may match a word's beginning). */
    static Highlighted highlight(String text, List<Set<String>> terms) {
        List<int[]> spans = new ArrayList<>();
        for (Tokens.Word word : Tokens.words(text)) {
            if (matches(word, terms)) {
                spans.add(new int[] {word.start(), word.end()});
            }
        }
        return new Highlighted(text, spans);
    }

    /** Whether a word of {@code text} matches. */
    static boolean matches(String text, List<Set<String>> terms) {
        return Tokens.first(text, word -> matches(word, terms)).isPresent();
    }

    /**
     * About {@link #LENGTH} characters around the first match, within its line (texts put each part, each
     * language, on its own line), cut between words (or between grapheme clusters in a run without spaces),
     * with "…" where cut. Without a match: the beginning.
     */
    static Highlighted excerpt(String text, List<Set<String>> terms) {
        int first = Tokens.first(text, word -> matches(word, terms)).map(Tokens.Word::start).orElse(0);
        int lineStart = text.lastIndexOf('\n', first - 1) + 1;
        int lineEnd = text.indexOf('\n', first);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int at = first - lineStart;
        int start = Math.max(0, at - BEFORE);
        int end = Math.min(line.length(), start + LENGTH);
        // Move the cuts out of words.
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1)) && at - start < BEFORE + 20) {
            start--;
        }
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && end - start < LENGTH + 20) {
            end++;
        }
        // A run without spaces is cut between characters, inside the window (a letter with 5,000 marks is left out).
        start = Math.min(Graphemes.boundaryAtOrAfter(line, start), at);
        end = Math.max(Graphemes.boundaryAtOrBefore(line, end), start);
        String prefix = start > 0 ? "… " : "";
        String suffix = end < line.length() ? " …" : "";
        String cut = Graphemes.withoutSoftHyphens(line.substring(start, end)).replaceAll("\\s+", " ");
        Highlighted inner = highlight(cut.strip(), terms);
        List<int[]> spans = new ArrayList<>();
        for (int[] span : inner.matches()) {
            spans.add(new int[] {span[0] + prefix.length(), span[1] + prefix.length()});
        }
        return new Highlighted(prefix + inner.text() + suffix, spans);
    }

    static String firstLine(String text) {
        return Graphemes.firstLine(text, 120);
    }

    private static boolean matches(Tokens.Word word, List<Set<String>> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (word.matches(terms.get(i), i == terms.size() - 1)) {
                return true;
            }
        }
        return false;
    }
}
