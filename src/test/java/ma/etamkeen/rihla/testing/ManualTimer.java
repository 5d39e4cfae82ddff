package ma.etamkeen.rihla.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ma.etamkeen.rihla.ui.common.Autosave;

/** A timer for view-model tests: scheduled actions run when the test says time has passed. */
public final class ManualTimer implements Autosave.Timer {
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public Runnable schedule(Duration delay, Runnable action) {
        pending.add(action);
        delays.add(delay);
        return () -> pending.remove(action);
    }

    /** Runs everything scheduled so far, as if the delay had passed. */
    public void elapse() {
        List<Runnable> due = new ArrayList<>(pending);
        pending.clear();
        due.forEach(Runnable::run);
    }

    public int pendingCount() {
        return pending.size();
    }

    public List<Duration> delays() {
        return delays;
    }
}
