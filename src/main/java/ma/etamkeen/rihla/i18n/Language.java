package ma.etamkeen.rihla.i18n;

import java.util.Locale;
import java.util.Optional;

/** The three languages of the app and of its data. */
public enum Language {
    AR("ar", Locale.forLanguageTag("ar-MA"), true),
    FR("fr", Locale.forLanguageTag("fr-MA"), false),
    EN("en", Locale.forLanguageTag("en"), false);

    private final String code;
    private final Locale locale;
    private final boolean rightToLeft;

    Language(String code, Locale locale, boolean rightToLeft) {
        this.code = code;
        this.locale = locale;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    /** The locale used for messages, dates and numbers (Moroccan conventions for ar and fr). */
    public Locale locale() {
        return locale;
    }

    public boolean isRightToLeft() {
        return rightToLeft;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The OS language when it is one of ours, English otherwise. */
    public static Language of(Locale locale) {
        return fromCode(locale.getLanguage()).orElse(EN);
    }
}
