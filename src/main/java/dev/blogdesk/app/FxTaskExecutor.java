package dev.blogdesk.app;

import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** JavaFX tasks on a small bounded pool of daemon threads; callbacks run on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "blogdesk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            log.warn("Background task failed: {}", failure.toString(), failure);
            onFailure.accept(failure);
        });
        try {
            pool.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window is closing: nothing new starts, and the caller hears why.
            log.warn("Background task not started: the window is closing");
            runOnUi(() -> onFailure.accept(closed));
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Takes no new work but lets queued work finish: the settings saved on quit are queued last, and
     * cancelling them lost the window layout and the last open post (seen as a flaky UI test).
     */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** Like {@link #close()}, then waits up to {@code timeout} for the queued work to finish. */
    public void closeAndWait(java.time.Duration timeout) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                log.warn("Background work still running after {} s; closing anyway", timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for background work to finish");
        }
    }
}
