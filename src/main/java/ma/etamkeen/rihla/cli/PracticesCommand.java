package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.PracticeLabels;
import ma.etamkeen.rihla.service.PracticeSpreadsheet;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code practices [--visit CODE] [--theme CODE]... [--kind lesson|idea] [--status CODE]... [--target ACRONYM]...
 * [--site SLUG]... [--xlsx FILE]}: the lessons learned and ideas for transfer the filter lets through, as the
 * practices table shows them (newest first), printed or written as a spreadsheet ({@link PracticeSpreadsheet}).
 * Within an option any value given will do; across options all must hold. An unknown value exits 2 naming the
 * known ones ({@code cli.error.unknown-value}).
 */
final class PracticesCommand implements Cli.Command {
    private static final Map<String, Facet> OPTIONS = Map.of("--visit", Facet.VISIT, "--theme", Facet.THEME,
            "--kind", Facet.KIND, "--status", Facet.STATUS, "--target", Facet.TARGET, "--site", Facet.SITE);

    private final Map<Facet, Set<String>> given = new EnumMap<>(Facet.class);
    private final Path xlsx;

    PracticesCommand(List<String> arguments) throws LaunchOptions.UsageException {
        Path out = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--xlsx")) {
                out = Path.of(LaunchOptions.valueOf(arguments, ++i, argument));
            } else if (OPTIONS.containsKey(argument)) {
                given.computeIfAbsent(OPTIONS.get(argument), facet -> new LinkedHashSet<>())
                        .add(LaunchOptions.valueOf(arguments, ++i, argument));
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        this.xlsx = out;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        List<PracticeLabels.Row> rows;
        try (Workspace workspace = Workspace.open(dataFolder)) {
            PracticeFilter filter = new PracticeFilter(keys(workspace), false);
            PracticeLabels labels = PracticeLabels.of(workspace, messages.language(), messages);
            rows = workspace.practices().filter(filter).matching().stream().map(labels::row)
                    .sorted(java.util.Comparator.comparing(PracticeLabels.Row::date,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                    .toList();
        }
        if (xlsx != null) {
            PracticeSpreadsheet.write(rows, xlsx, messages);
            out.println(messages.format("practices.exported", rows.size(), xlsx));
            return Cli.OK;
        }
        for (PracticeLabels.Row row : rows) {
            out.println(java.util.stream.Stream.of(row.kind(), row.title(), row.site(), row.status())
                    .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining(" · ")));
        }
        out.println(messages.format("cli.practices.count", rows.size()));
        return Cli.OK;
    }

    /** The values given, as the filter keys them (ids for visits, sites and targets); unknown ones refused. */
    private Map<Facet, Set<String>> keys(Workspace workspace) {
        Map<Facet, Set<String>> keys = new EnumMap<>(Facet.class);
        given.forEach((facet, values) -> {
            Map<String, String> known = switch (facet) {
                case VISIT -> known(workspace.catalog().visits(), Visit::code, visit -> visit.id().toString());
                case THEME -> known(workspace.catalog().themes(), Theme::code, Theme::code);
                case SITE -> known(workspace.catalog().sites(), Site::slug, site -> site.id().toString());
                case TARGET -> known(workspace.people().administrations().stream()
                        .filter(a -> a.acronym() != null && !a.acronym().isBlank()).toList(), Administration::acronym,
                        a -> a.id().toString());
                case KIND -> Map.of(EntryKind.LESSON.code(), EntryKind.LESSON.code(), EntryKind.IDEA.code(),
                        EntryKind.IDEA.code());
                case STATUS -> known(List.of(Idea.Status.values()), Idea.Status::code, Idea.Status::code);
                default -> Map.of();
            };
            Set<String> chosen = new LinkedHashSet<>();
            for (String value : values) {
                String key = known.get(value);
                if (key == null) {
                    throw new RejectedInput("cli.error.unknown-value", value, option(facet),
                            String.join(", ", new java.util.TreeSet<>(known.keySet())));
                }
                chosen.add(key);
            }
            keys.put(facet, chosen);
        });
        return keys;
    }

    private static String option(Facet facet) {
        return OPTIONS.entrySet().stream().filter(entry -> entry.getValue() == facet).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static <T> Map<String, String> known(List<T> items, Function<T, String> name, Function<T, String> key) {
        Map<String, String> known = new java.util.HashMap<>();
        items.forEach(item -> known.put(name.apply(item), key.apply(item)));
        return known;
    }
}
