package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SyncService;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code sync [--hub FOLDER|postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE] [--on-conflict keep-both|mine|theirs]}:
 * syncs with the hub given, or the one of the sync settings, and prints what was sent and received and the
 * conflicts that wait. A server's password, when the address leaves it out, is the one the settings keep for
 * that hub, else {@code PGPASSWORD} (as libpq reads it). Exits 0, or {@link Cli#CONFLICTS} while conflicts wait
 * (settled later in the window, or by running again with {@code --on-conflict}).
 */
final class SyncCommand implements Cli.Command {
    private final String hub;
    private final Resolution onConflict;

    SyncCommand(List<String> arguments) throws LaunchOptions.UsageException {
        String address = null;
        Resolution choice = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--hub")) {
                address = LaunchOptions.valueOf(arguments, ++i, argument);
            } else if (argument.equals("--on-conflict")) {
                choice = ImportCommand.resolution(LaunchOptions.valueOf(arguments, ++i, argument));
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        this.hub = address;
        this.onConflict = choice;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder)) {
            SyncService sync = workspace.sync();
            HubAddress address = address(sync);
            Resolution choice = onConflict;
            Function<ImportPlan.Conflict, Resolution> settle = choice == null ? null : conflict -> choice;
            SyncService.Synced synced = sync.sync(address, settle);
            out.println(synced.describe(messages));
            List<ImportPlan.Conflict> waiting = sync.conflicts();
            for (ImportPlan.Conflict conflict : waiting) {
                out.println(messages.format("cli.sync.conflict", messages.get(conflict.kindKey()), conflict.mine().headline(),
                        conflict.mine().text("updated_by"), conflict.theirs().text("updated_by")));
            }
            return waiting.isEmpty() ? Cli.OK : Cli.CONFLICTS;
        }
    }

    private HubAddress address(SyncService sync) {
        if (hub == null) {
            return sync.hub().orElseThrow(() -> new RejectedInput("sync.no-hub"));
        }
        HubAddress given = HubAddress.parse(hub);
        if (given.isFolder() || given.password() != null) {
            return given;
        }
        return sync.hub().filter(kept -> kept.text().equals(given.text()) && kept.password() != null)
                .orElseGet(() -> given.withPassword(System.getenv("PGPASSWORD")));
    }
}
