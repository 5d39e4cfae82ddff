package ma.etamkeen.rihla.ui.main;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.Logs;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.board.BoardViewModel;
import ma.etamkeen.rihla.ui.charts.ChartsViewModel;
import ma.etamkeen.rihla.ui.exchange.SyncViewModel;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel;
import ma.etamkeen.rihla.ui.search.SearchViewModel;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel;

/**
 * The window: the visit heading, the status bar, and the view models of its parts. Holding them here keeps
 * them alive as long as the window (JavaFX bindings only hold weak references) and wires the list's
 * selection to the detail pane.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    private final WindowContext context;
    private final Path dataFolder;
    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>(this, "visit");
    private final ObservableList<Visit> visits = FXCollections.observableArrayList();
    private final StringBinding visitTitle;
    private final StringBinding visitSummary;
    private final StringBinding status;
    private final SiteListViewModel sites;
    private final SiteDetailViewModel detail;
    private final SearchViewModel search;
    private final PracticesViewModel practices;
    private final BoardViewModel board;
    private final ChartsViewModel charts;
    private final SyncViewModel sync;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.SITES);
    private Page browsing = Page.SITES;  // where clearing the search goes back to

    /** What fills the window under the header. */
    public enum Page { SITES, PRACTICES, BOARD, CHARTS, RESULTS }

    public MainViewModel(WindowContext context, Path dataFolder) {
        this.context = context;
        this.dataFolder = dataFolder;
        var language = context.language();
        this.sites = new SiteListViewModel(context.background(), language);
        this.detail = new SiteDetailViewModel(context);
        detail.siteProperty().bind(sites.selectedSiteProperty());
        // The chooser shows the visit; opening a site of another visit (a search hit) switches it.
        visit.addListener((obs, old, chosen) -> {
            sites.visitProperty().set(chosen == null ? null : chosen.id());
            if (chosen != null && (old == null || !old.id().equals(chosen.id()))) {
                context.background().write(workspace -> {
                    workspace.knowledge().chooseVisit(chosen.code());
                    return null;
                }, done -> { });
            }
        });
        sites.visitProperty().addListener((obs, old, id) -> visits.stream()
                .filter(v -> v.id().equals(id)).findFirst().ifPresent(visit::set));
        // Sites, visits and themes are edited, imported and restored too: each such change reloads them.
        context.knowledgeRevisionProperty().addListener((obs, old, now) -> {
            loadVisits();
            sites.load();
            context.loadLists();
        });
        this.search = new SearchViewModel(context, this::open);
        this.practices = new PracticesViewModel(context, this::open);
        this.board = new BoardViewModel(context);
        this.charts = new ChartsViewModel(context);
        this.sync = new SyncViewModel(context);
        page.addListener((obs, old, now) -> {
            if (now != Page.RESULTS) {
                browsing = now;
            }
        });
        search.queryProperty().addListener((obs, old, query) -> {
            if (search.isRestoring()) {
                return;  // the last search is back in the field; the window still opens on the sites
            }
            page.set(query.isBlank() ? browsing : Page.RESULTS);
        });
        visitTitle = Bindings.createStringBinding(() -> visit.get() == null ? "" : visit.get().title().in(language.get()),
                visit, language.languageProperty());
        visitSummary = Bindings.createStringBinding(this::describeVisit, visit, language.languageProperty());
        status = Bindings.createStringBinding(
                () -> language.messages().format("status.data-folder", TextDirection.leftToRight(dataFolder.toString())),
                language.languageProperty());
    }

    /** Loads the visits, the sites and the lists off the JavaFX thread. */
    public void load() {
        loadVisits();
        sites.load();
        context.loadLists();
        search.load();
    }

    /** Reads the visits again (one was added or edited), keeping the one chosen, else the one chosen last time. */
    public void loadVisits() {
        loadVisits(null);
    }

    /** Reads the visits again and shows the visit {@code code} (one just made), else as {@link #loadVisits()}. */
    public void loadVisits(String code) {
        context.background().read(workspace -> new Visits(workspace.catalog().visits(),
                workspace.knowledge().chosenVisit().orElse(null)), loaded -> {
            String keep = code != null ? code : visit.get() != null ? visit.get().code() : loaded.chosen();
            if (!visits.equals(loaded.all())) {
                visits.setAll(loaded.all());  // only when they changed: the chooser clears its value when its items go
            }
            visit.set(loaded.all().stream().filter(v -> v.code().equals(keep)).findFirst()
                    .orElse(loaded.all().isEmpty() ? null : loaded.all().get(0)));
        });
    }

    private record Visits(java.util.List<Visit> all, String chosen) {
    }

    /** The visits, the earliest first, for the chooser. */
    public ObservableList<Visit> visits() {
        return visits;
    }

    /** The visit the window shows. */
    public ObjectProperty<Visit> visitProperty() {
        return visit;
    }

    /** Saves every edit still waiting. */
    public void flush() {
        detail.flush();
        search.flush();
    }

    /** Shows a search hit or a practice in its site: the site selected, the right tab, the entry selected. */
    public void open(SearchKind kind, UUID id, UUID siteId) {
        page.set(Page.SITES);
        sites.select(siteId);
        detail.reveal(kind, id);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** Shows the results of the search in the field, if there is one. */
    public void showResults() {
        if (search.isActive()) {
            page.set(Page.RESULTS);
        }
    }

    public SearchViewModel search() {
        return search;
    }

    /** The practices page (it reads the practices when first shown, and follows changes from then on). */
    public PracticesViewModel practices() {
        return practices;
    }

    /** The charts page (it counts when first shown). */
    public ChartsViewModel charts() {
        return charts;
    }

    /** The progress board (it reads the ideas when first shown, and follows changes from then on). */
    /** Sync with the hub of the settings: now, by itself, and what the status bar says of it. */
    public SyncViewModel sync() {
        return sync;
    }

    public BoardViewModel board() {
        return board;
    }

    /**
     * A rolling backup if anything changed since the last one (the app calls this every few minutes). The user
     * did not ask for it: a failure goes to the log and the status bar, not to a dialog.
     */
    public void backUpIfChanged() {
        context.background().read(workspace -> workspace.backups().backUpIfChanged(), made -> { }, failure -> {
            LOG.log(Level.WARNING, "Automatic backup failed", failure);
            context.saveStatus().failed(context.language().messages().format("status.backup-failed",
                    context.describe(failure)));
        });
    }

    /** Where the log files of the data folder are. */
    public Path logFolder() {
        return dataFolder.resolve(Logs.FOLDER);
    }

    public WindowContext context() {
        return context;
    }

    public SiteListViewModel sites() {
        return sites;
    }

    public SiteDetailViewModel detail() {
        return detail;
    }

    private String describeVisit() {
        Visit v = visit.get();
        if (v == null) {
            return "";
        }
        return describe(v, context.language());
    }

    /** A visit in one line: programme, country, dates, delegation (what is known of it). */
    public static String describe(Visit v, ma.etamkeen.rihla.ui.common.UiLanguage language) {
        Messages messages = language.messages();
        DateTimeFormatter dates = language.date(FormatStyle.LONG);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (v.programme() != null) {
            parts.add(v.programme());
        }
        if (!v.country().isEmpty()) {
            parts.add(v.country().in(language.get()));
        }
        if (v.startsOn() != null) {
            parts.add(messages.format("visit.dates", dates.format(v.startsOn()),
                    dates.format(v.endsOn() == null ? v.startsOn() : v.endsOn())));
        }
        if (v.delegationSize() != null) {
            parts.add(messages.format("visit.delegates", v.delegationSize()));
        }
        if (v.administrationCount() != null) {
            parts.add(messages.format("visit.administrations", v.administrationCount()));
        }
        return String.join(" · ", parts);
    }

    public StringBinding visitTitleBinding() {
        return visitTitle;
    }

    public StringBinding visitSummaryBinding() {
        return visitSummary;
    }

    public StringBinding statusBinding() {
        return status;
    }
}
