package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;

/**
 * The practices a filter lets through, and how many each facet value would give: for a value of a facet,
 * the count is of the practices passing the other facets and having that value (so counts answer "what if
 * I tick this too"). Values that give nothing still count, as zero.
 */
public record Facets(List<Practice> matching, Map<Facet, Map<String, Integer>> counts) {

    /** The facet keys of a practice; site-level facets come from its site. */
    record Keys(Map<UUID, Site> sites) {
        Set<String> of(Practice practice, Facet facet) {
            Site site = sites.get(practice.siteId());
            return switch (facet) {
                case THEME -> practice.themes();
                case CITY -> site == null ? Set.of(PracticeFilter.NONE) : Set.of(site.city().in(Language.EN));
                case SITE -> Set.of(practice.siteId().toString());
                case LEVEL -> site == null ? Set.of(PracticeFilter.NONE) : Set.of(site.level().code());
                case TARGET -> practice.targets().isEmpty() ? Set.of(PracticeFilter.NONE)
                        : strings(practice.targets());
                case STATUS -> practice.status() == null ? Set.of(PracticeFilter.NONE) : Set.of(practice.status().code());
                case AUTHOR -> practice.authorId() == null ? Set.of(PracticeFilter.NONE)
                        : Set.of(practice.authorId().toString());
                case KIND -> Set.of(practice.kind().code());
            };
        }

        private static Set<String> strings(Set<UUID> ids) {
            Set<String> keys = new HashSet<>();
            ids.forEach(id -> keys.add(id.toString()));
            return keys;
        }
    }

    /** Filters {@code practices} and counts every facet value. */
    public static Facets of(List<Practice> practices, List<Site> sites, PracticeFilter filter) {
        Map<UUID, Site> bySite = new HashMap<>();
        sites.forEach(site -> bySite.put(site.id(), site));
        Keys keys = new Keys(bySite);
        Map<Facet, Map<String, Integer>> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, new HashMap<>());
        }
        List<Practice> matching = new ArrayList<>();
        for (Practice practice : practices) {
            if (filter.accepts(practice, keys, null)) {
                matching.add(practice);
            }
            for (Facet facet : Facet.values()) {
                // Counted as if this facet were open: all the other facets must pass.
                boolean passesOthers = filter.accepts(practice, keys, facet);
                Map<String, Integer> facetCounts = counts.get(facet);
                for (String key : keys.of(practice, facet)) {
                    facetCounts.merge(key, 0, Integer::sum);  // known, even if zero
                    if (passesOthers) {
                        boolean passesOwn = facet != Facet.THEME || !filter.allThemes()
                                || practice.themes().containsAll(filter.chosen(Facet.THEME));
                        if (passesOwn) {
                            facetCounts.merge(key, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return new Facets(matching, counts);
    }
}
