package ma.etamkeen.rihla.i18n;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
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

    /**
     * Dates and times written the way this language does (CLDR's localized patterns: FULL, LONG, MEDIUM,
     * SHORT; null leaves the date or the time out), in the format locale's digits and the system's time zone.
     * The right-to-left marks CLDR puts between the parts of an Arabic date are left out: the parts are
     * digits and slashes, which the Unicode bidi algorithm keeps in order without them, and fonts without a
     * glyph for the marks draw them as boxes.
     */
    public DateTimeFormatter dates(FormatStyle date, FormatStyle time) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE,
                formatLocale).replace("\u200F", "").replace("\u200E", "").replace("\u061C", "");
        return DateTimeFormatter.ofPattern(pattern, formatLocale).withDecimalStyle(DecimalStyle.of(formatLocale))
                .withZone(ZoneId.systemDefault());
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle has {@code key} (for an optional variant of a message, such as the command line's). */
    public boolean has(String key) {
        return bundle.containsKey(key);
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

    /**
     * {@code items} as a list in this language: joined by its list separator ({@code list.separator}: ", ",
     * or the Arabic comma "، " U+060C).
     *
     * @param items the items, in the order shown
     */
    public String list(java.util.Collection<String> items) {
        return String.join(get("list.separator"), items);
    }

    /**
     * A file's size for people: whole kilobytes under 1 MB (at least 1 kB, so a small file never reads as
     * nothing), else megabytes to one decimal ({@code size.kb}, {@code size.mb}; 1 kB = 1,024 bytes).
     *
     * @param bytes the size in bytes
     */
    public String size(long bytes) {
        return bytes < 1024 * 1024
                ? format("size.kb", Math.max(1, Math.round(bytes / 1024.0)))
                : format("size.mb", bytes / (1024.0 * 1024.0));
    }
}
