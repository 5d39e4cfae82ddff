package ma.etamkeen.rihla.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A study visit: the programme, where and when, the delegation.
 *
 * @param code                 stable identifier ({@code belgium-2022}): the CLI, the CSV of a visit and packages use it
 * @param administrationCount  how many beneficiary administrations the programme serves
 * @param sources              addresses the facts come from, one per line
 */
public record Visit(
        UUID id,
        String code,
        Localized title,
        String programme,
        Localized country,
        Localized cities,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer delegationSize,
        Integer administrationCount,
        Localized description,
        List<String> sources) {

    public Visit {
        sources = List.copyOf(sources);
    }
}
