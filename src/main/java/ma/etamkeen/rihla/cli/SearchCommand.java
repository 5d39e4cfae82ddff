package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SearchService;
import ma.etamkeen.rihla.service.SearchService.Hit;
import ma.etamkeen.rihla.service.SearchService.Results;
import ma.etamkeen.rihla.service.Workspace;

/** {@code search QUERY [--theme CODE]... [--json]}: the same results as the search field, best first by kind. */
final class SearchCommand implements Cli.Command {
    private final String query;
    private final Set<String> themes = new LinkedHashSet<>();
    private final boolean json;

    SearchCommand(List<String> arguments) throws LaunchOptions.UsageException {
        List<String> words = new ArrayList<>();
        boolean asJson = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--json")) {
                asJson = true;
            } else if (argument.equals("--theme")) {
                if (i + 1 >= arguments.size()) {
                    throw new LaunchOptions.UsageException("cli.error.missing-value", argument);
                }
                themes.add(arguments.get(++i));
            } else if (argument.startsWith("--")) {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            } else {
                words.add(argument);
            }
        }
        this.query = String.join(" ", words).strip();
        if (query.isEmpty()) {
            throw new LaunchOptions.UsageException("cli.error.missing-query", "search");
        }
        this.json = asJson;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        Results results;
        try (Workspace workspace = Workspace.open(dataFolder)) {
            List<String> known = workspace.catalog().themes().stream().map(Theme::code).toList();
            for (String theme : themes) {
                if (!known.contains(theme)) {
                    throw new RejectedInput("cli.error.unknown-theme", theme, String.join(", ", known));
                }
            }
            workspace.search().awaitReady();
            results = workspace.search().search(query, themes, Set.of(), messages.language(), SearchService.LIMIT);
        }
        if (json) {
            out.println(toJson(results));
        } else {
            print(results, messages, out);
        }
        return Cli.OK;
    }

    private static void print(Results results, Messages messages, PrintStream out) {
        for (SearchKind kind : SearchService.GROUP_ORDER) {
            List<Hit> hits = results.groups().getOrDefault(kind, List.of());
            if (hits.isEmpty()) {
                continue;
            }
            out.println(messages.format("search.group." + kind.code(), hits.size()));
            for (Hit hit : hits) {
                out.println("  " + hit.title().text() + "  [" + hit.siteSlug() + "]");
                String snippet = hit.snippet().text();
                if (!snippet.isBlank() && !snippet.equals(hit.title().text())) {
                    out.println("      " + snippet);
                }
            }
        }
        out.println(results.total() > results.shown()
                ? messages.format("search.summary.best", results.shown(), results.total(), results.query())
                : messages.format("search.summary", results.total(), results.query()));
    }

    static String toJson(Results results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Hit hit : results.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", hit.kind().code());
            row.put("id", hit.id().toString());
            row.put("site", hit.siteSlug());
            row.put("title", hit.title().text());
            row.put("snippet", hit.snippet().text());
            rows.add(row);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
