package ma.etamkeen.rihla.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.Logs;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.DamagedStore;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.store.DataFolder;
import ma.etamkeen.rihla.store.StoreException;

/**
 * The command-line interface: plain text for people, {@code --json} for machines.
 * Exit codes: 0 done, 1 the store failed, 2 bad input (usage printed for a bad command line), 3 a sync left
 * conflicts waiting.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int CONFLICTS = 3;

    private final Messages messages;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Language language, PrintStream out, PrintStream err) {
        this.messages = Messages.of(language);
        this.out = out;
        this.err = err;
    }

    /** A CLI on the process's console, always UTF-8 so Arabic survives any terminal locale. */
    public static Cli forConsole(Language language) {
        return new Cli(language,
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    public int run(LaunchOptions options) {
        String command = options.command().orElse("");
        try {
            Command handler = switch (command) {
                case "sites" -> new SitesCommand(options.arguments());
                case "visits" -> new VisitsCommand(options.arguments());
                case "visit" -> new VisitCommand(options.arguments());
                case "search" -> new SearchCommand(options.arguments());
                case "practices" -> new PracticesCommand(options.arguments());
                case "plan" -> new PlanCommand(options.arguments());
                case "report" -> new ReportCommand(options.arguments());
                case "brief" -> new BriefCommand(false, options.arguments());
                case "briefs" -> new BriefCommand(true, options.arguments());
                case "export" -> new ExportCommand(options.arguments());
                case "import" -> new ImportCommand(options.arguments());
                case "backup" -> new BackupCommand(options.arguments());
                case "restore" -> new RestoreCommand(options.arguments());
                case "sync" -> new SyncCommand(options.arguments());
                case "hub" -> new HubCommand(options.arguments());
                case "help", "--help", "-h" -> null;
                default -> throw new LaunchOptions.UsageException("cli.error.unknown-command", command);
            };
            if (handler == null) {
                out.println(messages.get("cli.usage"));
                return OK;
            }
            Path folder = DataFolder.resolve(options.db());
            Logs.install(folder);
            return handler.run(folder, messages, out);
        } catch (LaunchOptions.UsageException e) {
            return usageError(e);
        } catch (RejectedInput e) {
            err.println(Failures.describe(e, messages, UnaryOperator.identity()));
            return BAD_INPUT;
        } catch (StoreException e) {
            Optional<DamagedStore> damaged = DamagedStore.of(e);
            if (damaged.isPresent()) {
                // Only restore and backup --list work on a damaged store: say how to get the data back.
                err.println(damaged.get().describe(messages, UnaryOperator.identity()));
                damaged.get().newestGood().ifPresent(backup -> err.println(messages.format("damage.cli-advice",
                        backup.file())));
                err.println(messages.get(damaged.get().usableAsItIs() ? "damage.cli-window.foreign" : "damage.cli-window"));
                return FAILED;
            }
            // A message may have a variant for the command line ("run the command again", not "in the window").
            String variant = "cli." + e.reason().messageKey();
            err.println(messages.has(variant) ? messages.format(variant, Failures.detail(e, messages))
                    : Failures.describe(e, messages, UnaryOperator.identity()));
            return e.reason() == StoreException.Reason.INVALID_BACKUP || e.reason() == StoreException.Reason.DAMAGED_BACKUP
                    ? BAD_INPUT : FAILED;
        }
    }

    /** Prints what was wrong and the usage; returns the exit code for bad input. */
    public int usageError(LaunchOptions.UsageException e) {
        err.println(messages.format(e.messageKey(), e.args()));
        err.println();
        err.println(messages.get("cli.usage"));
        return BAD_INPUT;
    }

    /** One CLI command; its options were checked when it was built. It opens the data folder if it needs to. */
    interface Command {
        int run(Path dataFolder, Messages messages, PrintStream out);
    }
}
