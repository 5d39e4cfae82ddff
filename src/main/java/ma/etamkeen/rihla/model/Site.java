package ma.etamkeen.rihla.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A site or body met during the visit.
 *
 * @param toConfirm the fields whose value is not verified yet (see {@link Field})
 */
public record Site(
        UUID id,
        UUID visitId,
        String slug,
        Localized name,
        String originalName,
        Localized type,
        GovernmentLevel level,
        Localized levelDetail,
        Localized city,
        String address,
        String website,
        Localized summary,
        List<Theme> themes,
        List<SiteFact> facts,
        Set<Field> toConfirm) {

    /** Fields of a site that may be marked "to be confirmed". */
    public enum Field { NAME, CITY, LEVEL, ADDRESS, WEBSITE }

    public Site {
        themes = List.copyOf(themes);
        facts = List.copyOf(facts);
        toConfirm = Set.copyOf(toConfirm);
    }

    public boolean isToConfirm(Field field) {
        return toConfirm.contains(field);
    }
}
