package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.store.AtomicFiles;

/**
 * How the user likes the window: language, digits, text size. Kept in a small file of the data folder
 * (not in the database) because the window needs them before the database is open.
 *
 * @param language empty: follow the OS language
 * @param textSize the base font size in pixels
 */
public record Preferences(Optional<Language> language, Digits digits, int textSize) {
    public static final String FILE = "preferences.properties";
    public static final int DEFAULT_TEXT_SIZE = 13;
    public static final int MIN_TEXT_SIZE = 10;
    public static final int MAX_TEXT_SIZE = 22;
    private static final Logger LOG = Logger.getLogger(Preferences.class.getName());

    public Preferences {
        textSize = Math.max(MIN_TEXT_SIZE, Math.min(MAX_TEXT_SIZE, textSize));
    }

    public static Preferences defaults() {
        return new Preferences(Optional.empty(), Digits.LATIN, DEFAULT_TEXT_SIZE);
    }

    /** The preferences of a data folder; defaults when there are none or the file cannot be read. */
    public static Preferences load(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            Digits digits = "arabic-indic".equals(properties.getProperty("digits")) ? Digits.ARABIC_INDIC : Digits.LATIN;
            int size = Integer.parseInt(properties.getProperty("textSize", String.valueOf(DEFAULT_TEXT_SIZE)).trim());
            return new Preferences(Language.fromCode(properties.getProperty("language")), digits, size);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable preferences " + file, e);
            return defaults();
        }
    }

    /** Writes the preferences whole or not at all ({@link AtomicFiles}): a crash leaves the old ones. */
    public void save(Path dataFolder) {
        Properties properties = new Properties();
        language.ifPresent(value -> properties.setProperty("language", value.code()));
        properties.setProperty("digits", digits == Digits.ARABIC_INDIC ? "arabic-indic" : "latin");
        properties.setProperty("textSize", String.valueOf(textSize));
        try {
            AtomicFiles.write(dataFolder.resolve(FILE), out -> properties.store(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8), "Rihla window preferences"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the preferences in " + dataFolder, e);
        }
    }

    public Preferences withLanguage(Language chosen) {
        return new Preferences(Optional.of(chosen), digits, textSize);
    }

    public Preferences withDigits(Digits chosen) {
        return new Preferences(language, chosen, textSize);
    }

    public Preferences withTextSize(int size) {
        return new Preferences(language, digits, size);
    }
}
