package ma.etamkeen.rihla.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A study visit: the programme, the dates, the delegation. */
public record Visit(
        UUID id,
        String code,
        Localized title,
        String programme,
        LocalDate startsOn,
        LocalDate endsOn,
        int delegationSize,
        int administrationCount,
        Localized description,
        List<String> sources) {

    public Visit {
        sources = List.copyOf(sources);
    }
}
