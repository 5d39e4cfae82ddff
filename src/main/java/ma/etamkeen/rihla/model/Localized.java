package ma.etamkeen.rihla.model;

import ma.etamkeen.rihla.i18n.Language;

/** A text written in Arabic, French and English; any of them may be missing. */
public record Localized(String ar, String fr, String en) {

    public static final Localized EMPTY = new Localized(null, null, null);

    public Localized {
        ar = blankToNull(ar);
        fr = blankToNull(fr);
        en = blankToNull(en);
    }

    /** The text in {@code language}, else in the other languages (French before English before Arabic). */
    public String in(Language language) {
        String exact = exactly(language);
        if (exact != null) {
            return exact;
        }
        for (Language fallback : new Language[] {Language.FR, Language.EN, Language.AR}) {
            String text = exactly(fallback);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    /** The text in {@code language} only, or null. */
    public String exactly(Language language) {
        return switch (language) {
            case AR -> ar;
            case FR -> fr;
            case EN -> en;
        };
    }

    public boolean isEmpty() {
        return ar == null && fr == null && en == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
