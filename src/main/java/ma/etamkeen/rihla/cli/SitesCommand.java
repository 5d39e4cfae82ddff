package ma.etamkeen.rihla.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code sites [--visit CODE] [--json]}: the sites of one visit, or of every visit; each JSON object names its
 * visit ({@code visit}, its code). An unknown visit code exits 2 naming the known ones.
 */
final class SitesCommand implements Cli.Command {
    private final boolean json;
    private final String visit;

    SitesCommand(List<String> arguments) throws LaunchOptions.UsageException {
        boolean asJson = false;
        String visitCode = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--json")) {
                asJson = true;
            } else if (argument.equals("--visit")) {
                visitCode = LaunchOptions.valueOf(arguments, ++i, argument);
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        this.json = asJson;
        this.visit = visitCode;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        List<Site> sites;
        Map<UUID, String> visitCodes = new HashMap<>();
        try (Workspace workspace = Workspace.open(dataFolder)) {
            List<Visit> visits = workspace.catalog().visits();
            visits.forEach(v -> visitCodes.put(v.id(), v.code()));
            if (visit == null) {
                sites = workspace.catalog().sites();
            } else {
                Visit chosen = visits.stream().filter(v -> v.code().equals(visit)).findFirst()
                        .orElseThrow(() -> new RejectedInput("cli.error.unknown-visit", visit,
                                String.join(", ", visits.stream().map(Visit::code).toList())));
                sites = workspace.catalog().sites(chosen.id());
            }
        }
        if (json) {
            out.println(toJson(sites, visitCodes));
        } else {
            printTable(sites, messages, out);
        }
        return Cli.OK;
    }

    private static void printTable(List<Site> sites, Messages messages, PrintStream out) {
        Language language = messages.language();
        int slugWidth = sites.stream().mapToInt(site -> site.slug().length()).max().orElse(4);
        for (Site site : sites) {
            String themes = messages.list(site.themes().stream().map(theme -> theme.label().in(language)).toList());
            out.printf("%-" + slugWidth + "s  %s — %s%n", site.slug(), site.name().in(language),
                    messages.list(List.of(site.city().in(language), messages.get(site.level().messageKey()))));
            if (!themes.isEmpty()) {
                out.printf("%-" + slugWidth + "s  %s%n", "", themes);
            }
        }
        out.println(messages.format("cli.sites.count", sites.size()));
    }

    static String toJson(List<Site> sites, Map<UUID, String> visitCodes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Site site : sites) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slug", site.slug());
            row.put("visit", visitCodes.get(site.visitId()));
            Map<String, Object> names = texts(site.name());
            names.put("original", site.originalName());
            row.put("names", names);
            row.put("type", texts(site.type()));
            row.put("city", site.city().in(Language.EN));
            row.put("cityNames", texts(site.city()));
            row.put("level", site.level().code());
            row.put("levelDetail", texts(site.levelDetail()));
            row.put("address", site.address());
            row.put("website", site.website());
            row.put("themes", site.themes().stream().map(Theme::code).toList());
            row.put("toConfirm", site.toConfirm().stream().map(field -> field.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
            rows.add(row);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> texts(Localized text) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ar", text.ar());
        map.put("fr", text.fr());
        map.put("en", text.en());
        return map;
    }
}
