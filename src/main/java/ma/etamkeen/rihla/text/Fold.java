package ma.etamkeen.rihla.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text the way people type it when they search, in Arabic, French or English: presentation forms
 * (text pasted from PDFs) back to letters, accents and Arabic short vowels (tashkeel, shadda) dropped,
 * tatweel removed, alef forms (أ إ آ ٱ) to ا, ta marbuta ة to ه, alef maqsura ى to ي, hamza carriers
 * ؤ ئ to و ي, œ to oe, and lower case. "Numérique" and "numerique" fold alike; so do "الإدارة" and "الاداره".
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

    private static String map(String decomposed) {
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\u0640') {
                continue;  // accents, tashkeel, shadda, superscript alef, tatweel
            }
            if (c == 'œ' || c == 'Œ' || c == 'æ' || c == 'Æ') {
                folded.append(c == 'œ' || c == 'Œ' ? "oe" : "ae");  // no decomposition exists for these ligatures
                continue;
            }
            folded.append(switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627';  // alef forms -> ا
                case '\u0629' -> '\u0647';  // ة -> ه
                case '\u0649' -> '\u064A';  // ى -> ي
                case '\u0624' -> '\u0648';  // ؤ -> و
                case '\u0626' -> '\u064A';  // ئ -> ي
                case '\u06CC' -> '\u064A';  // Farsi yeh -> ي
                case '\u06A9' -> '\u0643';  // keheh -> ك
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
