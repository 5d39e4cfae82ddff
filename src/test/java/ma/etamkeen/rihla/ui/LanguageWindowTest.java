package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.NodeOrientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Pane;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.Preferences;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.ui.common.TextDirection;

/** Arabic is right-to-left everywhere, and the language changes at once, without a restart. */
class LanguageWindowTest {
    @TempDir
    Path folder;

    private static void assertEveryOtherWindowIsRightToLeft(AppRunner app, String what) {
        assertThat(app.otherWindows()).as(what + " is open").isNotEmpty();
        for (Window window : app.otherWindows()) {
            assertThat(window.getScene().getRoot().getEffectiveNodeOrientation()).as(what)
                    .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        }
    }

    private static void closeOtherWindows(AppRunner app) {
        app.robot().interact(() -> app.otherWindows().forEach(Window::hide));
    }

    @Test
    void inArabicTheWindowEveryDialogAndEveryPopupIsRightToLeft() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            assertThat(app.root().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            app.clickSite("Easy.brussels");
            for (String menu : new String[] {"_أعضاء الوفد والإدارات…", "_سلة المحذوفات…", "_استرجاع نسخة احتياطية…",
                    "_الإعدادات…", "_حول «رحلة»"}) {
                app.menu(menu);
                app.awaitDialog();
                assertEveryOtherWindowIsRightToLeft(app, menu);
                closeOtherWindows(app);
            }
            // The title dialog of a new lesson.
            app.openTab(2);
            app.robot().clickOn("درس جديد");
            app.awaitDialog();
            assertEveryOtherWindowIsRightToLeft(app, "new lesson");
            closeOtherWindows(app);
            // A context menu (attachments) and a drop-down list (the author of a note).
            app.openTab(4);
            ListView<?> attachments = app.visible(".attachments-list", ListView.class);
            app.robot().interact(() -> attachments.getContextMenu().show(attachments, Side.BOTTOM, 0, 0));
            WaitForAsyncUtils.waitForFxEvents();
            assertEveryOtherWindowIsRightToLeft(app, "context menu");
            app.robot().press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            closeOtherWindows(app);
            app.openTab(1);
            @SuppressWarnings("unchecked")
            ListView<Object> notes = app.visible(".entries-list", ListView.class);
            app.robot().interact(() -> notes.getSelectionModel().selectFirst());
            ComboBox<?> author = app.visible(".entry-meta .combo-box", ComboBox.class);
            app.robot().interact(author::show);
            WaitForAsyncUtils.waitForFxEvents();
            assertEveryOtherWindowIsRightToLeft(app, "author list");
            app.robot().interact(author::hide);
            // The French note reads left to right inside the Arabic window.
            TextArea body = app.visible(".entries-pane TextArea", TextArea.class);
            assertThat(body.getText()).startsWith("Le baromètre");
            assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }
    }

    @Test
    void switchingTheLanguageRedrawsTheWindowAtOnceKeepsWhatIsOpenAndIsRemembered() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.clickSite("Port of Antwerp-Bruges");
            app.openTab(1);
            app.robot().press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
            app.robot().write("APICA digital twin", 0);
            assertThat(app.showsText("Sites and bodies")).isTrue();

            app.menu("Français");
            app.await(() -> app.showsText("Sites et organismes"));
            assertThat(app.showsText("_Fichier")).isTrue();
            assertThat(app.root().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
            assertThat(app.robot().lookup(".site-title").queryAs(Label.class).getText()).isEqualTo("Port d'Anvers-Bruges");
            assertThat(app.showsText("Notes (1)")).isTrue();  // the note being written was kept

            app.menu("العربية");
            app.await(() -> app.showsText("المواقع والهيئات"));
            assertThat(app.root().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            assertThat(app.stage().getTitle()).isEqualTo("رحلة");
            assertThat(app.showsText("15 موقعا")).isTrue();
            app.menu("٠١٢٣ (الأرقام الهندية)");
            app.await(() -> app.showsText("١٥ موقعا"));

            app.robot().press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(app.root().getStyle()).contains("-fx-font-size: 14px");
        }
        Preferences remembered = Preferences.load(folder);
        assertThat(remembered.language()).contains(Language.AR);
        assertThat(remembered.digits()).isEqualTo(Digits.ARABIC_INDIC);
        assertThat(remembered.textSize()).isEqualTo(14);
        try (AppRunner app = AppRunner.start(folder, null)) {
            assertThat(app.root().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            assertThat(app.showsText("١٥ موقعا")).isTrue();
            app.clickSite("ميناء أنتويرب");
            app.openTab(1);
            @SuppressWarnings("unchecked")
            ListView<ma.etamkeen.rihla.model.Note> notes = app.visible(".entries-list", ListView.class);
            app.await(() -> !notes.getItems().isEmpty());
            assertThat(notes.getItems().get(0).body()).isEqualTo("APICA digital twin");
        }
    }

    @Test
    void inTheArabicWindowOnlyTextInALeftToRightLanguageTurnsLeftToRight() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            app.clickSite("Easy.brussels");
            for (int tab = 0; tab <= 5; tab++) {
                app.openTab(tab);
                for (Node node : app.robot().lookup(node -> node.isVisible()).queryAll()) {
                    String text = node instanceof Labeled labeled ? labeled.getText()
                            : node instanceof TextInputControl input ? input.getText() : null;
                    if (node.getEffectiveNodeOrientation() == NodeOrientation.LEFT_TO_RIGHT && text != null) {
                        assertThat(TextDirection.of(text)).as("tab %d: %s", tab, text)
                                .isNotEqualTo(NodeOrientation.RIGHT_TO_LEFT);
                    } else if (isTickOfACheckBox(node)) {
                        continue;  // JavaFX draws the tick unmirrored on purpose
                    } else if (node instanceof Pane || node instanceof Control && text == null) {
                        assertThat(node.getEffectiveNodeOrientation()).as("tab %d: %s", tab, node)
                                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
                    }
                }
            }
        }
    }

    private static boolean isTickOfACheckBox(Node node) {
        return node.getStyleClass().contains("mark") && node.getParent() != null
                && node.getParent().getParent() instanceof javafx.scene.control.CheckBox;
    }
}
