package ma.etamkeen.rihla.ui.practices;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.Facets;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.Navigator;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * Every lesson learned and idea for transfer of every site in one table, narrowed by facets whose counts
 * follow the filter. Labels are made off the JavaFX thread with the rows, in the UI language.
 */
public final class PracticesViewModel {

    /** A row of the table, every column already in words. */
    public record Row(Practice practice, String title, String kind, String site, String city, String themes,
                      String targets, String status, String author, Instant date) {
    }

    /** A value to tick in a facet, with how many practices it would give. */
    public record FacetValue(Facet facet, String key, String label, int count, boolean chosen) {
    }

    /** A facet and its values, in the order they are offered. */
    public record FacetGroup(Facet facet, List<FacetValue> values) {
    }

    /** A chosen value, shown above the table, removable. */
    public record Chip(Facet facet, String key, String label) {
    }

    private record Shown(List<Row> rows, List<FacetGroup> groups, List<Chip> chips, int total) {
    }

    private final WindowContext context;
    private final Navigator navigator;
    private final ObjectProperty<PracticeFilter> filter = new SimpleObjectProperty<>(this, "filter",
            PracticeFilter.none());
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<FacetGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<Chip> chips = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private long generation;

    public PracticesViewModel(WindowContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
        filter.addListener((obs, old, now) -> refresh());
        context.revisionProperty().addListener((obs, old, now) -> refresh());
        context.language().languageProperty().addListener((obs, old, now) -> refresh());
    }

    /** Puts back the last filter used, and shows what it lets through. */
    public void load() {
        context.background().read(workspace -> workspace.practices().lastFilter(), last -> {
            if (last.equals(filter.get())) {
                refresh();
            } else {
                filter.set(last);
            }
        });
    }

    public ObjectProperty<PracticeFilter> filterProperty() {
        return filter;
    }

    /** The practices the filter lets through. */
    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<FacetGroup> groups() {
        return groups;
    }

    public ObservableList<Chip> chips() {
        return chips;
    }

    /** How many practices there are in all, filter or not. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public void toggle(Facet facet, String key) {
        choose(filter.get().toggle(facet, key));
    }

    public void remove(Chip chip) {
        toggle(chip.facet(), chip.key());
    }

    public void clearAll() {
        choose(PracticeFilter.none().withAllThemes(filter.get().allThemes()));
    }

    /** Whether a practice needs every chosen theme (true) or any of them (false). */
    public void setAllThemes(boolean all) {
        choose(filter.get().withAllThemes(all));
    }

    public void open(Row row) {
        Practice practice = row.practice();
        navigator.open(SearchKind.of(practice.kind()), practice.id(), practice.siteId());
    }

    private void choose(PracticeFilter chosen) {
        if (chosen.equals(filter.get())) {
            return;
        }
        filter.set(chosen);
        context.background().write(workspace -> {
            workspace.practices().rememberFilter(chosen);
            return null;
        }, done -> { });
    }

    private void refresh() {
        long asked = ++generation;
        PracticeFilter current = filter.get();
        Language language = context.language().get();
        Messages messages = context.language().messages();
        context.background().read(workspace -> describe(workspace, current, language, messages), shown -> {
            if (asked != generation) {
                return;  // the filter changed again meanwhile
            }
            rows.setAll(shown.rows());
            groups.setAll(shown.groups());
            chips.setAll(shown.chips());
            total.set(shown.total());
            loaded.set(true);
        });
    }

    /** Filters, counts and puts everything in words; runs off the JavaFX thread. */
    private static Shown describe(Workspace workspace, PracticeFilter filter, Language language, Messages messages) {
        Facets facets = workspace.practices().filter(filter);
        Labels labels = new Labels(language, messages, workspace.catalog().visits(), workspace.catalog().sites(),
                workspace.catalog().themes(), workspace.people().administrations(), workspace.people().delegates());
        List<Row> rows = facets.matching().stream().map(labels::row).toList();
        List<FacetGroup> groups = new ArrayList<>();
        List<Chip> chips = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            Map<String, String> values = labels.values(facet);
            Map<String, Integer> counts = facets.counts().get(facet);
            counts.keySet().forEach(key -> values.putIfAbsent(key, labels.unknown(facet, key)));
            filter.chosen(facet).forEach(key -> values.putIfAbsent(key, labels.unknown(facet, key)));
            List<FacetValue> offered = new ArrayList<>();
            values.forEach((key, label) -> offered.add(new FacetValue(facet, key, label, counts.getOrDefault(key, 0),
                    filter.chosen(facet).contains(key))));
            groups.add(new FacetGroup(facet, offered));
            offered.stream().filter(FacetValue::chosen).forEach(value -> chips.add(new Chip(facet, value.key(),
                    value.label())));
        }
        return new Shown(rows, groups, chips, workspace.practices().all().size());
    }

    /** Words for facet values and table cells in one language. */
    private static final class Labels {
        private final Language language;
        private final Messages messages;
        private final Collator collator;
        private final List<Visit> visits;
        private final List<Site> sites;
        private final Map<UUID, Site> siteById = new HashMap<>();
        private final List<Theme> themes;
        private final Map<String, Theme> themeByCode = new HashMap<>();
        private final List<Administration> administrations;
        private final Map<UUID, Administration> administrationById = new HashMap<>();
        private final List<Delegate> delegates;
        private final Map<UUID, Delegate> delegateById = new HashMap<>();

        Labels(Language language, Messages messages, List<Visit> visits, List<Site> sites, List<Theme> themes,
               List<Administration> administrations, List<Delegate> delegates) {
            this.language = language;
            this.visits = visits;
            this.messages = messages;
            this.collator = Collator.getInstance(language.locale());
            this.sites = sites;
            this.themes = themes;
            this.administrations = administrations;
            this.delegates = delegates;
            sites.forEach(site -> siteById.put(site.id(), site));
            themes.forEach(theme -> themeByCode.put(theme.code(), theme));
            administrations.forEach(a -> administrationById.put(a.id(), a));
            delegates.forEach(d -> delegateById.put(d.id(), d));
        }

        /** Every value of a facet, zero or not, keyed as the filter keys them, in the order offered. */
        Map<String, String> values(Facet facet) {
            Map<String, String> values = new LinkedHashMap<>();
            switch (facet) {
                case VISIT -> visits.forEach(visit -> values.put(visit.id().toString(), visit.title().in(language)));
                case THEME -> themes.stream().filter(theme -> !theme.hidden())
                        .forEach(theme -> values.put(theme.code(), theme.label().in(language)));
                case CITY -> sorted(sites.stream().collect(Collectors.toMap(site -> site.city().in(Language.EN),
                        site -> site.city().in(language), (a, b) -> a)), values);
                case SITE -> sorted(sites.stream().collect(Collectors.toMap(site -> site.id().toString(),
                        site -> site.name().in(language))), values);
                case LEVEL -> {
                    for (GovernmentLevel level : GovernmentLevel.values()) {
                        values.put(level.code(), messages.get(level.messageKey()));
                    }
                }
                case TARGET -> {
                    sorted(administrations.stream().collect(Collectors.toMap(a -> a.id().toString(),
                            a -> a.label(language))), values);
                    values.put(PracticeFilter.NONE, messages.get("practices.no-target"));
                }
                case STATUS -> {
                    for (Idea.Status status : Idea.Status.values()) {
                        values.put(status.code(), messages.get("idea-status." + status.code()));
                    }
                    values.put(PracticeFilter.NONE, messages.get("practices.no-status"));
                }
                case AUTHOR -> {
                    sorted(delegates.stream().collect(Collectors.toMap(d -> d.id().toString(), Delegate::name)), values);
                    values.put(PracticeFilter.NONE, messages.get("practices.no-author"));
                }
                case KIND -> {
                    values.put(EntryKind.LESSON.code(), messages.get("kind.lesson"));
                    values.put(EntryKind.IDEA.code(), messages.get("kind.idea"));
                }
            }
            return values;
        }

        private void sorted(Map<String, String> labels, Map<String, String> into) {
            labels.entrySet().stream().sorted(Map.Entry.comparingByValue(collator))
                    .forEach(entry -> into.put(entry.getKey(), entry.getValue()));
        }

        /** A value no list knows any more (a remembered filter on a removed administration). */
        String unknown(Facet facet, String key) {
            return PracticeFilter.NONE.equals(key) ? "—" : messages.get("practices.unknown-value");
        }

        Row row(Practice practice) {
            Site site = siteById.get(practice.siteId());
            String themeLabels = practice.themes().stream().map(themeByCode::get).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(themes::indexOf)).map(theme -> theme.label().in(language))
                    .collect(Collectors.joining(", "));
            String targets = practice.targets().stream().map(administrationById::get).filter(Objects::nonNull)
                    .map(this::shortName).sorted(collator).collect(Collectors.joining(", "));
            Delegate author = practice.authorId() == null ? null : delegateById.get(practice.authorId());
            return new Row(practice, practice.title(), messages.get("kind." + practice.kind().code()),
                    site == null ? "" : site.name().in(language), site == null ? "" : site.city().in(language),
                    themeLabels, targets,
                    practice.status() == null ? "" : messages.get("idea-status." + practice.status().code()),
                    author == null ? "" : author.name(), practice.createdAt());
        }

        private String shortName(Administration administration) {
            return administration.acronym() == null || administration.acronym().isBlank()
                    ? administration.label(language) : administration.acronym();
        }
    }
}
