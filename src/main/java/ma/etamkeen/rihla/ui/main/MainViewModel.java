package ma.etamkeen.rihla.ui.main;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel;

/**
 * The window: the visit heading, the status bar, and the view models of its parts. Holding them here keeps
 * them alive as long as the window (JavaFX bindings only hold weak references) and wires the list's
 * selection to the detail pane.
 */
public final class MainViewModel {
    private final Background background;
    private final UiLanguage language;
    private final Path dataFolder;
    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>(this, "visit");
    private final StringBinding visitTitle;
    private final StringBinding visitSummary;
    private final StringBinding status;
    private final SiteListViewModel sites;
    private final SiteDetailViewModel detail;

    public MainViewModel(Background background, UiLanguage language, Path dataFolder) {
        this.background = background;
        this.language = language;
        this.dataFolder = dataFolder;
        this.sites = new SiteListViewModel(background, language);
        this.detail = new SiteDetailViewModel(language);
        detail.siteProperty().bind(sites.selectedSiteProperty());
        visitTitle = Bindings.createStringBinding(() -> visit.get() == null ? "" : visit.get().title().in(language.get()),
                visit, language.languageProperty());
        visitSummary = Bindings.createStringBinding(this::describeVisit, visit, language.languageProperty());
        status = Bindings.createStringBinding(
                () -> language.messages().format("status.data-folder", TextDirection.leftToRight(dataFolder.toString())),
                language.languageProperty());
    }

    /** Loads the visit and the sites off the JavaFX thread. */
    public void load() {
        background.read(workspace -> workspace.catalog().visit(), (Optional<Visit> loaded) -> visit.set(loaded.orElse(null)));
        sites.load();
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
        Language lang = language.get();
        Messages messages = language.messages();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale());
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

    public Path dataFolder() {
        return dataFolder;
    }
}
