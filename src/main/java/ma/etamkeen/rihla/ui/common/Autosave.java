package ma.etamkeen.rihla.ui.common;

import java.time.Duration;

/**
 * Saves a little while after the last change (typing), and at once when asked to flush (leaving the entry,
 * closing the window). One per editor; everything runs on the JavaFX thread.
 */
public final class Autosave {
    /** Time after the last keystroke before saving: short enough to lose nothing, long enough not to save every key. */
    public static final Duration DELAY = Duration.ofMillis(600);

    /** Schedules delayed work; the app uses a JavaFX timer, tests a manual one. */
    public interface Timer {
        /** Runs {@code action} after {@code delay} unless cancelled by the returned handle. */
        Runnable schedule(Duration delay, Runnable action);
    }

    private final Timer timer;
    private final Runnable save;
    private Runnable cancelPending;

    public Autosave(Timer timer, Runnable save) {
        this.timer = timer;
        this.save = save;
    }

    /** Something changed: save after {@link #DELAY} of quiet. */
    public void changed() {
        cancel();
        cancelPending = timer.schedule(DELAY, () -> {
            cancelPending = null;
            save.run();
        });
    }

    /** Saves now what is waiting, if anything. */
    public void flush() {
        if (cancelPending != null) {
            cancel();
            save.run();
        }
    }

    public boolean isPending() {
        return cancelPending != null;
    }

    private void cancel() {
        if (cancelPending != null) {
            cancelPending.run();
            cancelPending = null;
        }
    }

    /** The app's timer: a JavaFX pause, so the save runs on the JavaFX thread. */
    public static Timer javaFxTimer() {
        return (delay, action) -> {
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(event -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
