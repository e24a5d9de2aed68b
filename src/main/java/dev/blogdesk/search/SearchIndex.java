package dev.blogdesk.search;

import static dev.blogdesk.search.IndexedPost.ID;
import static dev.blogdesk.search.IndexedPost.toDocument;

import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.PostText;
import dev.blogdesk.store.SearchQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Lucene index of the embedded store's posts that answers the list and the search box in
 * milliseconds at 100,000 posts, where the embedded server needs seconds ({@code $sort} and
 * {@code $regex} are full scans there).
 *
 * <p>It never disagrees with the store: it follows the store's {@link ChangeFeed} on its own
 * thread, and a query first waits until every change the server has acknowledged is applied (a save is
 * visible to the very next search). At start-up it re-reads only the posts changed since its last
 * commit, or rebuilds itself from the store when it cannot tell (first start, a restored backup, a
 * damaged index). Until it is current, {@link #awaitCurrent} says so and callers ask the store.
 *
 * <p>Matching is literal and case-insensitive, exactly as the store's {@code $regex}: see
 * {@link TextFolding} and {@link GramTokenStream}. Posts over {@link #MAX_INDEXED_CODE_POINTS} are only
 * listed, and checked one by one against the store when searched. The index is sorted newest first,
 * so a page of results is read without looking at the rest.
 */
public final class SearchIndex implements AutoCloseable {

    static final int MAX_INDEXED_CODE_POINTS = IndexedPost.MAX_INDEXED_CODE_POINTS;
    private static final long COMMIT_INTERVAL_MS = 1_000;
    private static final int MAX_BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final IndexFeed changes;
    private final ChangeFeed store;
    private final Object progress = new Object();
    private final IndexQueries queries;
    private final Thread indexer;
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Ids applied since the last commit, with the change number applied; confirmed after the commit. */
    private final Map<Object, Long> uncommitted = new HashMap<>();
    private long lastCommitMillis;
    private long dropToClear = -1;
    private volatile long appliedSeq = -1;
    private volatile boolean ready;
    private volatile boolean closing;
    private volatile boolean rebuilding;
    private volatile boolean stopped;

    private SearchIndex(Path path, ChangeFeed store) {
        this.path = path;
        this.store = store;
        this.changes = new IndexFeed(store);
        this.queries = new IndexQueries(store, () -> searchers);
        this.indexer = new Thread(this::run, "search-index");
        indexer.setDaemon(true);
    }

    /**
     * Opens (or creates) the index in {@code path} and starts following {@code store}. It closes with
     * the store, before the server stops, so it can confirm what it indexed.
     */
    public static SearchIndex start(Path path, ChangeFeed store) {
        SearchIndex index = new SearchIndex(path, store);
        store.closeBeforeStore(index);
        index.indexer.start();
        return index;
    }

    // ---------------------------------------------------------------- queries

    /**
     * Waits until the index holds every change the server acknowledged so far.
     *
     * @return false if it is not ready (still rebuilding, or failed) or did not catch up in time
     */
    public boolean awaitCurrent(Duration timeout) {
        long target = store.lastSeq();
        // A rebuild takes long and a failed index never catches up: the store answers meanwhile.
        waitWhile(() -> !rebuilding && !stopped && (!ready || appliedSeq < target), timeout);
        return ready && !stopped && appliedSeq >= target;
    }

    /** Like {@link #awaitCurrent}, but also waits for a rebuild to finish (for tools and tests). */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Until the indexer has opened, caught up or rebuilt (ready), or given up: not only while it
        // rebuilds, since a caller can come before the indexer has even decided to rebuild.
        if (!waitWhile(() -> !ready && !stopped, timeout)) {
            return false;
        }
        return awaitCurrent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /**
     * Waits while {@code condition} holds, woken by the indexer's progress and at least every 50 ms
     * ; false on timeout or interrupt.
     */
    private boolean waitWhile(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (condition.getAsBoolean()) {
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.min(waitMs, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Posts matching every term of {@code query} (all posts for an empty query), newest first. */
    public List<PostSummary> search(SearchQuery query, int skip, int limit) {
        return queries.search(query, skip, limit);
    }

    /** Posts imported from {@code source}, newest first. */
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return queries.listImported(source, skip, limit);
    }

    /** Every tag an indexed post has, each once, alphabetically. */
    public List<String> tagsInUse() {
        return queries.tagsInUse();
    }

    public long count() {
        return queries.count();
    }

    // ---------------------------------------------------------------- indexing

    private void run() {
        try {
            open();
            changes.attach();
            long startSeq = store.lastSeq();
            Map<String, String> committed = lastCommitData();
            String reason = rebuildReason(committed, startSeq);
            if (reason != null) {
                rebuilding = true;
                signal();
                rebuild(startSeq, reason);
                rebuilding = false;
                signal();
            } else {
                catchUp(startSeq);
            }
            ready = true;
            signal();
            while (!closing || store.lastSeq() > appliedSeq) {
                PostChange first = changes.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<PostChange> batch = new ArrayList<>();
                    batch.add(first);
                    changes.drainTo(batch, MAX_BATCH - 1);
                    apply(batch);
                } else if (closing) {
                    break;
                }
                if (changes.takeMissed()) {
                    catchUp(store.lastSeq());
                }
                if (!uncommitted.isEmpty() && System.currentTimeMillis() - lastCommitMillis >= COMMIT_INTERVAL_MS) {
                    commit();
                }
            }
            commit();
        } catch (Throwable t) {
            log.error("The search index stopped; searches go to the store until the next start", t);
        } finally {
            ready = false;
            stopped = true;
            changes.detach();
            signal();
            closeQuietly();
        }
    }

    private void open() throws IOException {
        Files.createDirectories(path);
        try {
            openWriter();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // The index only holds what the store holds: a damaged one is thrown away and rebuilt.
            log.warn("Search index in {} could not be opened ({}); rebuilding it", path, e.toString());
            closeQuietly();
            dev.blogdesk.store.Folders.deleteTree(path);
            Files.createDirectories(path);
            openWriter();
        }
    }

    private void openWriter() throws IOException {
        directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(IndexQueries.NEWEST_FIRST)
                .setRAMBufferSizeMB(16)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        lastCommitMillis = System.currentTimeMillis();
    }

    private Map<String, String> lastCommitData() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        Map<String, String> data = new HashMap<>();
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            data.put(e.getKey(), e.getValue());
        }
        return data;
    }

    private String rebuildReason(Map<String, String> committed, long storeSeq) {
        return IndexCommitData.rebuildReason(committed, store.epoch(), storeSeq, changes.pending().pendingDrop().isPresent());
    }

    private void rebuild(long startSeq, String reason) throws IOException {
        long started = System.nanoTime();
        Map<Object, Long> pending = changes.pending().snapshot();
        writer.deleteAll();
        long[] count = {0};
        store.forEachPost(post -> {
            try {
                writer.addDocument(toDocument(post));
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        pending.forEach((id, seq) -> {
            if (seq <= startSeq) {
                uncommitted.put(id, seq);
            }
        });
        dropToClear = startSeq;
        searchers.maybeRefreshBlocking();
        published(startSeq);
        commit();
        log.info("Search index rebuilt ({}): {} posts in {} ms", reason, count[0],
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Re-reads the posts the store changed since the index's last commit. */
    private void catchUp(long upToSeq) throws IOException {
        Map<Object, Long> pending = changes.pending().snapshot();
        for (Map.Entry<Object, Long> e : pending.entrySet()) {
            Object id = e.getKey();
            reread(id, PostText.keyOf(id));
            uncommitted.merge(id, e.getValue(), Math::max);
        }
        searchers.maybeRefreshBlocking();
        published(Math.max(upToSeq, appliedSeq));
        if (!pending.isEmpty()) {
            log.info("Search index caught up with {} changed posts", pending.size());
        }
        commit();
    }

    /** Indexes the post as the store holds it now, or removes it if it is gone. */
    private void reread(Object rawId, String key) throws IOException {
        PostText now = store.read(rawId).orElse(null);
        if (now != null) {
            writer.updateDocument(new Term(ID, now.key()), toDocument(now));
        } else {
            writer.deleteDocuments(new Term(ID, key));
        }
    }

    private void apply(List<PostChange> batch) throws IOException {
        long last = appliedSeq;
        for (PostChange change : batch) {
            if (change instanceof PostChange.Upsert u) {
                writer.updateDocument(new Term(ID, u.post().key()), toDocument(u.post()));
                uncommitted.put(u.post().rawId(), u.seq());
            } else if (change instanceof PostChange.Remove r) {
                writer.deleteDocuments(new Term(ID, r.key()));
                uncommitted.put(r.rawId(), r.seq());
            } else if (change instanceof PostChange.Touch t) {
                reread(t.rawId(), t.key());
                uncommitted.put(t.rawId(), t.seq());
            } else if (change instanceof PostChange.Clear c) {
                writer.deleteAll();
                dropToClear = c.seq();
            }
            last = Math.max(last, change.seq());
        }
        searchers.maybeRefreshBlocking();
        published(last);
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void published(long seq) {
        synchronized (progress) {
            appliedSeq = Math.max(appliedSeq, seq);
            progress.notifyAll();
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(IndexCommitData.of(store.epoch(), appliedSeq).entrySet());
        writer.commit();
        lastCommitMillis = System.currentTimeMillis();
        signal();
        // Only now may the store forget these ids: the index would find them again after a crash.
        changes.pending().doneAll(uncommitted);
        uncommitted.clear();
        if (dropToClear >= 0) {
            changes.pending().dropDone(dropToClear);
            dropToClear = -1;
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index not closed cleanly: {}", e.toString());
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    /** Applies what is queued, commits and closes; later writes stay marked for the next start. */
    @Override
    public void close() {
        closing = true;
        try {
            indexer.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (indexer.isAlive()) {
            log.warn("Search index still busy at shutdown; it catches up at the next start");
        }
    }
}
