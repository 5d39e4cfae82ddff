package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.StoreException;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.Stores;

/**
 * The window on a damaged store: before any data shows, it says what was found and offers the newest good
 * backup, H2's recovery tool and an empty start; the choice is made, and the window fills in.
 */
class DamagedStoreWindowTest {
    @TempDir
    Path folder;

    /** Demo entries, a backup of them, a note written after it; then the database file cut to 4 KB. */
    private String damagedStoreWithABackup() throws Exception {
        DemoData.fill(folder);
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.backups().backUpNow();
            workspace.notes().save(new Note(java.util.UUID.randomUUID(), Seeder.siteId("nido"), null, null,
                    "Écrite après la sauvegarde", null));
        }
        Path file = folder.resolve("rihla.mv.db");
        try (RandomAccessFile database = new RandomAccessFile(file.toFile(), "rw")) {
            database.setLength(4096);
        }
        return Stores.sha256(file);
    }

    private static void click(AppRunner app, String text) {
        Button button = app.robot().lookup((Button b) -> text.equals(b.getText())).queryButton();
        // Later, not inside interact(): a button may open a modal dialog that waits for the user.
        javafx.application.Platform.runLater(button::fire);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A failure met while the window is still being readied (here a value changed by hand that no site can be
     * read with) is shown over the window: before, the window stayed on "Loading the sites" and said nothing.
     */
    @Test
    void aFailureMetBeforeTheWindowShowsIsShownOverIt() throws Exception {
        Workspace.open(folder).close();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + folder.toAbsolutePath().resolve("rihla"), "rihla", "");
             java.sql.Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE SITE SET TO_CONFIRM = 'no such field' WHERE SLUG = 'asa'"))
                    .isOne();
        }
        try (AppRunner app = AppRunner.startDamaged(folder, "fr")) {  // waits for a window over the main one
            assertThat(app.stage().isShowing()).isTrue();
            assertThat(app.showsText("Rihla ne peut pas continuer")).isTrue();
            String refusal = Failures.describe(new StoreException(StoreException.Reason.CHANGED_VALUE,
                    "SITE " + Seeder.siteId("asa") + " asa", null), Messages.of(Language.FR), TextDirection::leftToRight);
            assertThat(refusal).contains("Site asa, " + Seeder.siteId("asa")).contains("modifiée en dehors de Rihla");
            assertThat(app.showsText(refusal)).as(refusal).isTrue();
            org.testfx.util.WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);  // every list has failed
            assertThat(app.otherWindows()).as("the same sentence once, not once per list").hasSize(1);
            assertThat(((Label) app.siteList().getPlaceholder()).getText()).as("not still loading, nor 'no sites'")
                    .isEqualTo(Messages.of(Language.FR).get("sites.unreadable"));
            assertThat(app.robot().lookup(".pane-count").queryAs(Label.class).getText()).as("no count of sites").isEmpty();
        }
    }

    /**
     * A data folder open in another window is refused on its own, in the user's language, with the window's icon:
     * the main window does not come up behind it, empty, not even after it would show at the latest.
     */
    @Test
    void aFolderOpenInAnotherWindowIsRefusedWithNoEmptyWindowBehind() throws Exception {
        try (Workspace other = Workspace.open(folder);
             AppRunner app = AppRunner.startRefused(folder, "fr")) {
            String refusal = Failures.describe(new StoreException(StoreException.Reason.IN_USE, folder.toString(), null),
                    Messages.of(Language.FR), TextDirection::leftToRight);
            assertThat(refusal).startsWith("Rihla est déjà ouvert sur le dossier de données");
            assertThat(app.showsText(refusal)).as(refusal).isTrue();
            org.testfx.util.WaitForAsyncUtils.sleep(2, java.util.concurrent.TimeUnit.SECONDS);  // past SHOW_AT_LATEST
            assertThat(app.stage().isShowing()).isFalse();
            assertThat(app.otherWindows()).singleElement()
                    .satisfies(dialog -> assertThat(((javafx.stage.Stage) dialog).getIcons()).isNotEmpty());
            assertThat(other.catalog().sites()).as("the other window's store is untouched").hasSize(15);
        }
    }

    @Test
    void inArabicTheNewestGoodBackupIsOfferedAndRestoredAndTheWindowFillsIn() throws Exception {
        String damaged = damagedStoreWithABackup();
        Messages arabic = Messages.of(Language.AR);
        try (AppRunner app = AppRunner.startDamaged(folder, "ar")) {
            assertThat(app.showsText(arabic.get("damage.title"))).isTrue();
            assertThat(app.siteList().getItems()).as("no data before the choice").isEmpty();
            String description = app.robot().lookup(".dialog-body .label").queryAs(Label.class).getText();
            assertThat(description).contains("rihla.mv.db").contains(arabic.get("damage.untouched"));
            ListView<?> backups = app.robot().lookup(".dialog-body .list-view").queryAs(ListView.class);
            assertThat(backups.getSelectionModel().getSelectedIndex()).isZero();

            click(app, arabic.get("damage.restore"));
            app.await(() -> !app.siteList().getItems().isEmpty());
            assertThat(app.otherWindows()).isEmpty();
            app.clickSite("Easy.brussels");
            app.openTab(1);
            ListView<?> notes = app.visible(".entries-list", ListView.class);
            app.await(() -> notes.getItems().size() == 2);
        }
        assertKeptAsItWas(damaged);
    }

    @Test
    void inFrenchAFailedRecoveryIsExplainedAndAnEmptyStartKeepsTheBackups() throws Exception {
        String damaged = damagedStoreWithABackup();
        Messages french = Messages.of(Language.FR);
        try (AppRunner app = AppRunner.startDamaged(folder, "fr")) {
            click(app, french.get("damage.recover"));
            app.await(() -> app.robot().lookup((Label label) -> label.getText() != null
                    && label.getText().startsWith("L'outil de sauvetage d'H2 n'a pas pu")).tryQuery().isPresent());
            assertThat(app.showsText(french.get("damage.title"))).as("the choice stays open").isTrue();

            click(app, french.get("damage.start-empty"));
            app.awaitDialog();
            click(app, french.get("damage.start-empty.yes"));
            app.await(() -> app.siteList().getItems().size() > 15);  // 15 sites and their city headings
            assertThat(app.otherWindows()).isEmpty();
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Seeder.siteId("easy-brussels"))).isEmpty();
            assertThat(workspace.backups().list()).extracting(BackupService.Backup::reason).contains("manual");
        }
        assertKeptAsItWas(damaged);
    }

    private void assertKeptAsItWas(String fingerprint) throws Exception {
        try (var kept = Files.list(folder.resolve("damaged"))) {
            List<Path> files = kept.toList();
            assertThat(files).hasSize(1);
            assertThat(Stores.sha256(files.get(0))).isEqualTo(fingerprint);
        }
    }
}
