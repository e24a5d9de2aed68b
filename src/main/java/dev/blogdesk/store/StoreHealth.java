package dev.blogdesk.store;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Whether the embedded store may be served: checked before it opens (against its {@link CommitRecord}),
 * and watched while it runs. Damage found while running is written into the record, so the next start
 * offers the way out instead of serving the damaged file again. A store that could not write (a full
 * disk) stops serving with a sentence that says so.
 */
final class StoreHealth {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final Path dataDir;
    private final Path file;
    private volatile String damage;
    private volatile String writeFailure;
    private final List<Consumer<String>> fatalListeners = new CopyOnWriteArrayList<>();
    /**
     * Everything that reads or writes the store's pages (requests, followers' reads) holds it shared;
     * compaction and a backup's snapshot take it alone, and only when it is free at once, so a save
     * never waits behind them for long, and no reader holds a page they free.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock access = new java.util.concurrent.locks.ReentrantReadWriteLock();

    StoreHealth(Path dataDir, Path file) {
        this.dataDir = dataDir;
        this.file = file;
    }

    /**
     * Throws {@link StoreDamagedException} when {@code file} is not what was last committed: missing or
     * empty, older than its record, holding another number of posts, or marked damaged while it ran.
     * Opens it read-only, so nothing is written to a file that turns out damaged.
     */
    static void checkBeforeOpen(Path dataDir, Path file, ToLongFunction<MVStore> postCount) {
        Optional<CommitRecord> found = CommitRecord.read(file.getParent());
        if (found.isEmpty()) {
            return; // a new store, or one from before records were kept
        }
        CommitRecord record = found.get();
        if (record.damage() != null) {
            throw new StoreDamagedException(dataDir, file, "damage was found while it was in use (" + record.damage() + ")", null);
        }
        String held = record.posts() >= 0 ? record.posts() + " posts" : "posts";
        try {
            if (!Files.exists(file)) {
                throw new StoreDamagedException(dataDir, file, "the file is missing, although its last commit held " + held, null);
            }
            if (Files.size(file) == 0) {
                throw new StoreDamagedException(dataDir, file, "the file is empty (0 bytes), although its last commit held " + held, null);
            }
        } catch (IOException e) {
            throw new StoreDamagedException(dataDir, file, "it cannot be read (" + e.getMessage() + ")", e);
        }
        try (MVStore readOnly = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            long version = readOnly.getCurrentVersion();
            if (version < record.version()) {
                throw new StoreDamagedException(dataDir, file, "it opens as an older version of itself (commit " + version
                        + " of " + record.version() + "), so it was cut short or overwritten", null);
            }
            long posts = postCount.applyAsLong(readOnly);
            if (version == record.version() && record.posts() >= 0 && posts != record.posts()) {
                throw new StoreDamagedException(dataDir, file, "it holds " + posts + " posts where its last commit held "
                        + record.posts(), null);
            }
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException(dataDir, e);
            }
            throw new StoreDamagedException(dataDir, file, "it cannot be read (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new StoreDamagedException(dataDir, file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    <T> T shared(java.util.function.Supplier<T> action) {
        access.readLock().lock();
        try {
            return action.get();
        } finally {
            access.readLock().unlock();
        }
    }

    /** Runs {@code action} with nothing else touching the store, waiting for that (at start and close). */
    <T> T alone(java.util.function.Supplier<T> action) {
        access.writeLock().lock();
        try {
            return action.get();
        } finally {
            access.writeLock().unlock();
        }
    }

    /** As {@link #alone}, but only if nothing touches the store right now; empty otherwise (try again later). */
    <T> Optional<T> aloneIfFree(java.util.function.Supplier<T> action) {
        if (!access.writeLock().tryLock()) { // never queues: a waiting writer would hold new readers back
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(action.get());
        } finally {
            access.writeLock().unlock();
        }
    }

    /** Damage: a read failed on the file's own contents (a bad checksum, a chunk or page that is not there). */
    static boolean isDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m) {
                int code = m.getErrorCode();
                return code == DataUtils.ERROR_FILE_CORRUPT || code == DataUtils.ERROR_READING_FAILED
                        || code == DataUtils.ERROR_CHUNK_NOT_FOUND || code == DataUtils.ERROR_BLOCK_NOT_FOUND
                        || code == DataUtils.ERROR_SERIALIZATION || code == DataUtils.ERROR_UNKNOWN_DATA_TYPE
                        || code == DataUtils.ERROR_UNSUPPORTED_FORMAT;
            }
        }
        // Garbage in a page can also fail while it is decoded (an index out of bounds, a bad length).
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.h2.mvstore.") && !(e instanceof MVStoreException)) {
                return e instanceof IndexOutOfBoundsException || e instanceof IllegalStateException
                        || e instanceof IllegalArgumentException || e instanceof NegativeArraySizeException
                        || e instanceof java.nio.BufferUnderflowException || e instanceof ClassCastException;
            }
        }
        return false;
    }

    /** A write failed (the disk is full, the file went read-only): the store closed itself to stay whole. */
    static boolean isWriteFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_WRITING_FAILED) {
                return true;
            }
        }
        return false;
    }

    /** What a failure of the store turned out to be, once noted. */
    enum Failure { DAMAGE, WRITE, OTHER }

    /**
     * Notes {@code e}, thrown while {@code store} was in use: damage to its pages, or a failed write (the
     * store then holds a panic and is closed). Anything else (a bad request, a bug) is left to the caller.
     */
    Failure note(Throwable e, MVStore store) {
        if (isDamage(e)) {
            damaged(e);
            return Failure.DAMAGE;
        }
        MVStoreException panic = store.getPanicException();
        if (isWriteFailure(e) || panic != null) {
            writeFailed(panic != null ? panic : e);
            return Failure.WRITE;
        }
        return Failure.OTHER;
    }

    /** Records damage seen while running; later requests fail with the same sentence. */
    void damaged(Throwable cause) {
        if (damage != null) {
            return;
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        damage = detail;
        log.error("The store {} is damaged; no more requests are served from it", file, cause);
        try {
            CommitRecord.read(file.getParent()).orElse(new CommitRecord(0, -1, -1, null))
                    .withDamage(detail).write(file.getParent());
        } catch (IOException e) {
            log.error("Could not note the damage in the commit record: {}", e.getMessage());
        }
    }

    /** Records a failed write once, and tells whoever runs the server (serve exits with the sentence). */
    void writeFailed(Throwable cause) {
        if (writeFailure != null) {
            return;
        }
        writeFailure = Folders.writeFailureMessage(file.getParent(), cause);
        log.error("The store stopped after a failed write: {}", writeFailure, cause);
        fatalListeners.forEach(l -> l.accept(writeFailure));
    }

    void onFatal(Consumer<String> listener) {
        fatalListeners.add(listener);
        if (writeFailure != null) {
            listener.accept(writeFailure);
        }
    }

    boolean isDamaged() {
        return damage != null;
    }

    /** The sentence for requests that cannot be served, or null while the store is whole and writable. */
    String refusal() {
        if (damage != null) {
            return damagedException().getMessage();
        }
        return writeFailure;
    }

    StoreDamagedException damagedException() {
        return new StoreDamagedException(dataDir, file, "a read failed (" + damage + ")", null);
    }
}
