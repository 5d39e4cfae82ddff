package ma.etamkeen.rihla.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.service.Workspace;

/**
 * Runs work against the workspace off the JavaFX thread and hands results back to it. Reads share a
 * small pool; writes go through one thread so they reach the store in the order the user made them.
 * Work queued while the data folder is still opening starts once it is open, so the window can be built
 * at once. {@link #replaceWorkspace} waits for running work and holds new work back (a restore).
 * Tests use {@link #sameThread(Workspace)}.
 */
public final class Background implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    /** Work against the open workspace (services block: never run on the JavaFX thread). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Workspace workspace) throws Exception;
    }

    private volatile CompletableFuture<Workspace> workspace;
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final Executor reads;
    private final Executor writes;
    private final Executor exclusive;
    private final Executor ui;
    private volatile Consumer<Throwable> errorHandler = Throwable::printStackTrace;

    private Background(CompletableFuture<Workspace> workspace, Executor reads, Executor writes, Executor exclusive,
                       Executor ui) {
        this.workspace = workspace;
        this.reads = reads;
        this.writes = writes;
        this.exclusive = exclusive;
        this.ui = ui;
    }

    /**
     * Work on background threads against the workspace {@code opening} completes with; results, progress and
     * failures are handed to {@code ui}, which must run them on the JavaFX thread ({@code Platform::runLater},
     * or a {@link HeldExecutor} in front of it while the window is being built).
     */
    public static Background forJavaFx(CompletableFuture<Workspace> opening, Executor ui) {
        return new Background(opening, Executors.newFixedThreadPool(2, daemon("rihla-read")),
                Executors.newSingleThreadExecutor(daemon("rihla-write")),
                Executors.newSingleThreadExecutor(daemon("rihla-exclusive")), ui);
    }

    /** Everything on the calling thread, against an open workspace: for view-model tests. */
    public static Background sameThread(Workspace workspace) {
        return new Background(CompletableFuture.completedFuture(workspace), Runnable::run, Runnable::run, Runnable::run,
                Runnable::run);
    }

    /** Runs {@code update} on the UI thread, later: for progress reported from background work. */
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    /** Where failures go when a caller gives no handler of its own (the app shows an error dialog). */
    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    /** Hands {@code failure} to where failures go when a caller gives no handler of its own (on the UI thread). */
    public void report(Throwable failure) {
        errorHandler.accept(failure);
    }

    public <T> void read(Work<T> work, Consumer<T> onResult) {
        submit(reads, work, onResult, errorHandler);
    }

    public <T> void read(Work<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(reads, work, onResult, onError);
    }

    public <T> void write(Work<T> work, Consumer<T> onResult) {
        submit(writes, work, onResult, errorHandler);
    }

    public <T> void write(Work<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(writes, work, onResult, onError);
    }

    /**
     * Once running work is done and with new work held back, replaces the workspace (e.g. closes it,
     * restores a backup, opens it again). {@code replace} must return the workspace to use from then on; its
     * search index starts opening at once (a restored store's is rebuilt before the next search, not at it).
     */
    public void replaceWorkspace(UnaryOperator<Workspace> replace, Runnable onDone, Consumer<Throwable> onError) {
        exclusive.execute(() -> {
            gate.writeLock().lock();
            try {
                Workspace next = replace.apply(workspace.join());
                next.search().start();
                workspace = CompletableFuture.completedFuture(next);
                ui.execute(onDone);
            } catch (RuntimeException | Error e) {
                ui.execute(() -> onError.accept(e));
            } finally {
                gate.writeLock().unlock();
            }
        });
    }

    private <T> void submit(Executor executor, Work<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        if (executor instanceof ExecutorService service && service.isShutdown()) {
            // The window is closing: its last edits were flushed before the executors stopped.
            LOG.fine("Work after close ignored");
            return;
        }
        executor.execute(() -> {
            gate.readLock().lock();
            try {
                Workspace open;
                try {
                    open = workspace.join();
                } catch (CompletionException notOpened) {
                    return;  // a data folder that could not be opened is reported once, by whoever opened it
                }
                T result = work.run(open);
                ui.execute(() -> onResult.accept(result));
            } catch (Exception | Error e) {
                ui.execute(() -> onError.accept(e));
            } finally {
                gate.readLock().unlock();
            }
        });
    }

    /** Finishes the writes already queued, then closes the workspace. */
    @Override
    public void close() {
        for (Executor executor : new Executor[] {reads, writes, exclusive}) {
            if (executor instanceof ExecutorService service) {
                service.shutdown();
            }
        }
        for (Executor executor : new Executor[] {writes, exclusive, reads}) {
            if (executor instanceof ExecutorService service) {
                try {
                    if (!service.awaitTermination(60, TimeUnit.SECONDS)) {
                        LOG.warning("Background work still running at exit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            workspace.join().close();
        } catch (CompletionException notOpened) {
            LOG.log(Level.FINE, "Nothing to close", notOpened);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
