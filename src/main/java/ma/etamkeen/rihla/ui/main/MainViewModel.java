package ma.etamkeen.rihla.ui.main;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.Logs;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.WindowContext;
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
    private final StringBinding visitTitle;
    private final StringBinding visitSummary;
    private final StringBinding status;
    private final SiteListViewModel sites;
    private final SiteDetailViewModel detail;
    private final SearchViewModel search;
    private final PracticesViewModel practices;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.SITES);
    private Page browsing = Page.SITES;  // where clearing the search goes back to

    /** What fills the window under the header. */
    public enum Page { SITES, PRACTICES, RESULTS }

    public MainViewModel(WindowContext context, Path dataFolder) {
        this.context = context;
        this.dataFolder = dataFolder;
        var language = context.language();
        this.sites = new SiteListViewModel(context.background(), language);
        this.detail = new SiteDetailViewModel(context);
        detail.siteProperty().bind(sites.selectedSiteProperty());
        this.search = new SearchViewModel(context, this::open);
        this.practices = new PracticesViewModel(context, this::open);
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

    /** Loads the visit, the sites and the lists off the JavaFX thread. */
    public void load() {
        context.background().read(workspace -> workspace.catalog().visit(),
                (Optional<Visit> loaded) -> visit.set(loaded.orElse(null)));
        sites.load();
        context.loadLists();
        search.load();
        practices.load();
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

    public PracticesViewModel practices() {
        return practices;
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
        Messages messages = context.language().messages();
        DateTimeFormatter dates = context.language().date(FormatStyle.LONG);
        String period = messages.format("visit.dates", dates.format(v.startsOn()), dates.format(v.endsOn()));
        return messages.format("visit.summary", v.programme() + " · " + period, v.delegationSize(), v.administrationCount());
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
