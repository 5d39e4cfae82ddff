package ma.etamkeen.rihla.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.App;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel;

/** Starts the real app (real FXML, real H2 file in {@code folder}) and drives it. */
public final class AppRunner implements AutoCloseable {
    private final FxRobot robot = new FxRobot();
    private final Stage stage;
    private final Application app;

    private AppRunner(Stage stage, Application app) {
        this.stage = stage;
        this.app = app;
    }

    public static AppRunner start(Path folder, String language) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(App.class, "--db", folder.toString(), "--lang", language);
        AppRunner runner = new AppRunner(stage, app);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runner.robot.lookup("#siteList").tryQuery().isPresent()
                && !runner.siteList().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return runner;
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    public Parent root() {
        return stage.getScene().getRoot();
    }

    @SuppressWarnings("unchecked")
    public <T> ListView<T> siteList() {
        return robot.lookup("#siteList").queryAs(ListView.class);
    }

    /** Scrolls the list to the site shown as {@code name} and clicks it, as a user would. */
    public void clickSite(String name) {
        ListView<SiteListViewModel.Item> list = siteList();
        int index = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof SiteListViewModel.SiteItem site && site.name().equals(name)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new AssertionError("No site named " + name + " in the list");
        }
        int target = index;
        robot.interact(() -> list.scrollTo(target));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(list).lookup(".site-name").lookup((javafx.scene.control.Label label) ->
                name.equals(label.getText())).queryAs(javafx.scene.control.Label.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
