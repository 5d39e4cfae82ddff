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

    /**
     * Starts the app in {@code language}, or with the saved preference (or the OS language) when null;
     * {@code more} are further command-line words (a package to open).
     */
    public static AppRunner start(Path folder, String language, String... more) throws TimeoutException {
        AppRunner runner = launch(folder, language, more);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runner.robot.lookup("#siteList").tryQuery().isPresent()
                && !runner.siteList().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return runner;
    }

    /** Starts the app on a folder whose store cannot be opened as it is, and waits for the choice it asks for. */
    public static AppRunner startDamaged(Path folder, String language) throws TimeoutException {
        AppRunner runner = launch(folder, language);
        runner.awaitDialog();
        return runner;
    }

    /** Starts the app on a folder it cannot open at all, and waits for the dialog that says why. */
    public static AppRunner startRefused(Path folder, String language) throws TimeoutException {
        AppRunner runner = launch(folder, language);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !runner.otherWindows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return runner;
    }

    private static AppRunner launch(Path folder, String language, String... more) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--db", folder.toString()));
        if (language != null) {
            args.addAll(java.util.List.of("--lang", language));
        }
        args.addAll(java.util.List.of(more));
        Application app = FxToolkit.setupApplication(App.class, args.toArray(String[]::new));
        return new AppRunner(stage, app);
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

    /** Selects a tab of the site pane: 0 overview, 1 notes, 2 lessons, 3 ideas, 4 attachments, 5 trash. */
    public void openTab(int index) {
        javafx.scene.control.TabPane tabs = robot.lookup(".site-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.clickOn(robot.from(tabs).lookup(".tab").nth(index).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until {@code condition} holds (background work finishing), up to 10 seconds. */
    public void await(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fires the menu item showing {@code text} (menus are popups the robot cannot always reach headless). */
    public void menu(String text) {
        javafx.scene.control.MenuItem item = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().flatMap(AppRunner::items).filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("No menu item " + text));
        // Later, not inside interact(): an item may open a modal dialog that waits for the user.
        javafx.application.Platform.runLater(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static java.util.stream.Stream<javafx.scene.control.MenuItem> items(javafx.scene.control.MenuItem item) {
        return item instanceof javafx.scene.control.Menu menu
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(item), menu.getItems().stream().flatMap(AppRunner::items))
                : java.util.stream.Stream.of(item);
    }

    /** The windows on screen besides the main one: dialogs and popups. */
    public java.util.List<javafx.stage.Window> otherWindows() {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .filter(window -> window != stage).toList();
    }

    /** Waits until a dialog (any window besides the main one) is on screen and laid out. */
    public void awaitDialog() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).count() > 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Whether a label anywhere (window or dialog) shows exactly {@code text}; no CSS parsing of the text. Looked up
     * on the JavaFX thread: from the test's thread the lookup raced with a window being redrawn in another language
     * (a list of children changing under its iterator).
     */
    public boolean showsText(String text) {
        java.util.concurrent.Callable<Boolean> lookup = () -> robot.lookup((javafx.scene.Node node) ->
                node instanceof javafx.scene.control.Labeled labeled && text.equals(labeled.getText())
                        && node.getScene() != null && node.getScene().getWindow().isShowing())
                .tryQuery().isPresent();
        try {
            return javafx.application.Platform.isFxApplicationThread() ? lookup.call()
                    : WaitForAsyncUtils.waitForAsyncFx(10_000, lookup);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visible node matching a CSS query (several tabs share views of the same kind). */
    public <T extends javafx.scene.Node> T visible(String query, Class<T> type) {
        return robot.lookup(query).queryAllAs(type).stream().filter(AppRunner::reallyVisible).findFirst()
                .orElseThrow(() -> new AssertionError("No visible " + query));
    }

    private static boolean reallyVisible(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getLayoutBounds().getWidth() > 0
                && node.localToScene(node.getLayoutBounds()).getMinX() >= 0;
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
