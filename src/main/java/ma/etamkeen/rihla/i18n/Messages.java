package ma.etamkeen.rihla.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible strings of one language, from {@code i18n/messages*.properties}. */
public final class Messages {
    public static final String BUNDLE = "ma.etamkeen.rihla.i18n.messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        // The root bundle is English; no fallback to the JVM's default locale.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
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
        return new MessageFormat(get(key).replace("'", "''"), language.locale()).format(args);
    }
}
