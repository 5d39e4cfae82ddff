package ma.etamkeen.rihla.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ma.etamkeen.rihla.model.Practice;

/**
 * The facets chosen in the practices view: within a facet, any chosen value will do (themes may ask for all
 * of them instead); across facets, all must hold.
 */
public record PracticeFilter(Map<Facet, Set<String>> chosen, boolean allThemes) {

    /** The facets, each with the keys its values go by (codes, ids, English city names). */
    public enum Facet { VISIT, THEME, CITY, SITE, LEVEL, TARGET, STATUS, AUTHOR, KIND }

    /** Facet values with nothing to go by: a practice without author, an idea without target. */
    public static final String NONE = "-";

    public PracticeFilter {
        Map<Facet, Set<String>> copy = new LinkedHashMap<>();
        chosen.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                copy.put(facet, Set.copyOf(values));
            }
        });
        chosen = Map.copyOf(copy);
    }

    public static PracticeFilter none() {
        return new PracticeFilter(Map.of(), false);
    }

    public Set<String> chosen(Facet facet) {
        return chosen.getOrDefault(facet, Set.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return chosen.isEmpty();
    }

    /** The filter with {@code value} of {@code facet} chosen, or no longer chosen. */
    public PracticeFilter toggle(Facet facet, String value) {
        Map<Facet, Set<String>> next = new LinkedHashMap<>(chosen);
        Set<String> values = new java.util.HashSet<>(chosen(facet));
        if (!values.remove(value)) {
            values.add(value);
        }
        next.put(facet, values);
        return new PracticeFilter(next, allThemes);
    }

    public PracticeFilter withAllThemes(boolean all) {
        return new PracticeFilter(chosen, all);
    }
}
