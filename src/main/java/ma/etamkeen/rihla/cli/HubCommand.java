package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code hub init postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE}: prepares an empty PostgreSQL database as a
 * sync hub (a folder hub needs no preparing). The password, when the address leaves it out, is {@code PGPASSWORD}.
 */
final class HubCommand implements Cli.Command {
    private final String address;

    HubCommand(List<String> arguments) throws LaunchOptions.UsageException {
        if (arguments.size() != 2 || !arguments.get(0).equals("init")) {
            throw new LaunchOptions.UsageException("cli.error.hub-usage");
        }
        this.address = arguments.get(1);
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        HubAddress hub = HubAddress.parse(address);
        if (!hub.isFolder() && hub.password() == null && System.getenv("PGPASSWORD") != null) {
            hub = hub.withPassword(System.getenv("PGPASSWORD"));
        }
        try (Workspace workspace = Workspace.open(dataFolder)) {
            String version = workspace.sync().prepare(hub);
            out.println(messages.format("cli.hub.ready", hub.text(), version));
        }
        return Cli.OK;
    }
}
