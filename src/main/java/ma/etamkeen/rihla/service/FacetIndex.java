package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;

/**
 * The facet values of every practice, worked out once and numbered, so that filtering and counting (on
 * every click in the practices view) is a pass over small integer arrays, not over sets of strings.
 */
final class FacetIndex {
    private static final Facet[] FACETS = Facet.values();

    private final List<Practice> practices;
    /** keys[practice][facet]: the numbers of the practice's values for that facet. */
    private final int[][][] keys;
    private final List<String> names = new ArrayList<>();
    private final List<Facet> facetOf = new ArrayList<>();
    private final Map<Facet, Map<String, Integer>> numbers = new EnumMap<>(Facet.class);

    private FacetIndex(List<Practice> practices, List<Site> sites) {
        this.practices = List.copyOf(practices);
        Map<UUID, Site> bySite = new HashMap<>();
        sites.forEach(site -> bySite.put(site.id(), site));
        for (Facet facet : FACETS) {
            numbers.put(facet, new HashMap<>());
        }
        keys = new int[this.practices.size()][][];
        for (int p = 0; p < keys.length; p++) {
            Practice practice = this.practices.get(p);
            keys[p] = new int[FACETS.length][];
            for (Facet facet : FACETS) {
                Set<String> values = valuesOf(practice, facet, bySite.get(practice.siteId()));
                int[] ids = new int[values.size()];
                int i = 0;
                for (String value : values) {
                    ids[i++] = number(facet, value);
                }
                keys[p][facet.ordinal()] = ids;
            }
        }
    }

    static FacetIndex of(List<Practice> practices, List<Site> sites) {
        return new FacetIndex(practices, sites);
    }

    List<Practice> practices() {
        return practices;
    }

    /** The facet values of a practice; site-level facets come from its site. */
    private static Set<String> valuesOf(Practice practice, Facet facet, Site site) {
        return switch (facet) {
            case VISIT -> site == null ? Set.of(PracticeFilter.NONE) : Set.of(site.visitId().toString());
            case THEME -> practice.themes();
            case CITY -> site == null ? Set.of(PracticeFilter.NONE) : Set.of(site.city().in(Language.EN));
            case SITE -> Set.of(practice.siteId().toString());
            case LEVEL -> site == null ? Set.of(PracticeFilter.NONE) : Set.of(site.level().code());
            case TARGET -> practice.targets().isEmpty() ? Set.of(PracticeFilter.NONE)
                    : Set.copyOf(practice.targets().stream().map(UUID::toString).toList());
            case STATUS -> practice.status() == null ? Set.of(PracticeFilter.NONE) : Set.of(practice.status().code());
            case AUTHOR -> practice.authorId() == null ? Set.of(PracticeFilter.NONE) : Set.of(practice.authorId().toString());
            case KIND -> Set.of(practice.kind().code());
        };
    }

    private int number(Facet facet, String value) {
        return numbers.get(facet).computeIfAbsent(value, v -> {
            names.add(v);
            facetOf.add(facet);
            return names.size() - 1;
        });
    }

    /**
     * The practices {@code filter} lets through and, for each facet value, how many practices it would
     * give: those passing every other facet and having that value (so counts answer "what if I tick this
     * too"). Values some practice has but none would give still count, as zero.
     */
    Facets count(PracticeFilter filter) {
        boolean[] wanted = new boolean[names.size()];
        int[] chosenCount = new int[FACETS.length];
        for (Facet facet : FACETS) {
            for (String value : filter.chosen(facet)) {
                Integer number = numbers.get(facet).get(value);
                chosenCount[facet.ordinal()]++;
                if (number != null) {
                    wanted[number] = true;
                }
            }
        }
        boolean allThemes = filter.allThemes();
        int[] counts = new int[names.size()];
        boolean[] passes = new boolean[FACETS.length];
        List<Practice> matching = new ArrayList<>();
        for (int p = 0; p < keys.length; p++) {
            int failing = 0;
            for (int f = 0; f < FACETS.length; f++) {
                passes[f] = passes(keys[p][f], wanted, chosenCount[f], allThemes && f == Facet.THEME.ordinal());
                if (!passes[f]) {
                    failing++;
                }
            }
            if (failing == 0) {
                matching.add(practices.get(p));
            }
            for (int f = 0; f < FACETS.length; f++) {
                boolean passesOthers = failing == 0 || failing == 1 && !passes[f];
                // Ticking one more theme when all themes are needed can only narrow: the own test stays.
                boolean passesOwn = f != Facet.THEME.ordinal() || !allThemes || passes[f];
                if (passesOthers && passesOwn) {
                    for (int key : keys[p][f]) {
                        counts[key]++;
                    }
                }
            }
        }
        Map<Facet, Map<String, Integer>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : FACETS) {
            byFacet.put(facet, new HashMap<>());
        }
        for (int key = 0; key < names.size(); key++) {
            byFacet.get(facetOf.get(key)).put(names.get(key), counts[key]);
        }
        return new Facets(matching, byFacet);
    }

    /** Any chosen value will do; or, for themes when asked, every chosen value must be there. */
    private static boolean passes(int[] keys, boolean[] wanted, int chosen, boolean all) {
        if (chosen == 0) {
            return true;
        }
        int found = 0;
        for (int key : keys) {
            if (wanted[key]) {
                found++;
            }
        }
        return all ? found == chosen : found > 0;
    }
}
