package ma.etamkeen.rihla;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ma.etamkeen.rihla.i18n.Language;

/**
 * The command line shared by the app and the CLI: the global options {@code --db DIR} and
 * {@code --lang ar|fr|en} (anywhere), then an optional command with its own words.
 */
public record LaunchOptions(Optional<Path> db, Optional<Language> lang, List<String> words) {

    /** A command line that cannot be understood; the key names the message shown before the usage. */
    public static final class UsageException extends Exception {
        private final String messageKey;
        private final transient Object[] args;

        public UsageException(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public LaunchOptions {
        words = List.copyOf(words);
    }

    public static LaunchOptions parse(List<String> args) throws UsageException {
        Path db = null;
        Language lang = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--db" -> db = path(valueOf(args, ++i, arg));
                case "--lang" -> {
                    String code = valueOf(args, ++i, arg);
                    lang = Language.fromCode(code).orElseThrow(() -> new UsageException("cli.error.bad-language", code));
                }
                default -> {
                    if (arg.startsWith("--db=")) {
                        db = path(arg.substring("--db=".length()));
                    } else if (arg.startsWith("--lang=")) {
                        String code = arg.substring("--lang=".length());
                        lang = Language.fromCode(code).orElseThrow(() -> new UsageException("cli.error.bad-language", code));
                    } else {
                        words.add(arg);
                    }
                }
            }
        }
        return new LaunchOptions(Optional.ofNullable(db), Optional.ofNullable(lang), words);
    }

    /** The command, or empty for the desktop app (also when it is asked to open a package). */
    public Optional<String> command() {
        return words.isEmpty() || packageToOpen().isPresent() ? Optional.empty()
                : Optional.of(words.get(0).toLowerCase(Locale.ROOT));
    }

    /**
     * A .rihla package given alone, as the file manager does when one is opened with Rihla: the app starts
     * and shows its import preview.
     */
    public Optional<Path> packageToOpen() {
        if (words.size() != 1 || !words.get(0).toLowerCase(Locale.ROOT).endsWith(".rihla")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(words.get(0)).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The words after the command. */
    public List<String> arguments() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /** The language asked for, else the OS language when it is one of ours, else English. */
    public Language languageOr(Locale osLocale) {
        return lang.orElseGet(() -> Language.of(osLocale));
    }

    /** The value after {@code option}, for the CLI commands' own options too. */
    public static String valueOf(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException("cli.error.missing-value", option);
        }
        return args.get(index);
    }

    public static Path path(String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("cli.error.bad-path", value);
        }
    }
}
