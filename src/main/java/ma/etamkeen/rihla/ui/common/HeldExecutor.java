package ma.etamkeen.rihla.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Passes tasks on to another executor, but holds those it is given before {@link #release()} and passes them
 * on then, in the order they came. The app hands background results to the JavaFX thread through one of these,
 * so that none reaches a window that is still being built on another thread.
 */
public final class HeldExecutor implements Executor {
    private final Executor target;
    private List<Runnable> held = new ArrayList<>();

    /** {@code target}: where tasks go once released (for the app, {@code Platform::runLater}). */
    public HeldExecutor(Executor target) {
        this.target = target;
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (held != null) {
            held.add(task);
        } else {
            target.execute(task);
        }
    }

    /** Passes on what was held, in order; from now on tasks go straight through. Calling it again does nothing. */
    public synchronized void release() {
        if (held != null) {
            held.forEach(target::execute);  // under the lock: a task given meanwhile cannot overtake them
            held = null;
        }
    }
}
