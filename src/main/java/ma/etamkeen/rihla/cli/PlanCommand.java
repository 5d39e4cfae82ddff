package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code plan --administration ACRONYM --out FILE.pdf}: the action plan of a Moroccan administration, in the
 * language of the command line. An unknown acronym exits 2 naming the known ones.
 */
final class PlanCommand implements Cli.Command {
    private final String acronym;
    private final Path out;

    PlanCommand(List<String> arguments) throws LaunchOptions.UsageException {
        String administration = null;
        Path target = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--out")) {
                target = LaunchOptions.path(LaunchOptions.valueOf(arguments, ++i, argument));
            } else if (argument.equals("--administration")) {
                administration = LaunchOptions.valueOf(arguments, ++i, argument);
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        if (administration == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--administration");
        }
        if (target == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--out");
        }
        this.acronym = administration;
        this.out = target;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder)) {
            Administration administration = workspace.plans().administration(acronym);
            workspace.plans().write(administration, messages.language(), this.out);
            out.println(messages.format("plan.written", administration.label(messages.language()),
                    this.out.toAbsolutePath()));
        }
        return Cli.OK;
    }
}
