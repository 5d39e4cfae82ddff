package ma.etamkeen.rihla;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.animation.PauseTransition;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.PrimerLight;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.DamagedStore;
import ma.etamkeen.rihla.service.Preferences;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.DataFolder;
import ma.etamkeen.rihla.ui.attachments.Attacher;
import ma.etamkeen.rihla.ui.attachments.AttachmentsController;
import ma.etamkeen.rihla.ui.backups.BackupsController;
import ma.etamkeen.rihla.ui.backups.BackupsViewModel;
import ma.etamkeen.rihla.ui.brief.AllBriefsController;
import ma.etamkeen.rihla.ui.brief.AllBriefsViewModel;
import ma.etamkeen.rihla.ui.brief.BriefController;
import ma.etamkeen.rihla.ui.brief.BriefViewModel;
import ma.etamkeen.rihla.ui.common.Autosave;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.Fonts;
import ma.etamkeen.rihla.ui.common.Form;
import ma.etamkeen.rihla.ui.common.HeldExecutor;
import ma.etamkeen.rihla.ui.common.PangoWrapFix;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.View;
import ma.etamkeen.rihla.ui.common.ViewLoader;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.ideas.IdeasController;
import ma.etamkeen.rihla.ui.knowledge.SiteEditorController;
import ma.etamkeen.rihla.ui.knowledge.SiteEditorViewModel;
import ma.etamkeen.rihla.ui.knowledge.ThemesEditorController;
import ma.etamkeen.rihla.ui.knowledge.ThemesEditorViewModel;
import ma.etamkeen.rihla.ui.knowledge.VisitEditorController;
import ma.etamkeen.rihla.ui.knowledge.VisitEditorViewModel;
import ma.etamkeen.rihla.ui.lessons.LessonsController;
import ma.etamkeen.rihla.ui.exchange.ExportController;
import ma.etamkeen.rihla.ui.exchange.ExportViewModel;
import ma.etamkeen.rihla.ui.exchange.ImportController;
import ma.etamkeen.rihla.ui.exchange.ImportViewModel;
import ma.etamkeen.rihla.ui.exchange.PackageFiles;
import ma.etamkeen.rihla.ui.exchange.SyncConflictsController;
import ma.etamkeen.rihla.ui.exchange.SyncConflictsViewModel;
import ma.etamkeen.rihla.ui.exchange.SyncSettingsController;
import ma.etamkeen.rihla.ui.exchange.SyncSettingsViewModel;
import ma.etamkeen.rihla.ui.main.MainController;
import ma.etamkeen.rihla.ui.main.MainViewModel;
import ma.etamkeen.rihla.ui.main.WindowViews;
import ma.etamkeen.rihla.ui.notes.NotesController;
import ma.etamkeen.rihla.ui.people.PeopleController;
import ma.etamkeen.rihla.ui.people.PeopleViewModel;
import ma.etamkeen.rihla.ui.board.BoardController;
import ma.etamkeen.rihla.ui.charts.ChartsController;
import ma.etamkeen.rihla.ui.practices.PracticesController;
import ma.etamkeen.rihla.ui.repair.DamagedStoreController;
import ma.etamkeen.rihla.ui.repair.DamagedStoreViewModel;
import ma.etamkeen.rihla.ui.search.SearchController;
import ma.etamkeen.rihla.ui.site.SiteDetailController;
import ma.etamkeen.rihla.ui.settings.SettingsController;
import ma.etamkeen.rihla.ui.settings.SettingsViewModel;
import ma.etamkeen.rihla.ui.sites.SiteListController;
import ma.etamkeen.rihla.ui.trash.TrashController;
import ma.etamkeen.rihla.ui.trash.TrashViewModel;

/**
 * The one wiring root of the desktop app. The data folder is opened (migrated, seeded) off the JavaFX
 * thread while the window is built and shown; the views fill in as soon as it is open.
 */
public final class App extends Application {
    /** Set by the start-up benchmark: print a line and exit once the first window is populated. */
    public static final String EXIT_WHEN_READY = "rihla.exitWhenReady";
    public static final String READY_LINE = "rihla: window populated";
    private static final String STYLESHEET = "/ma/etamkeen/rihla/css/rihla.css";
    /** A rolling backup this often while there are changes (and once shortly after start). */
    private static final long BACKUP_MINUTES = 5;
    /** How long after the window shows the search index opens: its first frames are drawn by then. */
    private static final Duration INDEX_AFTER_SHOWN = Duration.millis(500);
    /** The window shows once its sites are read, or after this at the latest. */
    private static final Duration SHOW_AT_LATEST = Duration.millis(1500);
    /**
     * The sizes of the window's icon, in pixels. JavaFX hands the system one icon, scaled to 128 px on Linux and
     * macOS and to 32 px on Windows, from the nearest size it is given (WindowStage.setIcons in JavaFX 21): other
     * sizes would only be decoded at every start.
     */
    private static final List<Integer> WINDOW_ICONS = List.of(32, 128);

    private Path folder;
    private Optional<Path> packageToOpen;
    /** Completes with the open store (or what refused it); the background's work waits for it. */
    private final CompletableFuture<Workspace> opening = new CompletableFuture<>();
    /** To the JavaFX thread, once {@link #start} has readied the window (results, errors, the damage dialog). */
    private final HeldExecutor toWindow = new HeldExecutor(Platform::runLater);
    private final CompletableFuture<Void> sitesRead = new CompletableFuture<>();
    private CompletableFuture<List<Image>> fontAndIcons;
    private Parent window;
    private Stage stage;
    private Background background;
    private Dialogs dialogs;
    private PackageInbox inbox;
    /** Shows the window, once (when its sites are read, or at the latest after SHOW_AT_LATEST). */
    private Runnable show;
    /** The data folder could not be opened: the window is not to show. */
    private boolean refused;
    private WindowContext context;
    private MainViewModel main;
    private MainController mainController;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rihla-timers");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Up to this many cores, the data folder opens once JavaFX runs, not beside its start. Measured on two
     * cores (same-run A/B, 21 interleaved starts of the installed app): JavaFX started in 280 ms instead of
     * 380 ms, and the window came 0.97x as soon, with 0.96x the CPU.
     */
    private static final int FEW_CORES = 2;
    /** The data folder Main began to open before JavaFX started, taken by the first start on that folder. */
    private static final AtomicReference<Opened> OPENED_EARLY = new AtomicReference<>();

    private record Opened(Path folder, CompletableFuture<Workspace> workspace) {
    }

    /**
     * Starts the desktop app on {@code folder} (the data folder the arguments name) and returns when its window
     * closed. With more than {@link #FEW_CORES} cores the folder is opened from here on, while JavaFX starts
     * (about 300 ms): the slowest part of a start runs beside the toolkit's. With fewer, it would take the
     * toolkit's core: {@link #init} opens it, beside the views, which are built before its result is needed.
     */
    public static void run(String[] args, Path folder) {
        if (Runtime.getRuntime().availableProcessors() > FEW_CORES) {
            OPENED_EARLY.set(new Opened(folder, openInBackground(folder)));
        }
        Application.launch(App.class, args);
    }

    /**
     * Readies the window off the JavaFX thread (JavaFX calls this on its launcher thread, once the toolkit
     * runs): JavaFX reads the theme on its own thread meanwhile, and the data folder goes on opening on a
     * third. Nothing from the background reaches the window before {@link #start} has set it up.
     */
    @Override
    public void init() throws LaunchOptions.UsageException {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        folder = DataFolder.resolve(options.db());
        packageToOpen = options.packageToOpen();
        Logs.install(folder);
        // The theme as AtlantaFX ships it pre-parsed (JavaFX binary CSS): read in a quarter of the time. Set
        // from this thread, JavaFX reads it on its own, while the views are built here.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        // The font, the wrapping fix and the window's icons are ready beside the views, before the first CSS
        // pass (start() waits for them): no text is laid out before then.
        fontAndIcons = CompletableFuture.supplyAsync(() -> {
            Fonts.load();
            PangoWrapFix.install();
            return WINDOW_ICONS.stream().map(size -> new Image(Objects.requireNonNull(
                    App.class.getResource("/ma/etamkeen/rihla/icon/rihla-" + size + ".png")).toExternalForm())).toList();
        });

        // The slowest part of start-up: it went first (before JavaFX started, on more than FEW_CORES cores) or
        // goes now, and runs while the window is built.
        Opened early = OPENED_EARLY.getAndSet(null);
        open(early != null && early.folder().equals(folder) ? early.workspace() : openInBackground(folder));
        Preferences preferences = Preferences.load(folder);
        Language startLanguage = options.lang().or(preferences::language)
                .orElseGet(() -> Language.of(Locale.getDefault()));
        UiLanguage language = new UiLanguage(startLanguage, preferences.digits());
        dialogs = new Dialogs(language);
        background = Background.forJavaFx(opening, toWindow);
        background.setErrorHandler(failure -> {
            show.run();  // an error met while the window was still being readied is shown over it, not lost
            dialogs.showError(failure);
        });
        context = new WindowContext(language, background, Autosave.javaFxTimer());
        context.preferencesProperty().set(preferences);
        opening.whenComplete((open, failure) -> {
            if (failure != null) {
                toWindow.execute(() -> {
                    // A folder that cannot be opened at all (open in another window, read-only, from a newer
                    // Rihla): its reason on its own, no empty window behind it. Closing it ends the app, as
                    // closing the last window does; a window shown for a damaged store's choice is closed too.
                    refused = true;
                    dialogs.showError(failure);
                    if (stage.isShowing()) {
                        Platform.exit();
                    }
                });
            }
        });

        main = new MainViewModel(context, folder);
        main.sites().whenLoaded(() -> sitesRead.complete(null));
        main.load();  // read while the views are built; what was read reaches them once start() has returned
        window = buildWindow();
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        dialogs.setOwner(stage);
        UiLanguage language = context.language();
        stage.setTitle(language.messages().get("app.title"));
        stage.getIcons().setAll(fontAndIcons.join());
        Scene scene = new Scene(window, 1280, 800);
        window = null;  // the scene holds it; a window redrawn in another language must not be kept from going
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        applyTextSize(scene, context.preferencesProperty().get().textSize());
        context.preferencesProperty().addListener((obs, old, chosen) -> {
            chosen.save(folder);
            applyTextSize(scene, chosen.textSize());
            Language newLanguage = chosen.language().orElse(language.get());
            if (newLanguage != language.get() || chosen.digits() != language.digitsProperty().get()) {
                // Everything visible is redrawn in the new language; the view models, and what is being
                // edited, carry on (pending edits are saved first).
                main.flush();
                closeDialogs(stage);
                context.redrawing();  // the old views stop listening, so they can go
                language.digitsProperty().set(chosen.digits());
                language.languageProperty().set(newLanguage);
                scene.setRoot(buildWindow());
                stage.setTitle(language.messages().get("app.title"));
                applyTextSize(scene, chosen.textSize());
                // Into the new window: JavaFX keeps its focus owner (and with it the old window) otherwise.
                Node list = scene.getRoot().lookup("#siteList");
                (list != null ? list : scene.getRoot()).requestFocus();
            }
        });
        // The window appears with the sites already listed (they are read while it is built), or after
        // SHOW_AT_LATEST when the data folder is slow to open (a migration, a big store) and then fills in.
        AtomicBoolean shown = new AtomicBoolean();
        show = () -> {
            if (!refused && shown.compareAndSet(false, true)) {
                stage.show();
                // The search index opens after the window's first frames, not beside them (a search typed
                // sooner opens it at once).
                timers.schedule(() -> opening.thenAccept(workspace -> workspace.search().start()),
                        (long) INDEX_AFTER_SHOWN.toMillis(), TimeUnit.MILLISECONDS);
                main.sync().startAutomatic();
                // Opened from the file manager with a package: its import preview, over the window; and so
                // for each package opened while this window runs (handed over by PackageInbox).
                packageToOpen.ifPresent(file -> opening.thenRun(() ->
                        Platform.runLater(() -> mainController.importPreview(file))));
                inbox = PackageInbox.watch(folder, file -> opening.thenRun(() -> Platform.runLater(() -> {
                    stage.toFront();
                    mainController.importPreview(file);
                })));
            }
        };
        sitesRead.thenRun(show);
        PauseTransition atLatest = new PauseTransition(SHOW_AT_LATEST);
        atLatest.setOnFinished(event -> show.run());
        atLatest.play();
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // The populated list is on screen after the next pulse.
            sitesRead.thenRun(() -> Platform.runLater(() -> {
                System.out.println(READY_LINE);
                Platform.exit();
            }));
        }
        timers.scheduleWithFixedDelay(() -> Platform.runLater(main::backUpIfChanged), 20, BACKUP_MINUTES * 60,
                TimeUnit.SECONDS);
        toWindow.release();  // what the background read, or met, while the window was built reaches it now
    }

    /** {@link Workspace#open} on a thread of its own: completes with the store, or with what it was refused with. */
    private static CompletableFuture<Workspace> openInBackground(Path folder) {
        CompletableFuture<Workspace> opened = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opened.complete(Workspace.open(folder));
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
        }, "rihla-open");
        thread.setDaemon(true);
        thread.start();
        return opened;
    }

    /**
     * Completes {@code opening} with the store being {@code opened}. A damaged store is not opened: the window
     * shows the choice it asks for, and once a way out worked, the folder is opened again. Until then, nothing
     * (no view, no automatic backup) reaches the store.
     */
    private void open(CompletableFuture<Workspace> opened) {
        opened.whenComplete((workspace, failure) -> {
            if (failure == null) {
                opening.complete(workspace);
                return;
            }
            Optional<DamagedStore> damaged = failure instanceof RuntimeException e ? DamagedStore.of(e) : Optional.empty();
            if (damaged.isPresent()) {
                toWindow.execute(() -> askWhatToDo(damaged.get()));
            } else {
                opening.completeExceptionally(failure);
            }
        });
    }

    private void askWhatToDo(DamagedStore damaged) {
        show.run();
        UiLanguage language = context.language();
        Messages messages = language.messages();
        Dialog<ButtonType> dialog = dialogs.prepare(new Dialog<>(), messages.get("damage.title"));
        dialog.setHeaderText(messages.get("damage.title"));
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(messages.get("damage.quit"), ButtonBar.ButtonData.CANCEL_CLOSE));
        AtomicBoolean repaired = new AtomicBoolean();
        DamagedStoreViewModel choice = new DamagedStoreViewModel(damaged, language, work -> {
            Thread thread = new Thread(work, "rihla-repair");
            thread.setDaemon(true);
            thread.start();
        }, Platform::runLater, done -> {
            repaired.set(true);
            dialog.close();
            opening.thenRun(() -> Platform.runLater(() -> context.saveStatus().info(done)));
            open(openInBackground(folder));
        });
        dialog.getDialogPane().setContent(new ViewLoader().controller(DamagedStoreController.class,
                () -> new DamagedStoreController(choice, language, dialogs)).load(View.DAMAGED_STORE, messages));
        dialog.setOnCloseRequest(event -> {
            if (choice.busyProperty().get()) {
                event.consume();  // a restore or a recovery under way finishes first
            }
        });
        dialog.setOnHidden(event -> {
            if (!repaired.get()) {
                Platform.exit();  // quit: the damaged file stays as it is
            }
        });
        dialog.show();
    }

    /** Loads the window's views in the current language, on the long-lived view models. */
    private Parent buildWindow() {
        UiLanguage language = context.language();
        ViewScope scope = context.windowScope();
        var detail = main.detail();
        Attacher attacher = new Attacher(detail.attachments(), context, dialogs);
        WindowViews windowViews = new WindowViews() {
            @Override
            public Parent trash() {
                ViewScope dialog = new ViewScope();
                TrashViewModel all = new TrashViewModel(context, true, dialog);
                Parent root = new ViewLoader().controller(TrashController.class,
                        () -> new TrashController(all, context, dialogs)).load(View.TRASH, language.messages());
                dialog.endWhenClosed(root);
                return root;
            }

            @Override
            public Parent people() {
                return new ViewLoader().controller(PeopleController.class,
                        () -> new PeopleController(new PeopleViewModel(context))).load(View.PEOPLE, language.messages());
            }

            @Override
            public Parent backups(Runnable onRestored) {
                return new ViewLoader().controller(BackupsController.class,
                        () -> new BackupsController(new BackupsViewModel(context), context, dialogs, onRestored))
                        .load(View.BACKUPS, language.messages());
            }

            @Override
            public Parent settings() {
                return new ViewLoader().controller(SettingsController.class,
                        () -> new SettingsController(new SettingsViewModel(context))).load(View.SETTINGS, language.messages());
            }

            @Override
            public Parent brief(Site site) {
                return new ViewLoader().controller(BriefController.class,
                        () -> new BriefController(new BriefViewModel(context, site), context, dialogs))
                        .load(View.BRIEF, language.messages());
            }

            @Override
            public Parent allBriefs(Path folder) {
                return new ViewLoader().controller(AllBriefsController.class,
                        () -> new AllBriefsController(new AllBriefsViewModel(context, folder), language))
                        .load(View.ALL_BRIEFS, language.messages());
            }

            @Override
            public Parent export() {
                ViewScope dialog = new ViewScope();
                Parent root = new ViewLoader().controller(ExportController.class, () -> new ExportController(
                        new ExportViewModel(context, dialog), language, suggested -> {
                            FileChooser chooser = PackageFiles.chooser(language, "exchange.export.title");
                            chooser.setInitialFileName(suggested);
                            File file = chooser.showSaveDialog(stage);
                            return file == null ? null : file.toPath();
                        })).load(View.EXPORT, language.messages());
                dialog.endWhenClosed(root);
                return root;
            }

            @Override
            public Parent syncSettings() {
                return new ViewLoader().controller(SyncSettingsController.class,
                        () -> new SyncSettingsController(new SyncSettingsViewModel(context, main.sync())))
                        .load(View.SYNC_SETTINGS, language.messages());
            }

            @Override
            public Parent syncConflicts() {
                return new ViewLoader().controller(SyncConflictsController.class,
                        () -> new SyncConflictsController(new SyncConflictsViewModel(context, main.sync()), context))
                        .load(View.SYNC_CONFLICTS, language.messages());
            }

            @Override
            public Parent importPreview(Path file) {
                return new ViewLoader().controller(ImportController.class,
                        () -> new ImportController(new ImportViewModel(context, file), language))
                        .load(View.IMPORT, language.messages());
            }

            @Override
            public Form siteEditor(Site site, UUID visitId, Consumer<Site> onSaved) {
                ViewScope dialog = new ViewScope();
                SiteEditorViewModel editor = site == null ? SiteEditorViewModel.newSite(context, visitId)
                        : SiteEditorViewModel.edit(context, site);
                SiteEditorController[] form = new SiteEditorController[1];
                Parent root = new ViewLoader().controller(SiteEditorController.class,
                        () -> form[0] = new SiteEditorController(editor, context, dialog, onSaved))
                        .load(View.SITE_EDITOR, language.messages());
                dialog.endWhenClosed(root);
                return form[0];
            }

            @Override
            public Form visitEditor(Visit visit, Consumer<Visit> onSaved) {
                VisitEditorViewModel editor = visit == null ? VisitEditorViewModel.newVisit(context)
                        : VisitEditorViewModel.edit(context, visit);
                VisitEditorController[] form = new VisitEditorController[1];
                new ViewLoader().controller(VisitEditorController.class,
                        () -> form[0] = new VisitEditorController(editor, context, onSaved))
                        .load(View.VISIT_EDITOR, language.messages());
                return form[0];
            }

            @Override
            public Form themesEditor() {
                ThemesEditorController[] form = new ThemesEditorController[1];
                new ViewLoader().controller(ThemesEditorController.class,
                        () -> form[0] = new ThemesEditorController(new ThemesEditorViewModel(context), context))
                        .load(View.THEMES_EDITOR, language.messages());
                return form[0];
            }
        };
        ViewLoader views = new ViewLoader();
        views.controller(MainController.class, () -> mainController = new MainController(main, dialogs, windowViews, views,
                        logFolder -> getHostServices().showDocument(logFolder.toUri().toString())))
                .controller(SiteListController.class,
                        () -> new SiteListController(main.sites(), language, scope, () -> mainController.newSite()))
                .controller(PracticesController.class, () -> new PracticesController(main.practices(), language, scope))
                .controller(BoardController.class, () -> new BoardController(main.board(), language, scope))
                .controller(ChartsController.class, () -> new ChartsController(main.charts(), context, scope))
                .controller(SearchController.class,
                        () -> new SearchController(main.search(), language, context.themes(), main.visits(), scope))
                .controller(SiteDetailController.class,
                        () -> new SiteDetailController(detail, language, getHostServices()::showDocument, views, scope,
                                new SiteDetailController.SiteActions() {
                                    @Override
                                    public void edit() {
                                        mainController.editSite();
                                    }

                                    @Override
                                    public void delete() {
                                        mainController.deleteSite();
                                    }
                                }))
                .controller(NotesController.class, () -> new NotesController(detail.notes(), context, attacher))
                .controller(LessonsController.class,
                        () -> new LessonsController(detail.lessons(), context, attacher, dialogs))
                .controller(IdeasController.class, () -> new IdeasController(detail.ideas(), context, attacher, dialogs))
                .controller(AttachmentsController.class, () -> new AttachmentsController(detail.attachments(), context,
                        attacher, dialogs, file -> getHostServices().showDocument(file.toUri().toString())))
                .controller(TrashController.class, () -> new TrashController(detail.trash(), context, dialogs));
        return views.load(View.MAIN, language.messages());
    }

    private static void applyTextSize(Scene scene, int pixels) {
        scene.getRoot().setStyle("-fx-font-size: " + pixels + "px;");
    }

    /** Dialogs built in the old language go; the user opens them again in the new one. */
    private static void closeDialogs(Stage stage) {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window != stage && window instanceof Stage dialog) {
                dialog.close();
            }
        }
    }

    @Override
    public void stop() {
        timers.shutdownNow();
        if (inbox != null) {
            inbox.close();
        }
        if (main != null) {
            main.flush();  // what was typed in the last moment is saved before the store closes
        }
        if (background != null) {
            background.close();
        }
    }
}
