package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.text.Graphemes;
import ma.etamkeen.rihla.text.FileNames;

/**
 * {@code import FILE [--dry-run] [--on-conflict keep-both|mine|theirs] [--allow-deletions N]}: prints what the
 * package would change (per kind, per site, each conflict), then imports it unless it is a dry run. Conflicts
 * keep both versions unless told otherwise: nobody's work is overwritten without being asked. Deletions go to
 * the trash; when they are many ({@link ImportPlan#deletionsNeedConfirming}) they are listed and the import
 * is refused ({@code cli.import.allow-deletions}) unless {@code --allow-deletions} names at least their number.
 */
final class ImportCommand implements Cli.Command {
    private final Path file;
    private final boolean dryRun;
    private final Resolution onConflict;
    private final int allowedDeletions;

    ImportCommand(List<String> arguments) throws LaunchOptions.UsageException {
        Path source = null;
        boolean dry = false;
        Resolution resolution = Resolution.BOTH;
        int allowed = 0;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--dry-run")) {
                dry = true;
            } else if (argument.equals("--allow-deletions")) {
                String count = LaunchOptions.valueOf(arguments, ++i, argument);
                if (!count.matches("\\d{1,9}")) {
                    throw new LaunchOptions.UsageException("cli.error.bad-count", argument, count);
                }
                allowed = Integer.parseInt(count);
            } else if (argument.equals("--on-conflict")) {
                resolution = resolution(LaunchOptions.valueOf(arguments, ++i, argument));
            } else if (argument.startsWith("--") || source != null) {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            } else {
                source = LaunchOptions.path(argument);
            }
        }
        if (source == null) {
            throw new LaunchOptions.UsageException("cli.error.missing-file", "import");
        }
        this.file = source;
        this.dryRun = dry;
        this.onConflict = resolution;
        this.allowedDeletions = allowed;
    }

    /** Reads {@code --on-conflict}'s value; shared with {@code sync}. */
    static Resolution resolution(String value) throws LaunchOptions.UsageException {
        return switch (value) {
            case "keep-both" -> Resolution.BOTH;
            case "mine" -> Resolution.MINE;
            case "theirs" -> Resolution.THEIRS;
            default -> throw new LaunchOptions.UsageException("cli.error.bad-on-conflict", value);
        };
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        try (Workspace workspace = Workspace.open(dataFolder);
             ExchangePackage pkg = workspace.exchange().read(file)) {
            ImportPlan plan = workspace.exchange().plan(pkg);
            printPreview(plan, workspace, messages, out);
            if (dryRun) {
                out.println(messages.get("cli.import.dry-run"));
                return Cli.OK;
            }
            Map<UUID, Resolution> choices = new HashMap<>();
            plan.conflicts().forEach(conflict -> choices.put(conflict.id(), onConflict));
            int deletions = plan.deletions(choices).size();
            if (plan.deletionsNeedConfirming(choices) && allowedDeletions < deletions) {
                out.println();
                plan.deletionLines(choices, messages).forEach(line -> out.println("  " + line));
                throw new RejectedInput("cli.import.allow-deletions", deletions);
            }
            ExchangeService.Imported imported = workspace.exchange().apply(pkg, plan, choices, allowedDeletions,
                    ExchangeService.Progress.NONE, () -> false);
            out.println(imported.describe(messages));
        }
        return Cli.OK;
    }

    private void printPreview(ImportPlan plan, Workspace workspace, Messages messages, PrintStream out) {
        ExchangePackage.Manifest manifest = plan.manifest();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.language().locale()).withZone(ZoneId.systemDefault());
        out.println(messages.format(manifest.exportedAt() == null ? "exchange.from.undated" : "exchange.from",
                FileNames.clean(String.valueOf(file.getFileName())), manifest.exportedBy(),
                manifest.exportedAt() == null ? "" : when.format(manifest.exportedAt()), plan.steps().size()));
        plan.senderWarning(messages).ifPresent(warning -> out.println("⚠ " + warning));
        out.println();
        String row = "%-22s %8s %8s %8s %8s %8s%n";
        out.printf(row, "", messages.get("exchange.count.new"), messages.get("exchange.count.updated"),
                messages.get("exchange.count.unchanged"), messages.get("exchange.count.conflicts"),
                messages.get("exchange.count.deletions"));
        plan.byKindKey().forEach((kind, counts) -> printCounts(out, row, messages.get(kind), counts));
        printCounts(out, row, messages.get("exchange.total"), plan.total());
        Map<UUID, Site> sites = new HashMap<>();
        workspace.catalog().sites().forEach(site -> sites.put(site.id(), site));
        out.println();
        out.println(messages.get("exchange.by-site"));
        for (Map.Entry<UUID, ImportPlan.Counts> site : plan.bySite().entrySet()) {
            if (site.getKey() != null && site.getValue().changesAnything()) {
                printCounts(out, row, plan.siteName(site.getKey(), sites, messages.language()), site.getValue());
            }
        }
        // Changes to entries the sender did not write, each with who wrote it here: the window lists them first.
        List<ImportPlan.Change> flagged = plan.changes().stream().filter(ImportPlan.Change::flagged).toList();
        if (!flagged.isEmpty()) {
            out.println();
            out.println(messages.format("exchange.changes.flagged", flagged.size(), manifest.exportedBy()));
            flagged.stream().limit(FLAGGED_SHOWN).forEach(change -> out.println("  " + messages.get(change.whatKey()) + " · "
                    + messages.format("exchange.change.entry", messages.get(change.kindKey()), change.headline()) + " · ⚠ "
                    + messages.format(change.flagKey(), change.author(), manifest.exportedBy())));
            if (flagged.size() > FLAGGED_SHOWN) {
                out.println("  " + messages.format("exchange.deletion.more", flagged.size() - FLAGGED_SHOWN));
            }
        }
        List<ImportPlan.Conflict> conflicts = plan.conflicts();
        if (!conflicts.isEmpty()) {
            out.println();
            out.println(messages.get("exchange.conflicts.title"));
            for (ImportPlan.Conflict conflict : conflicts) {
                out.println("  " + messages.format("exchange.conflict.line", messages.get(conflict.kindKey()),
                        conflict.mineVersion().title(messages.language()),
                        conflict.theirsVersion().title(messages.language())));
                List<String> fields = conflict.differingFields().stream()
                        .map(field -> Failures.fieldLabel(field, messages)).toList();
                if (!fields.isEmpty()) {
                    out.println("    " + messages.format("exchange.conflict.fields", messages.list(fields)));
                }
            }
        }
    }

    /** The most flagged changes listed one by one on the command line; the count says the rest. */
    private static final int FLAGGED_SHOWN = 50;

    private static void printCounts(PrintStream out, String row, String label, ImportPlan.Counts counts) {
        out.printf(row, Graphemes.shorten(label, 22), counts.added(), counts.updated(),
                counts.unchanged(), counts.conflicts(), counts.deletions());
    }
}
