package ma.etamkeen.rihla;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.cli.Cli;
import ma.etamkeen.rihla.store.DataFolder;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;

/** Entry point: no command opens the desktop app; a command runs the CLI without starting JavaFX. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (LaunchOptions.UsageException e) {
            System.exit(Cli.forConsole(Language.of(Locale.getDefault())).usageError(e));
            return;
        }
        if (options.command().isEmpty()) {
            // A package opened from the file manager while Rihla runs on that folder goes to that window.
            if (options.packageToOpen().isPresent()
                    && PackageInbox.handOff(DataFolder.resolve(options.db()), options.packageToOpen().get())) {
                return;
            }
            // The log first: what JavaFX and the libraries say as they start goes to the data folder's log, and
            // the console stays quiet (JavaFX's note that it runs from the class path, by design, is dropped).
            Path folder = DataFolder.resolve(options.db());
            Logs.install(folder);
            try {
                App.run(args, folder);
            } catch (UnsupportedOperationException e) {  // JavaFX found no display to open ("Unable to open DISPLAY")
                Logger.getLogger(Main.class.getName()).log(Level.WARNING, "No display for the window", e);
                System.err.println(Messages.of(options.languageOr(Locale.getDefault())).get("app.no-display"));
                System.exit(Cli.FAILED);
            }
        } else {
            System.exit(Cli.forConsole(options.languageOr(Locale.getDefault())).run(options));
        }
    }
}
