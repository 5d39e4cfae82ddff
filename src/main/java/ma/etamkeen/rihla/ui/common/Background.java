package ma.etamkeen.rihla.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

import ma.etamkeen.rihla.service.Workspace;

/**
 * Runs work against the workspace off the JavaFX thread and hands results back to it. Reads share a
 * small pool; writes go through one thread so they reach the store in the order the user made them.
 * Work queued while the data folder is still opening simply starts once it is open, so the window can
 * be built at once. Tests use {@link #sameThread(Workspace)}.
 */
public final class Background implements AutoCloseable {

    /** Work against the open workspace (services block: never run on the JavaFX thread). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Workspace workspace) throws Exception;
    }

    private final CompletableFuture<Workspace> workspace;
    private final Executor reads;
    private final Executor writes;
    private final Executor ui;
    private volatile Consumer<Throwable> errorHandler = Throwable::printStackTrace;

    private Background(CompletableFuture<Workspace> workspace, Executor reads, Executor writes, Executor ui) {
        this.workspace = workspace;
        this.reads = reads;
        this.writes = writes;
        this.ui = ui;
    }

    public static Background forJavaFx(CompletableFuture<Workspace> opening) {
        return new Background(opening, Executors.newFixedThreadPool(2, daemon("rihla-read")),
                Executors.newSingleThreadExecutor(daemon("rihla-write")), Platform::runLater);
    }

    /** Everything on the calling thread, against an open workspace: for view-model tests. */
    public static Background sameThread(Workspace workspace) {
        return new Background(CompletableFuture.completedFuture(workspace), Runnable::run, Runnable::run, Runnable::run);
    }

    /** Where failures go when a caller gives no handler of its own (the app shows an error dialog). */
    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    public <T> void read(Work<T> work, Consumer<T> onResult) {
        submit(reads, work, onResult, errorHandler);
    }

    public <T> void write(Work<T> work, Consumer<T> onResult) {
        submit(writes, work, onResult, errorHandler);
    }

    public <T> void write(Work<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(writes, work, onResult, onError);
    }

    private <T> void submit(Executor executor, Work<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        workspace.thenAcceptAsync(open -> {
            T result;
            try {
                result = work.run(open);
            } catch (Exception | Error e) {
                ui.execute(() -> onError.accept(e));
                return;
            }
            ui.execute(() -> onResult.accept(result));
        }, executor).exceptionally(failure -> {
            // A data folder that could not be opened is reported once, by whoever opened it.
            if (!workspace.isCompletedExceptionally()) {
                ui.execute(() -> onError.accept(failure instanceof CompletionException c ? c.getCause() : failure));
            }
            return null;
        });
    }

    @Override
    public void close() {
        for (Executor executor : new Executor[] {reads, writes}) {
            if (executor instanceof ExecutorService service) {
                service.shutdown();
            }
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
