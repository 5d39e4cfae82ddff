package ma.etamkeen.rihla.ui.exchange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Function;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SyncService;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * Sync as the window does it: "Sync now" (Ctrl+Shift+S), and by itself a few seconds after the start and every
 * {@link SyncService#AUTO_MINUTES} minutes while a hub is chosen and automatic sync is on. Each sync runs off the
 * JavaFX thread; the status bar says when the last one was and what it brought, or why it could not reach the
 * hub (quietly, for an automatic one: working offline is normal), and how many conflicts wait.
 */
public final class SyncViewModel {
    /** How long after the start the first automatic sync waits: the window first, then the network. */
    private static final Duration FIRST_SYNC = Duration.seconds(5);

    private final WindowContext context;
    /** The status bar's sentence, written in whatever language the window is in when it is shown. */
    private final SimpleObjectProperty<Function<Messages, String>> said = new SimpleObjectProperty<>(this, "said", m -> "");
    private final StringBinding status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private Timeline automatic;

    public SyncViewModel(WindowContext context) {
        this.context = context;
        this.status = Bindings.createStringBinding(() -> said.get().apply(context.language().messages()), said,
                context.language().languageProperty(), context.language().digitsProperty());
    }

    /** What the status bar says about sync: empty until a hub is chosen. */
    public StringBinding statusBinding() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the last sync failed (the status bar says why). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** How many sync conflicts wait to be settled. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What the status bar says at start: whether a hub is chosen, when the last sync was, how many conflicts wait. */
    private record Kept(boolean hub, Optional<Instant> last, int waiting) {
    }

    /** Reads when this laptop last synced and what waits, for the status bar. */
    public void load() {
        context.background().read(workspace -> new Kept(workspace.sync().hub().isPresent(), workspace.sync().lastSync(),
                workspace.sync().waiting()), kept -> {
            waiting.set(kept.waiting());
            Function<Messages, String> conflicts = messages -> kept.waiting() == 0 ? ""
                    : " — " + messages.format("sync.waiting", kept.waiting());
            if (!kept.hub()) {
                said.set(conflicts);
            } else if (kept.last().isEmpty()) {
                said.set(messages -> messages.get("sync.never") + conflicts.apply(messages));
            } else {
                said.set(messages -> messages.format("sync.last", when(kept.last().get())) + conflicts.apply(messages));
            }
        }, failure -> { });
    }

    /** Syncs with the hub of the settings now; a sync already running is not started twice. */
    public void syncNow() {
        sync(false);
    }

    /**
     * Syncs by itself {@link #FIRST_SYNC} after the start, then every {@link SyncService#AUTO_MINUTES} minutes, when a
     * hub is chosen and automatic sync is on. Stopped by {@link #stop()}.
     */
    public void startAutomatic() {
        load();
        if (automatic != null) {
            return;
        }
        automatic = new Timeline(new KeyFrame(FIRST_SYNC, event -> sync(true)),
                new KeyFrame(FIRST_SYNC.add(Duration.minutes(SyncService.AUTO_MINUTES))));
        automatic.setCycleCount(Timeline.INDEFINITE);  // at FIRST_SYNC, then every AUTO_MINUTES minutes
        automatic.play();
    }

    public void stop() {
        if (automatic != null) {
            automatic.stop();
        }
    }

    private void sync(boolean byItself) {
        if (running.get()) {
            return;
        }
        running.set(true);
        context.background().read(workspace -> {
            SyncService sync = workspace.sync();
            Optional<HubAddress> hub = sync.hub();
            if (hub.isEmpty() || byItself && !sync.automatic()) {
                return Optional.<SyncService.Synced>empty();
            }
            context.background().onUi(() -> said.set(messages -> messages.format("sync.running", hub.get().text())));
            return Optional.of(sync.sync(hub.get(), null));
        }, synced -> {
            running.set(false);
            if (synced.isEmpty()) {
                if (!byItself) {
                    failed.set(true);
                    said.set(messages -> messages.get("sync.no-hub"));
                }
                return;
            }
            failed.set(false);
            waiting.set(synced.get().waiting());
            Instant at = synced.get().at();
            said.set(messages -> messages.format("sync.last", when(at)) + " — " + synced.get().describe(messages));
            if (synced.get().received().changesAnything()) {
                context.changed();
                context.knowledgeChanged();
            }
        }, failure -> {
            running.set(false);
            failed.set(true);
            // What being offline looks like: no name resolved, no server answering, the stick not plugged in.
            boolean offline = failure instanceof RejectedInput rejected && java.util.Set.of("sync.hub-unreachable",
                    "sync.hub-unknown-host", "sync.hub-no-answer", "sync.folder-missing").contains(rejected.messageKey());
            if (byItself && offline) {
                said.set(messages -> messages.get("sync.offline"));
            } else {
                said.set(messages -> WindowContext.describe(failure, messages));  // in the language shown now
            }
        });
    }

    private String when(Instant at) {
        return context.language().dateTime(FormatStyle.SHORT).format(at.atZone(ZoneId.systemDefault()));
    }
}
