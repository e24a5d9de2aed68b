package dev.blogdesk.sync;

import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.PostText;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The background syncer of the desktop app: rounds of {@link SyncEngine} on its own thread, soon after
 * local saves, every half minute otherwise, and with exponential back-off (2 s up to 5 min) while the
 * server is away. The app never waits for it: it reports a {@link SyncStatus} to a listener.
 */
public final class SyncService implements AutoCloseable {

    private static final long TICK_MS = 1_000;
    private static final long AFTER_SAVE_MS = 2_000;
    private static final long PERIOD_MS = 30_000;
    private static final long MIN_BACKOFF_MS = 2_000;
    private static final long MAX_BACKOFF_MS = 300_000;
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    public enum State { SYNCING, ONLINE, OFFLINE }

    /**
     * What the status bar shows. {@code unsynced}: ids of posts saved here and not on the server yet;
     * {@code retryInMillis}: when offline, the wait before the next attempt (-1: attempting now).
     */
    public record SyncStatus(State state, int pending, int conflicts, Set<String> unsynced, String problem,
                             long retryInMillis, int pulled) {
    }

    private final SyncEngine engine;
    private final Outbox outbox;
    private final ConnectionProfile profile;
    private final Consumer<SyncStatus> listener;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "blogdesk-sync");
        t.setDaemon(true);
        return t;
    });
    private long nextRoundAt;
    private long backoffMs = MIN_BACKOFF_MS;
    private int lastPending = -1;
    private long pendingChangedAt;
    private State current = State.OFFLINE;
    private String problem = "";
    private SyncRemote remote;
    private int lastPulled;

    public SyncService(StoreConnection local, ConnectionProfile profile, Consumer<SyncStatus> listener) {
        EmbeddedMongo embedded = local.embedded().orElseThrow(() -> new IllegalArgumentException("Sync needs the embedded store"));
        this.engine = SyncEngine.of(local);
        this.outbox = Outbox.of(embedded.changeFeed());
        this.profile = profile;
        this.listener = listener;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }


    /** Asks for a round as soon as possible (the user pressed "Sync now"). */
    public void syncNow() {
        thread.execute(() -> {
            nextRoundAt = 0;
            tick();
        });
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            int pending = engine.pending();
            if (pending != lastPending) {
                lastPending = pending;
                pendingChangedAt = now;
                publish(0);
            }
            boolean saveSettled = pending > 0 && now - pendingChangedAt >= AFTER_SAVE_MS && current == State.ONLINE;
            if (now < nextRoundAt && !saveSettled) {
                return;
            }
            round();
        } catch (RuntimeException e) {
            log.error("Sync tick failed", e);
        }
    }

    private void round() {
        if (current == State.OFFLINE) {
            publish(-1); // still offline, trying again: not "syncing" for the timeout's length
        } else {
            current = State.SYNCING;
            publish(0);
        }
        try {
            if (remote == null) {
                remote = SyncRemote.open(profile);
            }
            SyncReport report = engine.round(remote);
            current = State.ONLINE;
            problem = "";
            backoffMs = MIN_BACKOFF_MS;
            nextRoundAt = System.currentTimeMillis() + PERIOD_MS;
            lastPending = report.pending();
            if (report.pushed() + report.pulled() + report.conflicts() > 0) {
                log.info("Sync: {}", report.summary());
            }
            lastPulled = report.pulled();
            publish(0);
            lastPulled = 0;
        } catch (StoreException e) {
            current = State.OFFLINE;
            problem = e.getMessage();
            nextRoundAt = System.currentTimeMillis() + backoffMs;
            log.info("Sync: server away, retrying in {} s ({})", backoffMs / 1000, e.getMessage());
            long retry = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            publish(retry);
        }
    }

    private void publish(long retryIn) {
        Set<String> unsynced = outbox.snapshot().keySet().stream()
                .map(PostText::keyOf).collect(Collectors.toUnmodifiableSet());
        listener.accept(new SyncStatus(current, unsynced.size(), engine.report().conflicts(), unsynced, problem, retryIn,
                lastPulled));
    }

    /** The conflicts waiting for the user (reads the working copy; call off the UI thread). */
    public List<SyncEngine.Conflict> conflicts() {
        return call(engine::conflicts);
    }

    public enum Resolution { KEEP_MINE, KEEP_THEIRS, KEEP_BOTH }

    /** Applies the user's choice for one conflict; the next round pushes what needs pushing. */
    public void resolve(String postId, Resolution resolution) {
        call(() -> {
            switch (resolution) {
                case KEEP_MINE -> engine.keepMine(postId);
                case KEEP_THEIRS -> engine.keepTheirs(postId);
                case KEEP_BOTH -> engine.keepBoth(postId);
            }
            publish(0);
            nextRoundAt = 0;
            return null;
        });
    }

    /** Runs on the sync thread, so it never interleaves with a round. */
    private <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return thread.submit(action).get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreException("The sync is busy; try again in a moment.", e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
        if (remote != null) {
            remote.close();
        }
    }
}
