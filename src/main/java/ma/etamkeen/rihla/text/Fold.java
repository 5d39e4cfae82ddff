package ma.etamkeen.rihla.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text the way people type it when they search, in Arabic, French or English: presentation forms
 * (text pasted from PDFs) back to letters, accents and Arabic short vowels (tashkeel, shadda) dropped,
 * tatweel removed, alef forms (أ إ آ ٱ) to ا, ta marbuta ة to ه, alef maqsura ى to ي, hamza carriers
 * ؤ ئ to و ي, the Persian, Urdu and other forms of Arabic letters (ک ی ہ ۃ ے ڭ ۆ…) to the Arabic ones, œ to oe,
 * ß to ss, and lower case. "Numérique" and "numerique" fold alike; so do "الإدارة" and "الاداره", and "کتابخانہ" and "كتابخانه".
 *
 * <p>Invisible format characters (Unicode general category Cf: soft hyphen, zero-width space and joiners,
 * word joiner, byte order mark, bidi marks and controls) are dropped, so "transfor&#173;mation" with a soft
 * hyphen pasted from a PDF is the word "transformation". Every apostrophe-like character (’ ‘ ʼ ʻ ′ ＇ ` ´…)
 * becomes {@code '}, which {@link Tokens} reads as a break between words.
 */
public final class Fold {
    private Fold() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Plain ASCII and basic Arabic letters and marks need no normalizing (most words): the loop below
        // maps and drops them alike.
        return map(isPlain(text) ? text : normalized(text));
    }

    /** The same without the shortcut: every text normalized first. */
    static String foldFully(String text) {
        return text == null || text.isEmpty() ? "" : map(normalized(text));
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x0620 || c > 0x0669)) {
                return false;
            }
        }
        return true;
    }

    /**
     * NFKC turns Arabic presentation forms (FB50–FEFF) and ligatures into plain letters; NFD then splits off
     * every accent and vowel mark so they can be dropped.
     */
    private static String normalized(String text) {
        return Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC), Normalizer.Form.NFD);
    }

    /**
     * The apostrophe and the characters typed or pasted for it: right and left single quotation marks, the
     * modifier letters apostrophe, turned comma and reversed comma, prime, fullwidth apostrophe, grave and acute
     * accents, single high-reversed-9 quotation mark, Armenian apostrophe, Hebrew geresh, saltillo.
     */
    static boolean isApostrophe(int c) {
        return switch (c) {
            case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '\u02BD', '\u02B9', '\u2032', '\uFF07', '`', '\u00B4',
                    '\u201B', '\u055A', '\u05F3', '\uA78B', '\uA78C' -> true;
            default -> false;
        };
    }

    private static String map(String decomposed) {
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);  // by code point: format characters outside the BMP too
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.FORMAT || c == '\u0640' || c == '\u0674') {
                continue;  // accents, tashkeel, shadda, superscript alef, invisible format characters, tatweel, high hamza
            }
            if (isApostrophe(c)) {
                folded.append('\'');
                continue;
            }
            switch (c) {  // letters without a decomposition: œ æ and the German sharp s
                case 'œ', 'Œ' -> folded.append("oe");
                case 'æ', 'Æ' -> folded.append("ae");
                case 'ß', 'ẞ' -> folded.append("ss");
                default -> folded.appendCodePoint(arabic(c));
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * An Arabic letter, or a form of it in another language written in Arabic script (Persian, Urdu, Pashto,
     * Sindhi, Kurdish, Uyghur, Kashmiri: the letters of the Unicode Arabic block that are a kaf, yeh, waw,
     * heh or noon with other dots or marks), as the Arabic letter; Arabic-Indic digits as digits.
     */
    private static int arabic(int c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627';  // alef forms -> ا
            case '\u0629', '\u06C3', '\u06C1', '\u06BE', '\u06D5', '\u06FF' -> '\u0647';  // ة ۃ ہ ھ ە ۿ -> ه
            case '\u0649', '\u0626', '\u06CC', '\u06D2', '\u06CD', '\u06D0', '\u0620', '\u06CE', '\u06D1', '\u063D',
                    '\u063E', '\u063F' -> '\u064A';  // ى ئ ی ے ۍ ې ؠ ێ ۑ ؽ ؾ ؿ -> ي
            case '\u0624', '\u06C4', '\u06C5', '\u06C6', '\u06C7', '\u06C8', '\u06C9', '\u06CA', '\u06CB',
                    '\u06CF' -> '\u0648';  // ؤ ۄ ۅ ۆ ۇ ۈ ۉ ۊ ۋ ۏ -> و
            case '\u06A9', '\u06AA', '\u06AB', '\u06AC', '\u06AD', '\u06AE', '\u0762', '\u0763',
                    '\u0764' -> '\u0643';  // ک ڪ ګ ڬ ڭ ڮ ݢ ݣ ݤ -> ك
            case '\u06BA', '\u06B9', '\u06BB', '\u06BC', '\u06BD' -> '\u0646';  // ں ڹ ڻ ڼ ڽ -> ن
            default -> c >= '\u0660' && c <= '\u0669' ? '0' + (c - '\u0660')
                    : c >= '\u06F0' && c <= '\u06F9' ? '0' + (c - '\u06F0') : c;
        };
    }
}
