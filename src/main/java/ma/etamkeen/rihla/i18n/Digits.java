package ma.etamkeen.rihla.i18n;

import java.util.Locale;

/**
 * How numbers and dates are written in the Arabic interface: Latin digits (0123, as in Moroccan
 * administration, the default) or Arabic-Indic digits (٠١٢٣). French and English always use Latin digits.
 */
public enum Digits {
    LATIN, ARABIC_INDIC;

    /** The locale to format numbers and dates with, for {@code language} and these digits. */
    public Locale formatLocale(Language language) {
        if (this == ARABIC_INDIC && language == Language.AR) {
            return new Locale.Builder().setLocale(language.locale()).setUnicodeLocaleKeyword("nu", "arab").build();
        }
        return language.locale();
    }
}
