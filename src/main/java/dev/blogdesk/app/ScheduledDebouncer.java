package dev.blogdesk.app;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Debouncer} on a scheduler thread, for code that runs without the FX toolkit. */
public final class ScheduledDebouncer implements Debouncer {

    private final ScheduledExecutorService scheduler;
    private final long delayMillis;
    private ScheduledFuture<?> pending;

    public ScheduledDebouncer(ScheduledExecutorService scheduler, Duration delay) {
        this.scheduler = scheduler;
        this.delayMillis = delay.toMillis();
    }

    @Override
    public synchronized void submit(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    }
}
