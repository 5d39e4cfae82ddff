package ma.etamkeen.rihla.ui.main;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel;

/**
 * The window: the visit heading, the status bar, and the view models of its parts. Holding them here keeps
 * them alive as long as the window (JavaFX bindings only hold weak references) and wires the list's
 * selection to the detail pane.
 */
public final class MainViewModel {
    private final WindowContext context;
    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>(this, "visit");
    private final StringBinding visitTitle;
    private final StringBinding visitSummary;
    private final StringBinding status;
    private final SiteListViewModel sites;
    private final SiteDetailViewModel detail;

    public MainViewModel(WindowContext context, Path dataFolder) {
        this.context = context;
        var language = context.language();
        this.sites = new SiteListViewModel(context.background(), language);
        this.detail = new SiteDetailViewModel(context);
        detail.siteProperty().bind(sites.selectedSiteProperty());
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
    }

    /** Saves every edit still waiting. */
    public void flush() {
        detail.flush();
    }

    /** A rolling backup if anything changed since the last one (the app calls this every few minutes). */
    public void backUpIfChanged() {
        context.background().read(workspace -> workspace.backups().backUpIfChanged(), made -> { });
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
