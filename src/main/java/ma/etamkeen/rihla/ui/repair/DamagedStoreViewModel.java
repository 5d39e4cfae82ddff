package ma.etamkeen.rihla.ui.repair;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.DamagedStore;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;

/**
 * The choice a damaged store asks for, before the window can show any data: restore a backup (the newest
 * good one is chosen), try H2's recovery tool, or start empty on purpose. The work runs off the JavaFX thread;
 * while it runs the choices are disabled; a failure (a recovery that found nothing usable) is shown and the
 * user chooses again. Once a choice succeeds, {@code repaired} gets the sentence for the status bar.
 */
public final class DamagedStoreViewModel {
    private final DamagedStore store;
    private final UiLanguage language;
    private final Executor work;
    private final Executor ui;
    private final Consumer<String> repaired;
    private final ObservableList<BackupService.Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupService.Backup> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    /**
     * @param work     runs the repairs (a background thread; the same thread in tests)
     * @param ui       hands results back to the JavaFX thread
     * @param repaired called on the JavaFX thread once the folder can be opened again
     */
    public DamagedStoreViewModel(DamagedStore store, UiLanguage language, Executor work, Executor ui,
                                 Consumer<String> repaired) {
        this.store = store;
        this.language = language;
        this.work = work;
        this.ui = ui;
        this.repaired = repaired;
        backups.setAll(store.backups().stream().filter(BackupService.Backup::restorable).toList());
        chosen.set(store.newestGood().flatMap(newest -> backups.stream()
                .filter(backup -> backup.file().equals(newest.file())).findFirst()).orElse(null));
    }

    /** What was found, that the file is untouched, and the newest good backup. */
    public String description() {
        return store.describe(language.messages(), TextDirection::leftToRight);
    }

    /** The backups that can be restored, newest first. */
    public ObservableList<BackupService.Backup> backups() {
        return backups;
    }

    /** The backup to restore: the newest good one, unless the user picks another. */
    public ObjectProperty<BackupService.Backup> chosenProperty() {
        return chosen;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What is being done, or why the last choice failed. */
    public StringProperty messageProperty() {
        return message;
    }

    /** A backup's date and what it holds, for the list. */
    public String describe(BackupService.Backup backup) {
        Messages messages = language.messages();
        return messages.format("damage.backup", BackupService.when(backup, messages),
                BackupService.reason(backup, messages), BackupService.counts(backup.counts(), messages));
    }

    /** Restores the chosen backup in place of the damaged database. */
    public void restoreChosen() {
        BackupService.Backup backup = chosen.get();
        if (backup != null) {
            run("damage.restoring", () -> {
                String kept = BackupService.kept(store.restore(backup.file()), language.messages());
                return language.messages().format("backups.restored", backup.file().getFileName()) + " " + kept;
            });
        }
    }

    /** Rebuilds the store from what H2's recovery tool can read of the damaged file. */
    public void recover() {
        run("damage.recovering", () -> language.messages().format("damage.recovered",
                BackupService.counts(store.recover(), language.messages())));
    }

    /** Whether the database can be used as it is (one copied in from elsewhere): the choice is offered. */
    public boolean usableAsItIs() {
        return store.usableAsItIs();
    }

    /** Uses the database copied in from elsewhere as this folder's store. */
    public void useAsItIs() {
        run("damage.using", () -> {
            store.useAsItIs();
            return language.messages().get("damage.used");
        });
    }

    /** Starts again with only the built-in data. */
    public void startEmpty() {
        run("damage.starting-empty", () -> {
            store.startEmpty();
            return language.messages().get("damage.started-empty");
        });
    }

    private void run(String doingKey, Supplier<String> repair) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(language.messages().get(doingKey));
        work.execute(() -> {
            try {
                String done = repair.get();
                ui.execute(() -> {
                    busy.set(false);
                    message.set(done);
                    repaired.accept(done);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(Failures.describe(e, language.messages(), TextDirection::leftToRight));
                });
            }
        });
    }
}
