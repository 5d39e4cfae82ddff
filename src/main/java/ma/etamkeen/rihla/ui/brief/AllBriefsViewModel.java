package ma.etamkeen.rihla.ui.brief;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Every site's brief into a folder, one PDF each, with progress and a way to stop. */
public final class AllBriefsViewModel {
    private final WindowContext context;
    private final Path folder;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public AllBriefsViewModel(WindowContext context, Path folder) {
        this.context = context;
        this.folder = folder;
    }

    /** Starts writing, with the options of the last brief previewed. */
    public void start() {
        Messages messages = context.language().messages();
        Language fallback = context.language().get();
        running.set(true);
        cancelled.set(false);
        context.background().read(workspace -> workspace.briefs().writeAll(folder,
                workspace.briefs().lastOptions(fallback), (done, total) -> context.background().onUi(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    message.set(messages.format("briefs.progress", done, total));
                }), cancelled::get), written -> {
                    running.set(false);
                    message.set(cancelled.get()
                            ? messages.format("briefs.stopped", written.size())
                            : messages.format("briefs.done", written.size(), folder.toString()));
                }, failure -> {
                    running.set(false);
                    message.set(context.describe(failure));
                });
    }

    /** Stops after the brief being written (which is then whole). */
    public void cancel() {
        cancelled.set(true);
    }

    public Path folder() {
        return folder;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
