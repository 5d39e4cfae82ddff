package ma.etamkeen.rihla;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.ErrorManager;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log of a data folder: {@code <data folder>/logs/rihla-0.log} (the newest) to {@code rihla-4.log}, 1 MB
 * each, written by the window and the command line alike with java.util.logging's rolling
 * {@link FileHandler}. What goes wrong in the background, and what Rihla repaired or refused, is kept there
 * for the user or a helper to read (Help ▸ Open the log folder); the console stays quiet, so the command
 * line prints only its own output. When the folder cannot be written, warnings go to the console instead.
 */
public final class Logs {
    public static final String FOLDER = "logs";
    /** Bytes per file before it rolls over, and how many files are kept. */
    static final int LIMIT_BYTES = 1 << 20;
    static final int FILES = 5;
    /**
     * JavaFX's note at every start that it runs from the class path, which Rihla does by design (README,
     * "Languages and right-to-left"): not kept, so that a start formats no log line on its way to the window.
     */
    static final String JAVAFX_ON_CLASS_PATH = "Unsupported JavaFX configuration";
    private static Path installed;

    private Logs() {
    }

    /** Sends this process's log to {@code dataFolder}'s log files (once; later calls for the same folder do nothing). */
    public static synchronized void install(Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().resolve(FOLDER);
        if (folder.equals(installed)) {
            return;
        }
        Logger root = Logger.getLogger("");
        Handler handler;
        try {
            Files.createDirectories(folder);
            handler = new FileHandler(folder.resolve("rihla-%g.log").toString(), LIMIT_BYTES, FILES, true);
            handler.setLevel(Level.INFO);
            handler.setErrorManager(new Unwritable());
        } catch (IOException | RuntimeException e) {
            handler = new ConsoleHandler();
            handler.setLevel(Level.WARNING);
        }
        handler.setFormatter(new Line());
        handler.setFilter(record -> !("javafx".equals(record.getLoggerName())
                && record.getMessage() != null && record.getMessage().startsWith(JAVAFX_ON_CLASS_PATH)));
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
            old.close();
        }
        root.addHandler(handler);
        installed = folder;
    }

    /**
     * What happens when a log line cannot be written (a full disk): nothing the user sees. The JDK's own
     * ErrorManager prints a stack trace on the console, over the message that says what went wrong.
     */
    static final class Unwritable extends ErrorManager {
        @Override
        public void error(String message, Exception failure, int code) {
            // The log is lost for now; what failed is told to the user where it happened.
        }
    }

    /** One line per record (time, level, logger, message), then the stack trace of a failure. */
    static final class Line extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(LocalTime.FORMAT.format(record.getInstant())).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }

    /** The local time of a line, made at the first line (the time zone's rules take some 30 ms to read). */
    private static final class LocalTime {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
    }
}
