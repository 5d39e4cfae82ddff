package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A site or body met during the visit.
 *
 * @param slug          stable identifier ({@code port-of-antwerp-bruges}), unique across visits
 * @param toConfirm     the fields whose value is not verified yet (see {@link Field})
 * @param confirmations who confirmed which field, and when
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
        Set<Field> toConfirm,
        Map<Field, Confirmation> confirmations) {

    /** Fields of a site that may be marked "to be confirmed". */
    public enum Field { NAME, CITY, LEVEL, ADDRESS, WEBSITE }

    public Site {
        themes = List.copyOf(themes);
        facts = List.copyOf(facts);
        toConfirm = Set.copyOf(toConfirm);
        confirmations = Map.copyOf(confirmations);
    }

    public boolean isToConfirm(Field field) {
        return toConfirm.contains(field);
    }

    /** The theme codes of the site. */
    public Set<String> themeCodes() {
        return themes.stream().map(Theme::code).collect(Collectors.toSet());
    }

    /** The fields to confirm as stored: names in order, comma-separated ({@code CITY,LEVEL}). */
    public static String encode(Collection<Field> fields) {
        return fields.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static Set<Field> decodeFields(String encoded) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        if (encoded != null && !encoded.isBlank()) {
            Arrays.stream(encoded.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                    .map(Field::valueOf).forEach(fields::add);
        }
        return fields;
    }

    /**
     * The confirmations as stored: one line per field, {@code FIELD<tab>instant<tab>who} (the name last, so it
     * may hold anything but a line break), in field order; null when there are none.
     */
    public static String encode(Map<Field, Confirmation> confirmations) {
        if (confirmations.isEmpty()) {
            return null;
        }
        return new EnumMap<>(confirmations).entrySet().stream().map(entry -> entry.getKey().name() + "\t"
                + entry.getValue().at() + "\t" + entry.getValue().by().replaceAll("[\\r\\n\\t]", " "))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The confirmations as {@link #encode(Map)} writes them.
     *
     * @throws IllegalArgumentException for a line that is not {@code FIELD<tab>instant<tab>who} with a known field
     *                                  and an ISO-8601 instant (a text changed outside Rihla)
     */
    public static Map<Field, Confirmation> decodeConfirmations(String encoded) {
        Map<Field, Confirmation> confirmations = new EnumMap<>(Field.class);
        if (encoded != null && !encoded.isEmpty()) {
            for (String line : encoded.split("\n", -1)) {
                String[] parts = line.split("\t", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("not a confirmation: " + line);
                }
                try {
                    confirmations.put(Field.valueOf(parts[0]), new Confirmation(parts[2], Instant.parse(parts[1])));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("not a confirmation: " + line, e);
                }
            }
        }
        return confirmations;
    }

    /** Whether {@code encoded} reads as fields to confirm ({@link #decodeFields}): names of {@link Field}s. */
    public static boolean validFields(String encoded) {
        return parses(() -> decodeFields(encoded));
    }

    /** Whether {@code encoded} reads as confirmations ({@link #decodeConfirmations}). */
    public static boolean validConfirmations(String encoded) {
        return parses(() -> decodeConfirmations(encoded));
    }

    private static boolean parses(Runnable decode) {
        try {
            decode.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
