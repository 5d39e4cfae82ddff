package ma.etamkeen.rihla.ui.backups;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The backups of the data folder: make one now, or bring one back. */
public final class BackupsViewModel {
    private final WindowContext context;
    private final ObservableList<BackupService.Backup> backups = FXCollections.observableArrayList();

    public BackupsViewModel(WindowContext context) {
        this.context = context;
    }

    public ObservableList<BackupService.Backup> backups() {
        return backups;
    }

    public void reload() {
        context.background().read(workspace -> workspace.backups().list(), backups::setAll);
    }

    public void backUpNow() {
        context.background().read(workspace -> workspace.backups().backUpNow(), made -> {
            context.saveStatus().info(context.language().messages().format("backups.made", made.file().getFileName()));
            reload();
        });
    }

    /**
     * Replaces all data with {@code backup} (after backing up the current state), then shows it:
     * the data folder is closed, restored and opened again while nothing else runs.
     */
    public void restore(Path backup, Runnable restored, Consumer<String> refused) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<String> kept = new AtomicReference<>("");
        context.background().replaceWorkspace(current -> {
            Path folder = current.folder();
            current.close();
            try {
                kept.set(BackupService.kept(BackupService.restore(folder, backup), context.language().messages()));
            } catch (RuntimeException e) {
                failure.set(e);  // nothing was changed; the data folder opens again as it was
            }
            return Workspace.open(folder);
        }, () -> {
            context.loadLists();
            context.changed();
            if (failure.get() != null) {
                refused.accept(context.describe(failure.get()));
                return;
            }
            context.saveStatus().info(context.language().messages().format("backups.restored", backup.getFileName())
                    + " " + kept.get());
            restored.run();
        }, reopenFailure -> refused.accept(context.describe(reopenFailure)));
    }
}
