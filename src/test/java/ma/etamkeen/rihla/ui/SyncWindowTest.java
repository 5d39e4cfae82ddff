package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.Stores;

/**
 * Sync in the real window: the settings show the hub chosen and refuse a wrong address in words; Ctrl+Shift+S
 * syncs and the status bar says what came and that a conflict waits; the conflicts list shows both versions and
 * settles one with a click.
 */
class SyncWindowTest {
    @TempDir
    Path folder;

    @Test
    void settingsSyncNowAndAConflictSettledFromTheList() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        HubAddress hub = HubAddress.folder(stick);
        UUID shared;
        try (Workspace mine = Workspace.open(folder.resolve("mine"));
             Workspace amina = Workspace.open(folder.resolve("amina"))) {
            Delegate her = amina.people().save(new Delegate(UUID.randomUUID(), "Amina", null));
            amina.identity().setMe(her.id());
            shared = amina.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 28),
                    "Le guichet unique", null)).id();
            amina.sync().sync(hub, null);
            mine.sync().setHub(hub);
            mine.sync().setAutomatic(false);
            mine.sync().sync(hub, null);
            mine.notes().save(find(mine, shared).withBody("Le guichet unique, vu d'ici"));
            amina.notes().save(find(amina, shared).withBody("Le guichet unique, vu par Amina"));
            amina.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 29), "MolenGeek", null));
            amina.sync().sync(hub, null);
        }
        Messages fr = Messages.of(Language.FR);
        try (AppRunner app = AppRunner.start(folder.resolve("mine"), "fr")) {
            app.menu(fr.get("menu.file.sync-settings"));
            app.awaitDialog();
            TextField path = app.visible("#folderField", TextField.class);
            app.await(() -> stick.toString().equals(path.getText()));
            assertThat(app.visible("#folderRadio", RadioButton.class).isSelected()).isTrue();
            app.robot().interact(() -> app.visible("#serverRadio", RadioButton.class).fire());
            app.robot().interact(() -> app.visible("#portField", TextField.class).setText("cinq"));
            app.robot().interact(() -> app.visible("#hostField", TextField.class).setText("hub.ministere.ma"));
            app.robot().interact(() -> app.visible("#syncButton", Button.class).fire());
            Label message = app.robot().lookup("#messageLabel").queryAs(Label.class);
            app.await(() -> message.getText().contains("cinq"));
            assertThat(message.getText()).startsWith("Le hub « cinq » n’est ni un dossier");
            app.robot().interact(() -> app.visible("#folderRadio", RadioButton.class).fire());
            app.robot().interact(() -> app.visible("#syncButton", Button.class).fire());  // saved and synced
            Label status = app.robot().lookup(".sync-status").queryAs(Label.class);
            app.await(() -> status.getText().contains("1 conflit attend"));
            assertThat(status.getText()).contains("1 nouvelle note de Amina");

            try (Workspace amina = Workspace.open(folder.resolve("amina"))) {  // Amina writes on, and syncs
                amina.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 30), "BeCode", null));
                amina.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 30), "NIDO", null));
                amina.sync().sync(hub, null);
            }
            app.robot().clickOn(app.siteList());
            app.robot().press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
            app.await(() -> status.getText().contains("2 nouvelles notes de Amina"));

            app.menu(fr.get("menu.file.sync-conflicts"));
            app.awaitDialog();
            app.await(() -> app.showsText("Le guichet unique, vu par Amina"));
            assertThat(app.showsText("Le guichet unique, vu d'ici")).isTrue();
            Button theirs = app.robot().lookup(".conflict .button").queryAllAs(Button.class).stream()
                    .filter(button -> button.getText().equals(fr.get("sync.conflicts.theirs"))).findFirst().orElseThrow();
            app.robot().interact(theirs::fire);
            app.await(() -> app.showsText(fr.get("sync.conflicts.none")));
        }
        try (Workspace mine = Workspace.open(folder.resolve("mine"))) {
            assertThat(find(mine, shared).body()).isEqualTo("Le guichet unique, vu par Amina");
            assertThat(mine.sync().waiting()).isZero();
        }
    }

    private static Note find(Workspace laptop, UUID id) {
        return laptop.notes().forSite(Stores.SITE).stream().filter(note -> note.id().equals(id)).findFirst().orElseThrow();
    }
}
