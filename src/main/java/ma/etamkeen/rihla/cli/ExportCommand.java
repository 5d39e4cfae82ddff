package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Workspace;

/** {@code export --out FILE [--mine|--since DATE]}: writes a .rihla package for colleagues. */
final class ExportCommand implements Cli.Command {
    private final Path out;
    private final ExportScope scope;

    ExportCommand(List<String> arguments) throws LaunchOptions.UsageException {
        Path target = null;
        ExportScope chosen = ExportScope.all();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--out" -> target = LaunchOptions.path(LaunchOptions.valueOf(arguments, ++i, argument));
                case "--mine" -> chosen = ExportScope.mine();
                case "--since" -> chosen = ExportScope.since(date(LaunchOptions.valueOf(arguments, ++i, argument))
                        .atStartOfDay(ZoneId.systemDefault()).toInstant());
                default -> throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        if (target == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--out");
        }
        this.out = target;
        this.scope = chosen;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder)) {
            ExchangeService.Exported exported = workspace.exchange().export(this.out, scope,
                    ExchangeService.Progress.NONE);
            out.println(messages.format("exchange.exported", exported.total(), exported.file().toAbsolutePath()));
        }
        return Cli.OK;
    }

    private static LocalDate date(String value) throws LaunchOptions.UsageException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LaunchOptions.UsageException("cli.error.bad-date", value);
        }
    }
}
