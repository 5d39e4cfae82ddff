package ma.etamkeen.rihla.ui.practices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.service.Facets;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.PracticeLabels;
import ma.etamkeen.rihla.service.PracticeLabels.Row;
import ma.etamkeen.rihla.service.PracticeSpreadsheet;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.Navigator;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * Every lesson learned and idea for transfer of every site in one table, narrowed by facets whose counts
 * follow the filter. Labels are made off the JavaFX thread with the rows, in the UI language.
 */
public final class PracticesViewModel {

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
    private boolean shown;

    public PracticesViewModel(WindowContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
        filter.addListener((obs, old, now) -> refresh());
        // Read again after a change only once the page was shown: before, an edit elsewhere costs nothing, and
        // the window's start reads no practice.
        context.revisionProperty().addListener((obs, old, now) -> refreshIfShown());
        context.language().languageProperty().addListener((obs, old, now) -> refreshIfShown());
    }

    private void refreshIfShown() {
        if (shown) {
            refresh();
        }
    }

    /**
     * Puts back the last filter used, and shows what it lets through (the page is shown: it follows changes
     * from now on).
     */
    public void load() {
        shown = true;
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

    /**
     * Writes {@code rows} — the table as shown: this filter, its sort — to {@code file} as a spreadsheet
     * ({@link PracticeSpreadsheet}), off the JavaFX thread; the status bar then says how many, or why not.
     */
    public void export(List<Row> rows, Path file) {
        Messages messages = context.language().messages();
        List<Row> shown = List.copyOf(rows);
        context.background().read(workspace -> PracticeSpreadsheet.write(shown, file, messages),
                written -> context.saveStatus().info(messages.format("practices.exported", written, file)),
                failure -> context.saveStatus().failed(context.describe(failure)));
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
        PracticeLabels labels = PracticeLabels.of(workspace, language, messages);
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
}
