package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.BackupService;

/** {@code restore FILE}: replaces the data folder's database with a backup, after backing up the current one. */
final class RestoreCommand implements Cli.Command {
    private final Path backup;

    RestoreCommand(List<String> arguments) throws LaunchOptions.UsageException {
        if (arguments.isEmpty()) {
            throw new LaunchOptions.UsageException("cli.error.missing-file", "restore");
        }
        if (arguments.size() > 1) {
            throw new LaunchOptions.UsageException("cli.error.unknown-option", arguments.get(1));
        }
        try {
            this.backup = Path.of(arguments.get(0)).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new LaunchOptions.UsageException("cli.error.bad-path", arguments.get(0));
        }
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        String kept = BackupService.kept(BackupService.restore(dataFolder, backup), messages);
        out.println(messages.format("cli.restore.done", backup, dataFolder) + " " + kept);
        return Cli.OK;
    }
}
