package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code brief SLUG --out FILE.pdf} and {@code briefs --out DIR}: one site's one-page brief, or every site's,
 * in the language of the command line, with every section.
 */
final class BriefCommand implements Cli.Command {
    private final boolean all;
    private final String slug;
    private final Path out;

    BriefCommand(boolean all, List<String> arguments) throws LaunchOptions.UsageException {
        String command = all ? "briefs" : "brief";
        String site = null;
        Path target = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--out")) {
                target = LaunchOptions.path(LaunchOptions.valueOf(arguments, ++i, argument));
            } else if (argument.startsWith("--")) {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            } else if (!all && site == null) {
                site = argument;
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        if (!all && site == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-site", command);
        }
        if (target == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-value", "--out");
        }
        this.all = all;
        this.slug = site;
        this.out = target;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        BriefOptions options = BriefOptions.all(messages.language());
        try (Workspace workspace = Workspace.open(dataFolder)) {
            if (all) {
                int written = workspace.briefs().writeAll(this.out, options, (done, total) -> { }, () -> false).size();
                out.println(messages.format("briefs.done", written, this.out.toAbsolutePath()));
            } else {
                Site site = workspace.briefs().site(slug);
                workspace.briefs().write(workspace.briefs().render(site.id(), options).pdf(), this.out);
                out.println(messages.format("cli.brief.written", site.name().in(messages.language()),
                        this.out.toAbsolutePath()));
            }
        }
        return Cli.OK;
    }
}
