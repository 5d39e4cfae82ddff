package ma.etamkeen.rihla.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible strings of one language, from {@code i18n/messages*.properties}. */
public final class Messages {
    public static final String BUNDLE = "ma.etamkeen.rihla.i18n.messages";

    private final Language language;
    private final Locale formatLocale;
    private final ResourceBundle bundle;

    private Messages(Language language, Locale formatLocale) {
        this.language = language;
        this.formatLocale = formatLocale;
        // The root bundle is English; no fallback to the JVM's default locale.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return new Messages(language, language.locale());
    }

    /** Messages whose numbers and dates use {@code digits} (Arabic-Indic only matters in Arabic). */
    public static Messages of(Language language, Digits digits) {
        return new Messages(language, digits.formatLocale(language));
    }

    public Language language() {
        return language;
    }

    /** The locale numbers and dates are formatted with. */
    public Locale formatLocale() {
        return formatLocale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // Visible in the UI so a missing key is noticed, never a crash; a test guards the bundles.
            return "!" + key + "!";
        }
    }

    /**
     * The message with its {0}-style arguments filled in. Apostrophes are always literal (the bundles
     * write l'option, not l''option), so the same text works in FXML and here.
     */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), formatLocale).format(args);
    }
}
