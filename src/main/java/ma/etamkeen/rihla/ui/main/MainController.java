package ma.etamkeen.rihla.ui.main;

import java.io.File;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.text.FileNames;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.exchange.SyncViewModel;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.View;
import ma.etamkeen.rihla.ui.common.ViewLoader;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.main.MainViewModel.Page;
import ma.etamkeen.rihla.ui.search.SearchController;
import ma.etamkeen.rihla.ui.search.SearchViewModel;
import ma.etamkeen.rihla.ui.site.SiteDetailController;

/**
 * The window's frame: menus and shortcuts, visit heading, the search field and the page buttons (sites,
 * practices, results), status bar; the pages are included views.
 */
public final class MainController {
    private final MainViewModel viewModel;
    private final WindowContext context;
    private final Dialogs dialogs;
    private final WindowViews views;
    private final Consumer<Path> showFolder;

    @FXML
    private BorderPane root;
    @FXML
    private Label visitTitle;
    @FXML
    private Label visitSummary;
    @FXML
    private Label statusLabel;
    @FXML
    private Label saveLabel;
    @FXML
    private Label syncLabel;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem newEntryItem;
    @FXML
    private MenuItem attachItem;
    @FXML
    private MenuItem briefItem;
    @FXML
    private MenuItem editSiteItem;
    @FXML
    private MenuItem deleteSiteItem;
    @FXML
    private MenuItem editVisitItem;
    @FXML
    private MenuItem reportItem;
    @FXML
    private ComboBox<Visit> visitChooser;
    @FXML
    private RadioMenuItem arabicItem;
    @FXML
    private RadioMenuItem frenchItem;
    @FXML
    private RadioMenuItem englishItem;
    @FXML
    private Menu digitsMenu;
    @FXML
    private RadioMenuItem latinDigitsItem;
    @FXML
    private RadioMenuItem arabicDigitsItem;
    @FXML
    private StackPane siteSlot;
    private final ViewLoader.Lazy<SiteDetailController> siteView;
    @FXML
    private TextField searchField;
    @FXML
    private ToggleButton sitesButton;
    @FXML
    private ToggleButton practicesButton;
    @FXML
    private ToggleButton boardButton;
    @FXML
    private ToggleButton chartsButton;
    @FXML
    private ToggleButton resultsButton;
    @FXML
    private Node sitesPage;
    @FXML
    private StackPane pages;
    private final ViewLoader.Lazy<Object> practicesView;
    private final ViewLoader.Lazy<Object> boardView;
    private final ViewLoader.Lazy<Object> chartsView;
    private final ViewLoader.Lazy<SearchController> searchView;

    /**
     * @param showFolder opens a folder in the system's file manager
     * @param pageViews loads the site's view, the practices and the results pages the first time they are
     *                  shown, so that the first window comes sooner
     */
    public MainController(MainViewModel viewModel, Dialogs dialogs, WindowViews views, ViewLoader pageViews,
                          Consumer<Path> showFolder) {
        this.viewModel = viewModel;
        this.showFolder = showFolder;
        this.context = viewModel.context();
        this.dialogs = dialogs;
        this.views = views;
        this.siteView = pageViews.lazy(View.SITE_DETAIL, context.language()::messages);
        this.practicesView = pageViews.lazy(View.PRACTICES, context.language()::messages);
        this.boardView = pageViews.lazy(View.BOARD, context.language()::messages);
        this.chartsView = pageViews.lazy(View.CHARTS, context.language()::messages);
        this.searchView = pageViews.lazy(View.SEARCH, context.language()::messages);
    }

    @FXML
    private void initialize() {
        context.language().orient(root);
        visitTitle.textProperty().bind(viewModel.visitTitleBinding());
        visitSummary.textProperty().bind(viewModel.visitSummaryBinding());
        statusLabel.textProperty().bind(viewModel.statusBinding());
        saveLabel.textProperty().bind(context.saveStatus().textProperty());
        ViewScope scope = context.windowScope();
        bindSyncStatus(scope);
        // A failure can say more than the status bar holds: the whole of it shows on hover.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(saveLabel.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        scope.onChange(context.saveStatus().styleProperty(), (old, style) -> {
            saveLabel.getStyleClass().removeAll("saving", "saved", "failed", "info");
            saveLabel.getStyleClass().add(style);
            saveLabel.setTooltip(style.equals("failed") ? whole : null);
        });
        undoItem.disableProperty().bind(context.canUndoProperty().not());
        newEntryItem.disableProperty().bind(viewModel.sites().selectedSiteProperty().isNull());
        attachItem.disableProperty().bind(viewModel.sites().selectedSiteProperty().isNull());
        briefItem.disableProperty().bind(viewModel.sites().selectedSiteProperty().isNull());
        editSiteItem.disableProperty().bind(viewModel.sites().selectedSiteProperty().isNull());
        deleteSiteItem.disableProperty().bind(viewModel.sites().selectedSiteProperty().isNull());
        editVisitItem.disableProperty().bind(viewModel.visitProperty().isNull());
        reportItem.disableProperty().bind(viewModel.visitProperty().isNull());
        bindVisitChooser();
        ToggleGroup languages = new ToggleGroup();
        for (RadioMenuItem item : new RadioMenuItem[] {arabicItem, frenchItem, englishItem}) {
            item.setToggleGroup(languages);
        }
        Language language = context.language().get();
        (language == Language.AR ? arabicItem : language == Language.FR ? frenchItem : englishItem).setSelected(true);
        ToggleGroup digits = new ToggleGroup();
        latinDigitsItem.setToggleGroup(digits);
        arabicDigitsItem.setToggleGroup(digits);
        (context.language().digitsProperty().get() == Digits.ARABIC_INDIC ? arabicDigitsItem : latinDigitsItem)
                .setSelected(true);
        digitsMenu.setVisible(language == Language.AR);  // French and English always write 0123
        bindPages();
        bindSearchField();
        scope.onChange(viewModel.sites().selectedSiteProperty(), (old, site) -> {
            if (site != null) {
                siteDetail();
            }
        });
        if (viewModel.sites().selectedSiteProperty().get() != null) {
            siteDetail();
        }
    }

    /** The page buttons and the page shown follow the view model; the results button only with a search. */
    private void bindPages() {
        Map<Page, ToggleButton> buttons = Map.of(Page.SITES, sitesButton, Page.PRACTICES, practicesButton,
                Page.BOARD, boardButton, Page.CHARTS, chartsButton, Page.RESULTS, resultsButton);
        Map<Page, ViewLoader.Lazy<?>> lazyPages = Map.of(Page.PRACTICES, practicesView, Page.BOARD, boardView,
                Page.CHARTS, chartsView, Page.RESULTS, searchView);
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((page, button) -> {
            button.setToggleGroup(group);
            button.setOnAction(event -> viewModel.pageProperty().set(page));
        });
        Runnable show = () -> {
            Page current = viewModel.pageProperty().get();
            buttons.get(current).setSelected(true);  // a click on the selected button keeps it selected
            ViewLoader.Lazy<?> shown = lazyPages.get(current);
            if (shown != null && !shown.isLoaded()) {
                pages.getChildren().add(shown.root());
            }
            sitesPage.setVisible(current == Page.SITES);
            lazyPages.forEach((page, view) -> {
                if (view.isLoaded()) {
                    view.root().setVisible(page == current);
                }
            });
        };
        context.windowScope().onChange(viewModel.pageProperty(), (old, now) -> show.run());
        show.run();
        SearchViewModel search = viewModel.search();
        Messages messages = context.language().messages();
        resultsButton.textProperty().bind(Bindings.createStringBinding(() -> search.searchedProperty().get()
                        ? messages.format("page.results", search.totalProperty().get())
                        : messages.get("page.results.searching"),
                search.totalProperty(), search.searchedProperty()));
        resultsButton.visibleProperty().bind(search.queryProperty().isNotEmpty());
        resultsButton.managedProperty().bind(resultsButton.visibleProperty());
    }

    /**
     * With one visit its title heads the window; with several, the title is a chooser listing them by title in the
     * UI language.
     */
    private void bindVisitChooser() {
        visitChooser.setItems(viewModel.visits());
        visitChooser.setConverter(Texts.converter(visit -> visit == null ? "" : visit.title().in(context.language().get())));
        visitChooser.valueProperty().bindBidirectional(viewModel.visitProperty());
        var several = Bindings.size(viewModel.visits()).greaterThan(1);
        visitChooser.visibleProperty().bind(several);
        visitChooser.managedProperty().bind(several);
        visitTitle.visibleProperty().bind(several.not());
        visitTitle.managedProperty().bind(several.not());
    }

    private void bindSearchField() {
        TextInputs.followTextDirection(searchField);
        searchField.textProperty().bindBidirectional(viewModel.search().queryProperty());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                viewModel.showResults();
                searchView.controller().focusResults();
                event.consume();
            }
        });
        searchField.setOnMouseClicked(event -> viewModel.showResults());
    }

    @FXML
    private void chooseArabic() {
        context.choose(Language.AR);
    }

    @FXML
    private void chooseFrench() {
        context.choose(Language.FR);
    }

    @FXML
    private void chooseEnglish() {
        context.choose(Language.EN);
    }

    @FXML
    private void chooseLatinDigits() {
        context.choose(Digits.LATIN);
    }

    @FXML
    private void chooseArabicDigits() {
        context.choose(Digits.ARABIC_INDIC);
    }

    @FXML
    private void largerText() {
        context.resizeText(+1);
    }

    @FXML
    private void smallerText() {
        context.resizeText(-1);
    }

    @FXML
    private void normalText() {
        context.resizeText(0);
    }

    @FXML
    private void showSettings() {
        dialogs.showContent(context.language().messages().get("settings.title"), views.settings());
    }

    /** The site's view, in place (loaded with the first site selected). */
    private SiteDetailController siteDetail() {
        if (!siteView.isLoaded()) {
            siteSlot.getChildren().setAll(siteView.root());
        }
        return siteView.controller();
    }

    @FXML
    private void newEntry() {
        siteDetail().newEntry();
    }

    @FXML
    private void attach() {
        siteDetail().attach();
    }

    /** Edit ▸ New site: a site of the visit shown, selected once saved. */
    @FXML
    public void newSite() {
        Visit visit = viewModel.visitProperty().get();
        if (visit != null) {
            viewModel.flush();
            dialogs.showEditor(views.siteEditor(null, visit.id(), site -> viewModel.sites().selectWhenLoaded(site.id())));
        }
    }

    /** Edit ▸ Edit site: every field of the selected site, its themes and facts. */
    @FXML
    public void editSite() {
        Site site = viewModel.sites().selectedSiteProperty().get();
        if (site != null) {
            viewModel.flush();
            dialogs.showEditor(views.siteEditor(site, site.visitId(), saved -> { }));
        }
    }

    /** Edit ▸ Delete site: to the trash with its entries, after a confirmation; restorable from the trash. */
    @FXML
    public void deleteSite() {
        Site site = viewModel.sites().selectedSiteProperty().get();
        if (site == null) {
            return;
        }
        viewModel.flush();
        Messages messages = context.language().messages();
        String name = site.name().in(context.language().get());
        if (dialogs.confirm(messages.get("site.delete.title"), messages.format("site.delete.confirm", name),
                messages.get("site.delete.yes"))) {
            context.background().write(workspace -> workspace.knowledge().deleteSite(site.id()), deleted -> {
                context.saveStatus().info(messages.format("site.deleted", name));
                context.knowledgeChanged();
            });
        }
    }

    @FXML
    private void newVisit() {
        dialogs.showEditor(views.visitEditor(null, visit -> viewModel.loadVisits(visit.code())));
    }

    @FXML
    private void editVisit() {
        Visit visit = viewModel.visitProperty().get();
        if (visit != null) {
            dialogs.showEditor(views.visitEditor(visit, saved -> { }));
        }
    }

    @FXML
    private void showThemes() {
        dialogs.showEditor(views.themesEditor());
    }

    /** File ▸ Import a visit: a visit and its sites from a CSV file (all of it, or nothing). */
    /** Ctrl+Shift+S: syncs with the hub of the settings; the status bar says how it went. */
    @FXML
    private void syncNow() {
        viewModel.flush();  // what is being typed goes with it
        viewModel.sync().syncNow();
    }

    @FXML
    private void showSyncSettings() {
        dialogs.showContent(context.language().messages().get("sync.settings.title"), views.syncSettings());
    }

    @FXML
    private void showSyncConflicts() {
        dialogs.showContent(context.language().messages().get("sync.conflicts.title"), views.syncConflicts());
    }

    /**
     * The status bar's word on sync: when the last one was and what it brought; red when it failed (whole on hover);
     * underlined while conflicts wait, and a click opens them.
     */
    private void bindSyncStatus(ViewScope scope) {
        SyncViewModel sync = viewModel.sync();
        syncLabel.textProperty().bind(sync.statusBinding());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(syncLabel.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        syncLabel.setTooltip(whole);
        Runnable style = () -> {
            syncLabel.getStyleClass().removeAll("failed", "waiting");
            if (sync.failedProperty().get()) {
                syncLabel.getStyleClass().add("failed");
            } else if (sync.waitingProperty().get() > 0) {
                syncLabel.getStyleClass().add("waiting");
            }
        };
        scope.onChange(sync.failedProperty(), (old, now) -> style.run());
        scope.onChange(sync.waitingProperty(), (old, now) -> style.run());
        style.run();
        syncLabel.setOnMouseClicked(event -> {
            if (sync.waitingProperty().get() > 0) {
                showSyncConflicts();
            }
        });
    }

    @FXML
    private void importVisit() {
        Messages messages = context.language().messages();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("visit.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("visit.import.files"), "*.csv"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.flush();
            context.background().write(workspace -> workspace.knowledge().importVisits(file.toPath()), imported -> {
                context.saveStatus().info(messages.format("visit.imported", imported.visitsAdded(),
                        imported.visitsUpdated(), imported.sitesAdded(), imported.sitesUpdated()));
                context.knowledgeChanged();
            }, dialogs::showError);
        }
    }

    @FXML
    private void undoDelete() {
        context.undoDelete();
    }

    /** Ctrl+F: into the search field, with the results of what is already there. */
    @FXML
    private void find() {
        searchField.requestFocus();
        searchField.selectAll();
        viewModel.showResults();
    }

    @FXML
    private void showTrash() {
        viewModel.flush();
        dialogs.showContent(context.language().messages().get("trash.all.title"), views.trash());
    }

    @FXML
    private void showPeople() {
        dialogs.showContent(context.language().messages().get("people.title"), views.people());
    }

    @FXML
    private void showBackups() {
        viewModel.flush();
        AtomicReference<Dialog<ButtonType>> shown = new AtomicReference<>();
        shown.set(dialogs.showContent(context.language().messages().get("backups.title"), views.backups(() -> {
            shown.get().close();
            viewModel.load();
        })));
    }

    /** Ctrl+P: the brief of the selected site, to preview, print or save. */
    @FXML
    private void showBrief() {
        Site site = viewModel.sites().selectedSiteProperty().get();
        if (site != null) {
            viewModel.flush();  // the brief shows what was just typed
            dialogs.showContent(context.language().messages().format("brief.dialog-title",
                    site.name().in(context.language().get())), views.brief(site));
        }
    }

    @FXML
    private void writeAllBriefs() {
        Messages messages = context.language().messages();
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("briefs.choose-folder"));
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            viewModel.flush();
            dialogs.showContent(messages.get("briefs.title"), views.allBriefs(folder.toPath()));
        }
    }

    /** File ▸ Visit report…: the report of the visit the window shows, to a file the user names. */
    @FXML
    private void writeVisitReport() {
        Messages messages = context.language().messages();
        Visit visit = viewModel.visitProperty().get();
        if (visit == null) {
            return;
        }
        Language language = context.language().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("report.menu"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("plan.file-type"), "*.pdf"));
        chooser.setInitialFileName(FileNames.forDisk(messages.format("report.document-title", visit.title().in(language)))
                + ".pdf");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.flush();
            context.saveStatus().info(messages.get("report.writing"));
            context.background().read(workspace -> {
                workspace.reports().write(visit, language, file.toPath());
                return file;
            }, written -> context.saveStatus().info(messages.format("report.written", visit.title().in(language),
                    written)), dialogs::showError);
        }
    }

    /** File ▸ Action plan…: the administration, then the file; written off the JavaFX thread. */
    @FXML
    @SuppressWarnings("unchecked")  // the dialog's own combo box, found by its style class
    private void writeActionPlan() {
        Messages messages = context.language().messages();
        List<Administration> administrations = List.copyOf(context.administrations());
        if (administrations.isEmpty()) {
            context.saveStatus().failed(messages.get("plan.no-administration"));
            return;
        }
        ChoiceDialog<Administration> choose = dialogs.prepare(new ChoiceDialog<>(administrations.get(0), administrations),
                messages.get("plan.menu"));
        choose.setHeaderText(messages.get("plan.choose"));
        ComboBox<Administration> box = (ComboBox<Administration>) choose.getDialogPane().lookup(".combo-box");
        if (box != null) {
            box.setConverter(Texts.converter(a -> a == null ? "" : a.label(context.language().get())));
        }
        choose.setOnHidden(event -> {  // not modal to the caller: the window keeps drawing meanwhile
            Administration administration = choose.getResult();
            if (administration != null) {
                saveActionPlan(administration);
            }
        });
        choose.show();
    }

    /** The file for the action plan of {@code administration}, then the plan written to it. */
    private void saveActionPlan(Administration administration) {
        Messages messages = context.language().messages();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("plan.menu"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("plan.file-type"), "*.pdf"));
        chooser.setInitialFileName(FileNames.forDisk(messages.format("plan.document-title",
                administration.shortName(context.language().get()))) + ".pdf");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.flush();
            Language language = context.language().get();
            context.background().read(workspace -> {
                workspace.plans().write(administration, language, file.toPath());
                return file;
            }, written -> context.saveStatus().info(messages.format("plan.written",
                    administration.label(language), written)), dialogs::showError);
        }
    }

    @FXML
    private void exportPackage() {
        viewModel.flush();  // what was just typed goes too
        dialogs.showContent(context.language().messages().get("exchange.export.title"), views.export());
    }

    @FXML
    private void importPackage() {
        File file = ma.etamkeen.rihla.ui.exchange.PackageFiles.chooser(context.language(), "exchange.import.title")
                .showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            importPreview(file.toPath());
        }
    }

    /** The import preview of {@code file} (also for a package opened from the file manager). */
    public void importPreview(java.nio.file.Path file) {
        viewModel.flush();  // the preview compares with what was just typed
        dialogs.showContent(context.language().messages().get("exchange.import.title"), views.importPreview(file));
    }

    @FXML
    private void backUpNow() {
        viewModel.flush();
        context.background().read(workspace -> workspace.backups().backUpNow(), made -> context.saveStatus()
                .info(context.language().messages().format("backups.made", made.file().getFileName())));
    }

    /**
     * File ▸ Quit: the windows go at once, and the app ends once the store is closed behind them (App.stop waits
     * for the search index's work, up to a minute). Platform.exit alone would leave them on screen, not
     * responding, until then: JavaFX closes its windows after stop.
     */
    @FXML
    private void quit() {
        for (Window window : List.copyOf(Window.getWindows())) {
            window.hide();
        }
        Platform.exit();
    }

    /** Help ▸ Open the log folder: where what went wrong in the background is written. */
    @FXML
    private void openLogFolder() {
        showFolder.accept(viewModel.logFolder());
    }

    @FXML
    private void about() {
        Messages messages = context.language().messages();
        Alert alert = dialogs.alert(Alert.AlertType.INFORMATION, messages.get("about.title"), messages.get("about.text"));
        alert.showAndWait();
    }
}
