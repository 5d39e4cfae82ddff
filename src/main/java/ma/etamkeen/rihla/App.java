package ma.etamkeen.rihla;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.DataFolder;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.Fonts;
import ma.etamkeen.rihla.ui.common.PangoWrapFix;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.View;
import ma.etamkeen.rihla.ui.common.ViewLoader;
import ma.etamkeen.rihla.ui.main.MainController;
import ma.etamkeen.rihla.ui.main.MainViewModel;
import ma.etamkeen.rihla.ui.site.SiteDetailController;
import ma.etamkeen.rihla.ui.sites.SiteListController;

/**
 * The one wiring root of the desktop app. The data folder is opened (migrated, seeded) off the JavaFX
 * thread while the window is built and shown; the views fill in as soon as it is open.
 */
public final class App extends Application {
    /** Set by the start-up benchmark: print a line and exit once the first window is populated. */
    public static final String EXIT_WHEN_READY = "rihla.exitWhenReady";
    public static final String READY_LINE = "rihla: window populated";
    private static final String STYLESHEET = "/ma/etamkeen/rihla/css/rihla.css";

    private CompletableFuture<Workspace> opening;
    private Background background;

    public static void run(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) throws LaunchOptions.UsageException {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        Path folder = DataFolder.resolve(options.db());
        // The slowest part of start-up, so it goes first and runs while the window is built.
        opening = CompletableFuture.supplyAsync(() -> Workspace.open(folder));
        UiLanguage language = new UiLanguage(options.languageOr(Locale.getDefault()));
        Dialogs dialogs = new Dialogs(language);
        dialogs.setOwner(stage);
        background = Background.forJavaFx(opening);
        background.setErrorHandler(dialogs::showError);

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Fonts.load();
        PangoWrapFix.install();

        MainViewModel main = new MainViewModel(background, language, folder);
        ViewLoader views = new ViewLoader()
                .controller(MainController.class, () -> new MainController(main, language, dialogs))
                .controller(SiteListController.class, () -> new SiteListController(main.sites(), language))
                .controller(SiteDetailController.class,
                        () -> new SiteDetailController(main.detail(), language, getHostServices()::showDocument));
        Parent root = views.load(View.MAIN, language.messages());
        Scene scene = new Scene(root, 1200, 780);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(language.messages().get("app.title"));
        for (int size : List.of(16, 32, 48, 64, 128, 256)) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    App.class.getResource("/ma/etamkeen/rihla/icon/rihla-" + size + ".png")).toExternalForm()));
        }
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // The populated list is on screen after the next pulse.
            main.sites().whenLoaded(() -> Platform.runLater(() -> {
                System.out.println(READY_LINE);
                Platform.exit();
            }));
        }
        main.load();
        stage.show();

        opening.whenComplete((open, failure) -> {
            if (failure != null) {
                Platform.runLater(() -> {
                    dialogs.showError(failure);
                    Platform.exit();
                });
            }
        });
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
        if (opening != null) {
            // Waits for an opening still under way, so the database is always shut down cleanly.
            Workspace open = opening.exceptionally(failure -> null).join();
            if (open != null) {
                open.close();
            }
        }
    }
}
