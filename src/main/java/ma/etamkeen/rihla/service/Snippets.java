package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.List;

import ma.etamkeen.rihla.service.SearchService.Highlighted;
import ma.etamkeen.rihla.text.Tokens;

/** Excerpts of a text around the words a search matched, with those words marked, in the original text. */
final class Snippets {
    /** Characters of context before the first match and in all. */
    static final int BEFORE = 60;
    static final int LENGTH = 220;

    private Snippets() {
    }

    /** The text with its matching words marked (the last term may match a word's beginning). */
    static Highlighted highlight(String text, List<String> terms) {
        List<int[]> spans = new ArrayList<>();
        for (Tokens.Word word : Tokens.words(text)) {
            if (matches(word, terms)) {
                spans.add(new int[] {word.start(), word.end()});
            }
        }
        return new Highlighted(text, spans);
    }

    /** About {@link #LENGTH} characters around the first match, cut between words, with "…" where cut. */
    static Highlighted excerpt(String text, List<String> terms) {
        List<Tokens.Word> words = Tokens.words(text);
        int first = 0;
        for (Tokens.Word word : words) {
            if (matches(word, terms)) {
                first = word.start();
                break;
            }
        }
        int start = Math.max(0, first - BEFORE);
        int end = Math.min(text.length(), start + LENGTH);
        // Move the cuts out of words.
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && first - start < BEFORE + 20) {
            start--;
        }
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - start < LENGTH + 20) {
            end++;
        }
        String prefix = start > 0 ? "… " : "";
        String suffix = end < text.length() ? " …" : "";
        String cut = text.substring(start, end).replaceAll("\\s+", " ");
        Highlighted inner = highlight(cut.strip(), terms);
        List<int[]> spans = new ArrayList<>();
        for (int[] span : inner.matches()) {
            spans.add(new int[] {span[0] + prefix.length(), span[1] + prefix.length()});
        }
        return new Highlighted(prefix + inner.text() + suffix, spans);
    }

    static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static boolean matches(Tokens.Word word, List<String> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (word.matches(terms.get(i), i == terms.size() - 1)) {
                return true;
            }
        }
        return false;
    }
}
