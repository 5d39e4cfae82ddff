package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;

/** {@code backup [--list]}: backs up the database now, or lists the backups of the data folder. */
final class BackupCommand implements Cli.Command {
    private final boolean list;

    BackupCommand(List<String> arguments) throws LaunchOptions.UsageException {
        boolean listing = false;
        for (String argument : arguments) {
            if (argument.equals("--list")) {
                listing = true;
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        this.list = listing;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        if (!list) {
            try (Workspace workspace = Workspace.open(dataFolder)) {
                out.println(messages.format("cli.backup.written", workspace.backups().backUpNow().file()));
                return Cli.OK;
            }
        }
        // Listing opens no database, so it works on a damaged store too (to choose what to restore).
        List<BackupService.Backup> backups = BackupService.list(dataFolder);
        for (BackupService.Backup backup : backups) {
            out.println(String.format(messages.formatLocale(), "%s  %-20s %-12s %12s  %s",
                    BackupService.when(backup, messages), BackupService.reason(backup, messages),
                    messages.get("backups.state." + backup.state().name().toLowerCase(java.util.Locale.ROOT)),
                    messages.size(backup.sizeBytes()), backup.file()));
            if (backup.counts() != null) {
                out.println("    " + BackupService.counts(backup.counts(), messages));
            }
        }
        out.println(messages.format("cli.backup.count", backups.size()));
        return Cli.OK;
    }
}
