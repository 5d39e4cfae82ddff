package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;

/**
 * No view outlives its window: after {@code rihla.leak.rounds} language switches (12 in {@code mvn verify}, to keep
 * the suite within its time; each redraws the whole window) and every dialog opened and closed, the views that
 * were replaced or closed can be collected — nothing long-lived (the view models, the window context, the sync
 * status) still holds them.
 */
class ViewLeakIT {
    private static final Map<Language, String> LANGUAGE_ITEMS = Map.of(Language.EN, "English", Language.FR, "Français",
            Language.AR, "العربية");
    private static final List<String> DIALOGS = List.of("menu.edit.people", "menu.edit.trash", "menu.file.backups",
            "menu.view.settings", "menu.file.brief", "menu.file.export", "menu.help.about", "menu.file.sync-settings",
            "menu.file.sync-conflicts");
    private static final int ROUNDS = Integer.getInteger("rihla.leak.rounds", 12);

    @TempDir
    Path folder;
    @TempDir
    Path other;

    private final List<WeakReference<Object>> gone = new ArrayList<>();

    @Test
    void replacedWindowsAndClosedDialogsAreCollected() throws Exception {
        DemoData.fill(folder);
        Path pkg;
        try (Workspace workspace = Workspace.open(other)) {
            pkg = workspace.exchange().export(other.resolve("colleague.rihla"), ExchangeService.ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
        try (AppRunner app = AppRunner.start(folder, "en", pkg.toString())) {
            app.awaitDialog();  // the import preview of the package it was opened with
            closeDialogs(app);
            app.clickSite("easy.brussels");
            Language language = Language.EN;
            List<Language> cycle = List.of(Language.FR, Language.AR, Language.EN);
            for (int round = 0; round < ROUNDS; round++) {
                loadEveryTab(app);
                if (round < 3) {
                    openAndCloseEveryDialog(app, language);  // once in each language
                }
                Parent before = app.root();
                gone.add(new WeakReference<>(before));
                language = cycle.get(round % cycle.size());
                app.menu(LANGUAGE_ITEMS.get(language));
                app.await(() -> app.root() != before);
            }
            // What the harness and JavaFX keep of past input: TestFX records every event fired (with its
            // target), and a scene remembers the node under the mouse until the mouse moves again.
            forgetFiredEvents();
            app.robot().moveTo(app.siteList());
            app.robot().moveBy(5, 5);
            WaitForAsyncUtils.waitForFxEvents();
            assertEverythingGoneIsCollected();
            assertThat(app.siteList().getItems()).isNotEmpty();  // the window in use is alive and well
        }
    }

    /** TestFX keeps every event fired on the window (no API clears it): test harness, not Rihla. */
    private static void forgetFiredEvents() throws ReflectiveOperationException {
        var field = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
        field.setAccessible(true);
        ((org.testfx.service.support.FiredEvents) field.get(FxToolkit.toolkitContext())).clearEvents();
    }

    private static void loadEveryTab(AppRunner app) {
        for (int tab = 5; tab >= 0; tab--) {
            app.openTab(tab);
        }
    }

    private void openAndCloseEveryDialog(AppRunner app, Language language) throws Exception {
        Messages messages = Messages.of(language);
        for (String key : DIALOGS) {
            app.menu(messages.get(key));
            app.awaitDialog();
            for (Window window : app.otherWindows()) {
                if (window.getScene().getRoot() instanceof DialogPane pane) {
                    gone.add(new WeakReference<>(pane));
                    Node content = pane.getContent();
                    if (content != null) {
                        gone.add(new WeakReference<>(content));
                    }
                }
            }
            closeDialogs(app);
        }
    }

    private static void closeDialogs(AppRunner app) {
        app.robot().interact(() -> app.otherWindows().forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertEverythingGoneIsCollected() throws InterruptedException {
        for (int attempt = 0; attempt < 50 && gone.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> alive = gone.stream().map(WeakReference::get).filter(java.util.Objects::nonNull)
                .map(view -> view.getClass().getSimpleName() + " " + ((Node) view).getStyleClass()).toList();
        assertThat(alive).as("views still in memory after their window went").isEmpty();
        assertThat(gone).hasSizeGreaterThan(40);
    }
}
