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
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.Workspace;

/**
 * {@code visits [--json]}: the visits, the earliest first; JSON objects carry {@code code}, {@code titles}
 * {ar, fr, en}, {@code startsOn}, {@code endsOn} (ISO dates or null) and {@code sites} (how many).
 */
final class VisitsCommand implements Cli.Command {
    private final boolean json;

    VisitsCommand(List<String> arguments) throws LaunchOptions.UsageException {
        boolean asJson = false;
        for (String argument : arguments) {
            if (argument.equals("--json")) {
                asJson = true;
            } else {
                throw new LaunchOptions.UsageException("cli.error.unknown-option", argument);
            }
        }
        this.json = asJson;
    }

    @Override
    public int run(Path dataFolder, Messages messages, PrintStream out) {
        List<Visit> visits;
        Map<UUID, Integer> siteCounts = new HashMap<>();
        try (Workspace workspace = Workspace.open(dataFolder)) {
            visits = workspace.catalog().visits();
            for (Site site : workspace.catalog().sites()) {
                siteCounts.merge(site.visitId(), 1, Integer::sum);
            }
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Visit visit : visits) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", visit.code());
                row.put("titles", SitesCommand.texts(visit.title()));
                row.put("startsOn", visit.startsOn() == null ? null : visit.startsOn().toString());
                row.put("endsOn", visit.endsOn() == null ? null : visit.endsOn().toString());
                row.put("sites", siteCounts.getOrDefault(visit.id(), 0));
                rows.add(row);
            }
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (Visit visit : visits) {
                out.printf("%s  %s (%s – %s) · %s%n", visit.code(), visit.title().in(messages.language()),
                        visit.startsOn() == null ? "?" : visit.startsOn(), visit.endsOn() == null ? "?" : visit.endsOn(),
                        messages.format("cli.sites.count", siteCounts.getOrDefault(visit.id(), 0)));
            }
        }
        return Cli.OK;
    }
}
