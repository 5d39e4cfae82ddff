package ma.etamkeen.rihla.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text the way people type it when they search, in Arabic, French or English: presentation forms
 * (text pasted from PDFs) back to letters, accents and Arabic short vowels (tashkeel, shadda) dropped,
 * tatweel removed, alef forms (أ إ آ ٱ) to ا, ta marbuta ة to ه, alef maqsura ى to ي, hamza carriers
 * ؤ ئ to و ي, the Persian and Urdu forms of Arabic letters (ک ی ہ ۃ ے…) to the Arabic ones, œ to oe, and
 * lower case. "Numérique" and "numerique" fold alike; so do "الإدارة" and "الاداره", and "کتابخانہ" and "كتابخانه".
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
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.FORMAT || c == '\u0640' || c == '\u0674') {
                continue;  // accents, tashkeel, shadda, superscript alef, invisible format characters, tatweel, high hamza
            }
            if (isApostrophe(c)) {
                folded.append('\'');
                continue;
            }
            if (c == 'œ' || c == 'Œ' || c == 'æ' || c == 'Æ') {
                folded.append(c == 'œ' || c == 'Œ' ? "oe" : "ae");  // no decomposition exists for these ligatures
                continue;
            }
            folded.append(switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627';  // alef forms -> ا
                case '\u0629', '\u06C3' -> '\u0647';  // ة, Urdu teh marbuta goal ۃ -> ه
                case '\u0649' -> '\u064A';  // ى -> ي
                case '\u0624' -> '\u0648';  // ؤ -> و
                case '\u0626' -> '\u064A';  // ئ -> ي
                // Persian, Urdu, Kurdish, Sindhi forms of Arabic letters (ۀ ۂ ۓ ٵ ٶ ٸ are split by NFKC/NFD first)
                case '\u06CC', '\u06D2', '\u06CD', '\u06D0' -> '\u064A';  // Farsi yeh ی, yeh barree ے, yeh with tail ۍ, yeh ې
                case '\u06A9', '\u06AA' -> '\u0643';  // keheh ک, swash kaf ڪ -> ك
                case '\u06C1', '\u06BE', '\u06D5' -> '\u0647';  // heh goal ہ, heh doachashmee ھ, ae ە -> ه
                case '\u06BA' -> '\u0646';  // noon ghunna ں -> ن
                case '\u0660', '\u06F0' -> '0';
                case '\u0661', '\u06F1' -> '1';
                case '\u0662', '\u06F2' -> '2';
                case '\u0663', '\u06F3' -> '3';
                case '\u0664', '\u06F4' -> '4';
                case '\u0665', '\u06F5' -> '5';
                case '\u0666', '\u06F6' -> '6';
                case '\u0667', '\u06F7' -> '7';
                case '\u0668', '\u06F8' -> '8';
                case '\u0669', '\u06F9' -> '9';
                default -> c;
            });
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
