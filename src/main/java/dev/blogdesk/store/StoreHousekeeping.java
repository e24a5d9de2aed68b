package dev.blogdesk.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the running embedded store does besides serving: every few seconds it notes the newest durable
 * commit beside the store ({@link CommitRecord}); at idle it compacts the file and takes the day's backup.
 * One low-priority thread; none of it may slow a save or an import down.
 */
final class StoreHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);

    /** Housekeeping (the commit record, compaction at idle, the day's backup) looks in this often. */
    private static final int HOUSEKEEPING_SECONDS = 5;
    /** No request for this long: the store is idle, compaction may run. */
    private static final java.time.Duration IDLE = java.time.Duration.ofSeconds(2);
    /** The day's backup waits this long after start, and then for the first idle moment. */
    private static final java.time.Duration BACKUP_AFTER = java.time.Duration.ofSeconds(20);
    private static final int TARGET_FILL_RATE = 90;
    /**
     * Each step holds saves back while it runs. Measured on 40,000 posts with 8,000 edits: 8 MB steps took
     * at most 0.33 s each and 2.2 s in all to reach 96 % fill; 64 MB steps took up to 2.7 s each and
     * kept rewriting their own output (8 minutes in all). Moving 16 MB of chunks took 0.1 s.
     */
    private static final int REWRITE_BYTES_PER_STEP = 8 * 1024 * 1024;
    private static final long IDLE_MOVE_BYTES = 16 * 1024 * 1024;

    private final Path dataDir;
    private final MVStore mvStore;
    private final DurableH2Backend.Server server;
    private final StoreHealth health;
    private final java.util.concurrent.ScheduledExecutorService housekeeping;
    private final Path storeDir;
    private volatile long recordedVersion = -1;
    private boolean backupChecked; // housekeeping's thread only

    StoreHousekeeping(Path dataDir, MVStore mvStore, DurableH2Backend.Server server, StoreHealth health) {
        this.dataDir = dataDir;
        this.storeDir = dataDir.resolve(EmbeddedMongo.STORE_DIR);
        this.mvStore = mvStore;
        this.server = server;
        this.health = health;
        this.housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-housekeeping");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    void start() {
        housekeeping.scheduleWithFixedDelay(() -> guarded("commit record", () -> recordCommit(false)),
                HOUSEKEEPING_SECONDS, HOUSEKEEPING_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        long started = System.nanoTime();
        housekeeping.scheduleWithFixedDelay(() -> guarded("idle housekeeping", () -> {
                    // Only while nothing else happens: neither may slow an import or a save down.
                    if (server.idleFor().compareTo(IDLE) < 0) {
                        return;
                    }
                    if (!backupChecked && System.nanoTime() - started > BACKUP_AFTER.toNanos()) {
                        backupChecked = true;
                        backupIfDue(java.time.Instant.now());
                    }
                    compactWhileIdle();
                }), HOUSEKEEPING_SECONDS, HOUSEKEEPING_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    void guarded(String what, Runnable task) {
        try {
            if (!mvStore.isClosed() && !health.isDamaged()) {
                task.run();
            }
        } catch (RuntimeException e) {
            if (health.note(e, mvStore) == StoreHealth.Failure.OTHER) {
                log.warn("Store {} skipped: {}", what, e.toString());
            }
        }
    }

    /**
     * Notes the newest durable commit beside the store. Paused so the count belongs to the version; the
     * pause is one commit and one force, and only when something changed.
     */
    void recordCommit(boolean closing) {
        if (!closing && server.forcedVersion() == recordedVersion) {
            return;
        }
        java.util.function.Supplier<CommitRecord> take = () -> {
            if (mvStore.hasUnsavedChanges()) {
                mvStore.commit();
            }
            mvStore.sync();
            return new CommitRecord(mvStore.getCurrentVersion(), ServerDocuments.postCount(mvStore),
                    mvStore.getFileStore().size(), null);
        };
        long forced = server.forcedVersion();
        Optional<CommitRecord> record = closing ? Optional.of(health.alone(take)) : health.aloneIfFree(take);
        if (record.isEmpty()) {
            return; // busy: the next round notes it
        }
        try {
            record.get().write(storeDir);
            recordedVersion = forced;
        } catch (java.io.IOException e) {
            log.warn("Could not write the commit record: {}", Folders.writeFailureMessage(storeDir, e));
        }
    }

    /**
     * Rewrites partly empty chunks while no request comes in, after an import as after many small saves,
     * then moves the chunks together so the file shrinks; stops as soon as a request arrives.
     */
    void compactWhileIdle() {
        compact(() -> server.idleFor().compareTo(IDLE) >= 0, IDLE_MOVE_BYTES, false);
    }

    /** The compaction housekeeping does at idle, all of it now: for a caller that just finished a bulk write. */
    void compactNow() {
        compact(() -> true, Long.MAX_VALUE, true);
    }

    /**
     * Each step runs with nothing else reading or writing the store (and is skipped when something
     * is), so it may free and reuse dead chunks at once: MVStore's own guards for concurrent readers (45 s
     * of retention, five old versions) are not needed while no reader exists, and everything is forced
     * before anything is overwritten. {@code moveBytes}: how much one pass may move.
     */
    private void compact(java.util.function.BooleanSupplier mayGoOn, long moveBytes, boolean wait) {
        org.h2.mvstore.FileStore<?> fileStore = mvStore.getFileStore();
        long before = fileStore.size();
        for (int step = 0; step < 256 && fileStore.getChunksFillRate() < TARGET_FILL_RATE && mayGoOn.getAsBoolean(); step++) {
            Optional<Boolean> rewrote = alone(wait, () -> mvStore.compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_STEP));
            if (rewrote.isEmpty() || !rewrote.get()) {
                break;
            }
        }
        if (mayGoOn.getAsBoolean()) {
            alone(wait, () -> {
                if (mvStore.hasUnsavedChanges()) {
                    mvStore.commit();
                }
                mvStore.sync();
                mvStore.commit(); // a newer version, so the rewritten chunks count as unused
                if (fileStore instanceof org.h2.mvstore.RandomAccessStore file) {
                    file.compactMoveChunks(100, moveBytes, mvStore); // syncs before it overwrites and before it truncates
                }
                return Boolean.TRUE;
            });
        }
        long after = fileStore.size();
        if (after < before) {
            log.info("Store compacted from {} KB to {} KB", before / 1024, after / 1024);
        }
    }

    private <T> Optional<T> alone(boolean wait, java.util.function.Supplier<T> step) {
        java.util.function.Supplier<T> unguarded = () -> {
            int retention = mvStore.getRetentionTime();
            int versions = (int) mvStore.getVersionsToKeep();
            mvStore.setRetentionTime(0);
            mvStore.setVersionsToKeep(0);
            try {
                return step.get();
            } finally {
                mvStore.setRetentionTime(retention);
                mvStore.setVersionsToKeep(versions);
            }
        };
        return wait ? Optional.ofNullable(health.alone(unguarded)) : health.aloneIfFree(unguarded);
    }

    /** The day's backup, if due (see {@link StoreBackups}); damage found while copying marks the store. */
    Optional<Path> backupIfDue(java.time.Instant now) {
        try {
            return StoreBackups.takeIfDue(dataDir, mvStore, health::alone, now);
        } catch (java.io.IOException e) {
            log.warn("Could not back up the store: {}", Folders.writeFailureMessage(StoreBackups.backupDir(dataDir), e));
            return Optional.empty();
        }
    }

    /** Stops the rounds; one that is running finishes first. */
    void stop() {
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
