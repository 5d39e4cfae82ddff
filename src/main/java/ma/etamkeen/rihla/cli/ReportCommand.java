package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code report --visit CODE --out FILE.pdf}: the report of a visit (cover and contents, each site's brief, the
 * action plans of the administrations its ideas target), in the language of the command line. An unknown visit
 * code exits 2 naming the known ones.
 */
final class ReportCommand implements Cli.Command {
    private final String code;
    private final Path out;

    ReportCommand(List<String> arguments) throws LaunchOptions.UsageException {
        String visit = null;
        Path target = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--out")) {
                target = LaunchOptions.path(LaunchOptions.valueOf(arguments, ++i, argument));
            } else if (argument.equals("--visit")) {
                visit = LaunchOptions.valueOf(arguments, ++i, argument);
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        if (visit == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--visit");
        }
        if (target == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--out");
        }
        this.code = visit;
        this.out = target;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder)) {
            Visit visit = workspace.reports().visit(code);
            workspace.reports().write(visit, messages.language(), this.out);
            out.println(messages.format("report.written", visit.title().in(messages.language()),
                    this.out.toAbsolutePath()));
        }
        return Cli.OK;
    }
}
