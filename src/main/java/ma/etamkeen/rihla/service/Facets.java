package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.Map;

import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;

/**
 * The practices a filter lets through, and how many each facet value would give: for a value of a facet,
 * the count is of the practices passing the other facets and having that value (so counts answer "what if
 * I tick this too"). Values that give nothing still count, as zero.
 */
public record Facets(List<Practice> matching, Map<Facet, Map<String, Integer>> counts) {

    /** Filters {@code practices} and counts every facet value. */
    public static Facets of(List<Practice> practices, List<Site> sites, PracticeFilter filter) {
        return FacetIndex.of(practices, sites).count(filter);
    }
}
