package dev.blogdesk.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (store calls, rendering) off the UI thread and hands the result back on it.
 * The app uses JavaFX tasks on a bounded pool; tests use {@link DirectTaskExecutor}.
 */
public interface TaskExecutor {

    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread. */
    void runOnUi(Runnable action);
}
