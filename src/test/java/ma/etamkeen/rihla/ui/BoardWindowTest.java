package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.StatusChange;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.ui.board.BoardViewModel.Card;
import ma.etamkeen.rihla.ui.board.BoardViewModel.Choice;

/**
 * The progress board in the real window: the ideas in the columns of their statuses, a card moved from the
 * keyboard (mirrored in Arabic) changes the idea's status and its history, and a filter narrows the columns.
 */
class BoardWindowTest {
    @TempDir
    Path folder;

    @SuppressWarnings("unchecked")
    private static ListView<Card> column(AppRunner app, Idea.Status status) {
        return app.robot().lookup("#board-" + status.code()).queryAs(ListView.class);
    }

    private static void openBoard(AppRunner app, String label) {
        ToggleButton button = app.robot().lookup(".page-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> label.equals(b.getText())).findFirst().orElseThrow();
        app.robot().clickOn(button);
    }

    @Test
    void aCardMovedFromTheKeyboardChangesTheStatusAndTheHistoryAndSaysWhoMovedIt() throws Exception {
        DemoData.fill(folder);
        Messages ar = Messages.of(Language.AR);
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            openBoard(app, ar.get("page.board"));
            ListView<Card> proposed = column(app, Idea.Status.PROPOSED);
            ListView<Card> underStudy = column(app, Idea.Status.UNDER_STUDY);
            app.await(() -> proposed.getItems().size() == 1 && underStudy.getItems().size() == 1);
            assertThat(proposed.getItems().get(0).title()).isEqualTo("Un portail unique pour les démarches des citoyens");

            app.robot().interact(() -> {
                proposed.getSelectionModel().select(0);
                proposed.requestFocus();
            });
            // Arabic: the board is mirrored, so the next status (under study) is the column to the left.
            app.robot().press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
            app.await(() -> underStudy.getItems().size() == 2 && proposed.getItems().isEmpty());
            Card moved = underStudy.getItems().stream()
                    .filter(card -> card.title().startsWith("Un portail")).findFirst().orElseThrow();
            assertThat(moved.lastMove()).startsWith(ar.get("idea-status.under-study") + " في ");
            assertThat(underStudy.getSelectionModel().getSelectedItem()).as("still selected, in its new column")
                    .isEqualTo(moved);

            // A filter narrows every column: the DGI is the target of one idea only.
            @SuppressWarnings("unchecked")
            ComboBox<Choice> targets = app.robot().lookup(".board-filters .combo-box").nth(1).queryAs(ComboBox.class);
            app.robot().interact(() -> targets.setValue(targets.getItems().stream()
                    .filter(choice -> "DGI".equals(choice.label())).findFirst().orElseThrow()));
            app.await(() -> underStudy.getItems().size() == 1);
            assertThat(underStudy.getItems().get(0).title()).startsWith("مرسوم");
        }
        try (Workspace workspace = Workspace.open(folder)) {
            Idea portal = workspace.ideas().all().stream().filter(idea -> idea.title().startsWith("Un portail"))
                    .findFirst().orElseThrow();
            assertThat(portal.status()).isEqualTo(Idea.Status.UNDER_STUDY);
            List<StatusChange> history = workspace.ideas().history(List.of(portal.id())).get(portal.id());
            assertThat(history).extracting(StatusChange::status)
                    .containsExactly(Idea.Status.PROPOSED, Idea.Status.UNDER_STUDY);
        }
    }
}
