package ma.etamkeen.rihla.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.SearchService;
import ma.etamkeen.rihla.service.SearchService.Hit;
import ma.etamkeen.rihla.service.SearchService.Results;
import ma.etamkeen.rihla.ui.common.Autosave;
import ma.etamkeen.rihla.ui.common.Navigator;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The one search field and its results, as the user types: grouped by kind (sites, lessons, ideas, notes,
 * attachments), best first, the matched words marked. The last search is kept for the next start.
 */
public final class SearchViewModel {
    /** A row of the results: a heading or a hit. */
    public sealed interface Row permits Heading, HitRow {
    }

    public record Heading(SearchKind kind, String label) implements Row {
    }

    public record HitRow(Hit hit, String kindLabel) implements Row {
    }

    private final WindowContext context;
    private final Navigator navigator;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>(this, "visit");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper searched = new ReadOnlyBooleanWrapper(this, "searched");
    private final Autosave remember;
    private long generation;   // answers to an older query are dropped
    private boolean restoring;

    public SearchViewModel(WindowContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
        this.remember = context.newAutosave(this::rememberNow);
        query.addListener((obs, old, now) -> {
            search();
            if (!restoring) {
                remember.changed();
            }
        });
        theme.addListener((obs, old, now) -> search());
        visit.addListener((obs, old, now) -> search());
        context.revisionProperty().addListener((obs, old, now) -> search());
        context.language().languageProperty().addListener((obs, old, now) -> search());
    }

    /** Puts the last search back in the field. */
    public void load() {
        context.background().read(workspace -> workspace.practices().lastSearch(), last -> {
            restoring = true;
            try {
                query.set(last);
            } finally {
                restoring = false;
            }
        });
    }

    /** What the user typed. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Whether the query is being put back from the last session (not typed). */
    public boolean isRestoring() {
        return restoring;
    }

    /** Only results of this visit's sites (null: every visit). */
    public ObjectProperty<Visit> visitProperty() {
        return visit;
    }

    /** Only results with this theme (null: all). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** How many hits the last search gave in all. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** How many of them are shown (the best {@link SearchService#LIMIT}). */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the rows answer the query as it is now (false while typing ahead of the results). */
    public ReadOnlyBooleanProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    public boolean isActive() {
        return !query.get().isBlank();
    }

    /** Opens a hit in its site. */
    public void open(Hit hit) {
        remember.flush();
        navigator.open(hit.kind(), hit.id(), hit.siteId());
    }

    /** Saves the search now (the window closes). */
    public void flush() {
        remember.flush();
    }

    private void search() {
        long asked = ++generation;
        String text = query.get();
        if (text.isBlank()) {
            rows.clear();
            total.set(0);
            shown.set(0);
            searched.set(true);
            return;
        }
        searched.set(false);
        Language language = context.language().get();
        Messages messages = context.language().messages();
        Set<String> themes = theme.get() == null ? Set.of() : Set.of(theme.get().code());
        java.util.UUID visitId = visit.get() == null ? null : visit.get().id();
        context.background().read(workspace -> workspace.search().search(text, themes, Set.of(), visitId, language,
                        SearchService.LIMIT),
                results -> {
                    if (asked == generation) {
                        show(results, messages);
                    }
                });
    }

    private void show(Results results, Messages messages) {
        List<Row> grouped = new ArrayList<>();
        for (SearchKind kind : SearchService.GROUP_ORDER) {
            List<Hit> hits = results.groups().getOrDefault(kind, List.of());
            if (hits.isEmpty()) {
                continue;
            }
            grouped.add(new Heading(kind, messages.format("search.group." + kind.code(), hits.size())));
            String kindLabel = messages.get("kind." + kind.code());
            hits.forEach(hit -> grouped.add(new HitRow(hit, kindLabel)));
        }
        rows.setAll(grouped);
        total.set(results.total());
        shown.set(results.shown());
        searched.set(true);
    }

    private void rememberNow() {
        String text = query.get().strip();
        context.background().write(workspace -> {
            workspace.practices().rememberSearch(text);
            return null;
        }, done -> { });
    }
}
