package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.Laptops;

/** Export and import in the real window: a package opened with the app shows its preview, right to left. */
class ExchangeWindowTest {
    @TempDir
    Path folder;

    @Test
    void aPackageOpenedWithTheAppShowsItsPreviewAndImportsTheChosenVersion() throws Exception {
        Path pkg = Laptops.conflictingPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        try (AppRunner app = AppRunner.start(folder.resolve("youssef"), "ar", pkg.toString())) {
            app.awaitDialog();
            app.await(() -> app.showsText("تعارضات: عُدّلت هنا وفي الحزمة منذ آخر تبادل بينكما"));
            DialogPane pane = app.robot().lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(pane.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            // Both versions side by side; a French note reads left to right inside the Arabic dialog.
            Label theirs = app.robot().lookup(".conflict-text").nth(1).queryAs(Label.class);
            assertThat(theirs.getText()).startsWith(Laptops.AMINA_SAYS);
            assertThat(theirs.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

            RadioButton takeTheirs = app.robot().lookup(".conflict .radio-button").queryAllAs(RadioButton.class)
                    .stream().filter(button -> button.getText().equals("نسختهم (الحزمة)")).findFirst().orElseThrow();
            app.robot().clickOn(takeTheirs);
            Button importButton = app.robot().lookup(".dialog-body .button").queryAllAs(Button.class).stream()
                    .filter(button -> button.getText().equals("استيراد")).findFirst().orElseThrow();
            app.robot().clickOn(importButton);
            app.await(() -> app.robot().lookup((javafx.scene.Node node) -> node instanceof Label label
                    && label.getText() != null && label.getText().startsWith("تمّ الاستيراد")).tryQuery().isPresent());
            assertThat(importButton.isDisabled()).isTrue();  // imported once; a second click does nothing
        }
        try (Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            assertThat(youssef.notes().forSite(Seeder.siteId("port-of-antwerp-bruges"))).extracting(Note::body)
                    .containsExactly(Laptops.AMINA_SAYS);
        }
    }

    @Test
    void thePreviewListsEachChangeOldBesideNewTheChangeToAnotherAuthorsEntryFlaggedFirst() throws Exception {
        Path pkg = Laptops.rewritingPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        try (AppRunner app = AppRunner.start(folder.resolve("amina"), "fr", pkg.toString())) {
            app.awaitDialog();
            app.await(() -> app.showsText("⚠ 1 de ces changements touchent des entrées que Youssef Benali n'a pas écrites, "
                    + "ou peut-être pas (elles sont en tête de liste). Vérifiez-les avant d'importer."));
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<ma.etamkeen.rihla.ui.exchange.ImportViewModel.ChangeView> changes =
                    app.robot().lookup(".import-changes").queryAs(javafx.scene.control.TableView.class);
            assertThat(changes.getItems()).hasSize(2);
            var first = changes.getItems().get(0);
            // As read (the names and texts are embedded in their own direction, invisibly).
            assertThat(visible(first.flag())).isEqualTo("Écrit en dernier ici par Amina El Idrissi, pas par Youssef Benali");
            assertThat(first.what()).isEqualTo("Modifié");
            assertThat(visible(first.after())).isEqualTo("Texte : " + Laptops.YOUSSEF_SAYS);
            assertThat(visible(first.before())).startsWith("Texte : ").isNotEqualTo(visible(first.after()));
            assertThat(changes.getItems().get(1).flagged()).isFalse();
            // The flagged row is drawn as flagged, with the warning in its first cell.
            app.await(() -> app.robot().lookup(".import-changes .table-row-cell:flagged").tryQuery().isPresent());
            assertThat(visible(first.entry())).startsWith("Note : « ");
            assertThat(app.robot().lookup(".import-changes .change-text").queryAllAs(javafx.scene.text.Text.class))
                    .extracting(javafx.scene.text.Text::getText).contains(first.entry(), first.flag());
        }
    }

    @Test
    void aPackageOpenedWhileRihlaRunsOnTheFolderIsHandedToTheRunningWindow() throws Exception {
        Path pkg = Laptops.conflictingPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        assertThat(ma.etamkeen.rihla.PackageInbox.handOff(folder.resolve("youssef"), pkg))
                .as("no Rihla runs there: this process opens it itself").isFalse();
        try (AppRunner app = AppRunner.start(folder.resolve("youssef"), "fr")) {
            // What a second start from the file manager does (Main), while this window holds the folder:
            assertThat(ma.etamkeen.rihla.PackageInbox.handOff(folder.resolve("youssef"), pkg)).isTrue();
            app.awaitDialog();
            app.await(() -> app.showsText("Conflits : modifiés ici et dans le paquet depuis votre dernier échange"));
        }
        assertThat(folder.resolve("youssef").resolve("inbox")).isEmptyDirectory();
    }

    @Test
    void theExportDialogOffersOnlyMineAndTheLastExportToAColleague() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            app.menu("Exporter pour les collègues…");
            app.awaitDialog();
            RadioButton mine = app.robot().lookup(".radio-button").queryAllAs(RadioButton.class).stream()
                    .filter(button -> button.getText().equals("Seulement mes propres saisies")).findFirst().orElseThrow();
            assertThat(mine.isDisabled()).isFalse();  // Amina said who she is
            @SuppressWarnings("unchecked")
            ComboBox<ma.etamkeen.rihla.model.Delegate> colleague = app.robot().lookup(".dialog-body .combo-box")
                    .queryAs(ComboBox.class);
            app.robot().interact(() -> colleague.getSelectionModel().select(0));
            app.await(() -> app.showsText("Aucun export pour Youssef Benali jusqu'ici : tout part."));
            RadioButton since = app.robot().lookup(".radio-button").queryAllAs(RadioButton.class).stream()
                    .filter(button -> button.getText().startsWith("Ce qui a changé")).findFirst().orElseThrow();
            assertThat(since.isSelected()).isTrue();
        }
    }

    /** The text without its invisible format characters (bidi embeddings). */
    private static String visible(String text) {
        return text.replaceAll("\\p{Cf}", "");
    }
}
