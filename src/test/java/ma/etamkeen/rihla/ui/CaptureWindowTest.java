package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.testing.AppRunner;

/** Writing in the real window: notes survive a restart, deletes can be undone, the trash restores. */
class CaptureWindowTest {

    @TempDir
    Path folder;

    @SuppressWarnings("unchecked")
    private static ListView<Note> notes(AppRunner app) {
        return app.visible(".entries-list", ListView.class);
    }

    private static void writeNote(AppRunner app, String text) {
        app.robot().press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        app.robot().write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNoteTypedJustBeforeClosingIsThereAfterARestart() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.clickSite("easy.brussels");
            app.openTab(1);
            writeNote(app, "Once only: the Brussels ordinance");
            assertThat(app.visible(".entries-pane TextArea", TextArea.class).getText())
                    .isEqualTo("Once only: the Brussels ordinance");
        }  // closed at once: the pending autosave is flushed on the way out
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.clickSite("easy.brussels");
            app.openTab(1);
            app.await(() -> !notes(app).getItems().isEmpty());
            assertThat(notes(app).getItems()).extracting(Note::body).containsExactly("Once only: the Brussels ordinance");
            assertThat(app.showsText("Notes (1)")).isTrue();
        }
    }

    @Test
    void aDeletedNoteComesBackWithCtrlZAndFromTheTrash() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.clickSite("easy.brussels");
            app.openTab(1);
            writeNote(app, "Barometer of administrative burden");
            app.await(() -> app.robot().lookup(".save-status").queryAs(Label.class).getText().startsWith("Saved"));

            app.robot().clickOn(app.visible(".danger", Button.class));  // Delete
            app.await(() -> notes(app).getItems().isEmpty());
            assertThat(app.robot().lookup(".save-status").queryAs(Label.class).getText())
                    .contains("moved to the trash");
            app.robot().clickOn(notes(app));  // focus away from text fields: Ctrl+Z undoes the delete
            app.robot().press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
            app.await(() -> notes(app).getItems().size() == 1);
            assertThat(notes(app).getItems().get(0).body()).isEqualTo("Barometer of administrative burden");

            // Delete again, then restore from the site's trash tab.
            notes(app).getSelectionModel().selectFirst();
            app.robot().clickOn(notes(app)).press(KeyCode.DELETE).release(KeyCode.DELETE);
            app.await(() -> notes(app).getItems().isEmpty());
            app.openTab(5);
            @SuppressWarnings("unchecked")
            ListView<TrashItem> trash = app.visible(".trash-list", ListView.class);
            app.await(() -> trash.getItems().size() == 1);
            assertThat(trash.getItems().get(0).label()).isEqualTo("Barometer of administrative burden");
            app.robot().interact(() -> trash.getSelectionModel().selectFirst());
            app.robot().clickOn("Restore");
            app.await(trash.getItems()::isEmpty);
            app.openTab(1);
            app.await(() -> notes(app).getItems().size() == 1);
        }
    }

    @Test
    void aLessonWithoutATitleIsRefusedWithAMessageAndNothingIsCreated() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            app.clickSite("easy.brussels");
            app.openTab(2);
            app.robot().clickOn("Nouvel enseignement");
            app.awaitDialog();
            app.robot().clickOn("Créer");
            app.await(() -> app.showsText("Un titre est nécessaire pour l'enregistrer."));
            @SuppressWarnings("unchecked")
            ListView<Lesson> lessons = app.visible(".entries-list", ListView.class);
            assertThat(lessons.getItems()).isEmpty();
            app.robot().write("Une ordonnance contraignante", 0);
            app.robot().clickOn("Créer");
            app.await(() -> lessons.getItems().size() == 1);
            assertThat(lessons.getItems().get(0).title()).isEqualTo("Une ordonnance contraignante");
            // A new lesson starts with the site's themes.
            assertThat(lessons.getItems().get(0).themes()).containsExactlyInAnyOrder("simplification", "data-once-only");
        }
    }

    @Test
    void aMegabytePasteIsRefusedWithAMessageAndTheNoteKeepsItsText() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            app.clickSite("Easy.brussels");
            app.openTab(1);
            writeNote(app, "short");
            TextArea body = app.visible(".entries-pane TextArea", TextArea.class);
            String megabyte = "x".repeat(1 << 20);
            app.robot().interact(() -> body.appendText(megabyte));
            assertThat(body.getText()).isEqualTo("short");
            assertThat(app.robot().lookup(".save-status").queryAs(Label.class).getText())
                    .contains("1.048.581").contains("100.000");
            // French text in the Arabic window reads left to right; Arabic text right to left.
            assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
            app.robot().interact(() -> body.setText("ملاحظة بالعربية عن مبدأ مرة واحدة فقط"));
            assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        }
    }
}
