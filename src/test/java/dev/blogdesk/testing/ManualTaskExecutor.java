package dev.blogdesk.testing;

import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.TaskExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Queues work so a test decides when, and in which order, background tasks finish. */
public final class ManualTaskExecutor implements TaskExecutor {

    private final List<Runnable> pending = new ArrayList<>();
    private final DirectTaskExecutor direct = new DirectTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> direct.execute(work, onSuccess, onFailure));
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Completes the task submitted {@code index}-th among those still pending. */
    public void complete(int index) {
        pending.remove(index).run();
    }

    public void completeAll() {
        while (!pending.isEmpty()) {
            complete(0);
        }
    }
}
