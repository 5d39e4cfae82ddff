package ma.etamkeen.rihla.ui.exchange;

import java.util.List;
import java.util.UUID;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * File ▸ Sync conflicts: each record changed here and on another laptop since they last synced, both versions
 * side by side, settled one by one — keep mine, take theirs, or keep both — exactly like an import's conflicts.
 */
public final class SyncConflictsViewModel {
    private final WindowContext context;
    private final SyncViewModel sync;
    private final ObservableList<ImportViewModel.ConflictView> conflicts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public SyncConflictsViewModel(WindowContext context, SyncViewModel sync) {
        this.context = context;
        this.sync = sync;
    }

    /** The conflicts waiting, oldest first. */
    public ObservableList<ImportViewModel.ConflictView> conflicts() {
        return conflicts;
    }

    /** "No conflict waits", or why settling one failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void load() {
        context.background().read(workspace -> workspace.sync().conflicts(), loaded -> {
            List<ImportViewModel.ConflictView> views = loaded.stream()
                    .map(conflict -> ImportViewModel.conflictView(conflict, context)).toList();
            conflicts.setAll(views);
            message.set(views.isEmpty() ? context.language().messages().get("sync.conflicts.none") : "");
        }, failure -> message.set(context.describe(failure)));
    }

    /** Settles one conflict as chosen; the list and the window's views follow. */
    public void settle(UUID id, Resolution choice) {
        context.background().write(workspace -> {
            workspace.sync().settle(id, choice);
            return null;
        }, done -> {
            load();
            sync.load();
            context.changed();
        }, failure -> message.set(context.describe(failure)));
    }
}
