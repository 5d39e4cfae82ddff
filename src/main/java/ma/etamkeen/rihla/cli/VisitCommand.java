package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.KnowledgeBase;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code visit import FILE.csv}: creates or updates a visit and its sites from a CSV file (README, "A visit
 * prepared in a spreadsheet"); a file that is refused changes nothing and exits 2 naming the row and column.
 */
final class VisitCommand implements Cli.Command {
    private final Path file;

    VisitCommand(List<String> arguments) throws LaunchOptions.UsageException {
        if (arguments.isEmpty() || !arguments.get(0).equals("import")) {
            throw new LaunchOptions.UsageException("cli.error.unknown-command",
                    "visit " + String.join(" ", arguments));
        }
        if (arguments.size() < 2) {
            throw new LaunchOptions.UsageException("cli.error.missing-file", "visit import");
        }
        if (arguments.size() > 2) {
            throw new LaunchOptions.UsageException("cli.error.unknown-option", arguments.get(2));
        }
        this.file = LaunchOptions.path(arguments.get(1)).toAbsolutePath();
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder)) {
            KnowledgeBase.VisitImport done = workspace.knowledge().importVisits(file);
            out.println(messages.format("cli.visit.imported", done.visitsAdded(), done.visitsUpdated(),
                    done.sitesAdded(), done.sitesUpdated(), done.unchanged()));
            return Cli.OK;
        }
    }
}
