package dev.blogdesk.search;

import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostChange;
import dev.blogdesk.store.PostChangeLog;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.PostText;
import dev.blogdesk.store.SearchQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Lucene index of the embedded store's posts that answers the list and the search box in
 * milliseconds at 100,000 posts, where the embedded server needs seconds ({@code $sort} and
 * {@code $regex} are full scans there).
 *
 * <p>It never disagrees with the store: it follows the server's {@link PostChangeLog} on its own
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

    static final int MAX_INDEXED_CODE_POINTS = 1_000_000;
    static final String ID = "id";
    static final String TRIGRAMS = "g3";
    static final String SHORT_GRAMS = "g12";
    private static final String DATE = "date";
    private static final String SORT_ID = "sort_id";
    private static final String TITLE = "title";
    private static final String EXCERPT = "excerpt";
    private static final String SOURCE = "source";
    private static final String LARGE = "large";
    private static final String COMMIT_EPOCH = "epoch";
    private static final String COMMIT_COUNTER = "counter";
    private static final Sort NEWEST_FIRST = new Sort(new SortField(DATE, SortField.Type.LONG, true),
            new SortField(SORT_ID, SortField.Type.STRING, true));
    private static final Set<String> SUMMARY_FIELDS = Set.of(ID, TITLE, DATE, EXCERPT);
    private static final FieldType TRIGRAM_TYPE = gramType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType SHORT_GRAM_TYPE = gramType(IndexOptions.DOCS);
    private static final long COMMIT_INTERVAL_MS = 1_000;
    private static final int MAX_BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final PostChangeLog changes;
    private final Object progress = new Object();
    private final Thread indexer;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Ids applied since the last commit, with the change number applied; confirmed after the commit. */
    private final Map<Object, Long> uncommitted = new HashMap<>();
    private long lastCommitMillis;
    private long dropToClear = -1;
    private volatile long appliedSeq = -1;
    /** The last change number a Lucene commit holds. */
    private volatile long committedSeq = -1;
    private volatile boolean ready;
    private volatile boolean closing;
    private volatile boolean rebuilding;
    private volatile boolean stopped;

    private SearchIndex(Path path, PostChangeLog changes) {
        this.path = path;
        this.changes = changes;
        this.indexer = new Thread(this::run, "search-index");
        indexer.setDaemon(true);
    }

    /** Opens (or creates) the index in {@code path} and starts following {@code changes}. */
    public static SearchIndex start(Path path, PostChangeLog changes) {
        SearchIndex index = new SearchIndex(path, changes);
        index.indexer.start();
        return index;
    }

    private static FieldType gramType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setIndexOptions(options);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    // ---------------------------------------------------------------- queries

    /**
     * Waits until the index holds every change the server acknowledged so far.
     *
     * @return false if it is not ready (still rebuilding, or failed) or did not catch up in time
     */
    public boolean awaitCurrent(Duration timeout) {
        long target = changes.lastSeq();
        // A rebuild takes long and a failed index never catches up: the store answers meanwhile.
        waitWhile(() -> !rebuilding && !stopped && (!ready || appliedSeq < target), timeout);
        return ready && !stopped && appliedSeq >= target;
    }

    /** Like {@link #awaitCurrent}, but also waits for a rebuild to finish (for tools and tests). */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!waitWhile(() -> rebuilding && !stopped, timeout)) {
            return false;
        }
        return awaitCurrent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /**
     * Like {@link #awaitReady}, and then until what was applied is committed and Lucene's merges are
     * done: for benchmarks that must not time the index's background work along with their own.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!awaitReady(timeout)) {
            return false;
        }
        long target = appliedSeq;
        return waitWhile(() -> !stopped && committedSeq < target, Duration.ofNanos(deadline - System.nanoTime()))
                && waitWhile(() -> !stopped && merging(), Duration.ofNanos(deadline - System.nanoTime()))
                && !stopped;
    }

    private boolean merging() {
        try {
            return writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            return false;
        }
    }

    /**
     * Waits while {@code condition} holds, woken by the indexer's progress and at least every 50 ms
     * (merges finish without telling); false on timeout or interrupt.
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
        return top(query.isEmpty() ? new MatchAllDocsQuery() : withLargePosts(query), skip, limit);
    }

    /** Posts imported from {@code source}, newest first. */
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return top(new TermQuery(new Term(SOURCE, source)), skip, limit);
    }

    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    private List<PostSummary> top(Query query, int skip, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, skip + limit, NEWEST_FIRST, false);
            StoredFields stored = searcher.storedFields();
            List<PostSummary> page = new ArrayList<>(Math.max(0, top.scoreDocs.length - skip));
            for (int i = skip; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document d = stored.document(hit.doc, SUMMARY_FIELDS);
                Number date = d.getField(DATE) == null ? null : d.getField(DATE).numericValue();
                page.add(new PostSummary(d.get(ID), d.get(TITLE),
                        date == null ? null : Instant.ofEpochMilli(date.longValue()), d.get(EXCERPT)));
            }
            return page;
        });
    }

    /** The gram query, plus the posts too large to index that the store says match. */
    private Query withLargePosts(SearchQuery query) {
        Query grams = gramQuery(query);
        List<BytesRef> largeMatches = new ArrayList<>();
        for (String key : largePostKeys()) {
            changes.readByKey(key).filter(post -> matches(post, query))
                    .ifPresent(post -> largeMatches.add(new BytesRef(post.key())));
        }
        if (largeMatches.isEmpty()) {
            return grams;
        }
        return new BooleanQuery.Builder()
                .add(grams, BooleanClause.Occur.SHOULD)
                .add(new TermInSetQuery(ID, largeMatches), BooleanClause.Occur.SHOULD)
                .build();
    }

    static Query gramQuery(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : query.terms()) {
            all.add(termQuery(TextFolding.fold(term)), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    /** A literal of any length: a gram lookup for up to three code points, else a phrase of trigrams. */
    private static Query termQuery(int[] cps) {
        if (cps.length <= 2) {
            return new TermQuery(new Term(SHORT_GRAMS, GramTokenStream.term(cps, 0, cps.length)));
        }
        if (cps.length == 3) {
            return new TermQuery(new Term(TRIGRAMS, GramTokenStream.term(cps, 0, 3)));
        }
        // Trigrams at offsets 0, 3, 6, ... and the last one cover every character: enough for an exact match.
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int at = 0; ; at += 3) {
            int offset = Math.min(at, cps.length - 3);
            phrase.add(new Term(TRIGRAMS, GramTokenStream.term(cps, offset, 3)), offset);
            if (offset == cps.length - 3) {
                break;
            }
        }
        return phrase.build();
    }

    static boolean matches(PostText post, SearchQuery query) {
        for (String term : query.terms()) {
            if (!TextFolding.contains(post.searchableTitle(), term) && !TextFolding.contains(post.content(), term)) {
                return false;
            }
        }
        return true;
    }

    private List<String> largePostKeys() {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(LARGE, "1")), Integer.MAX_VALUE);
            StoredFields stored = searcher.storedFields();
            List<String> keys = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                keys.add(stored.document(hit.doc, Set.of(ID)).get(ID));
            }
            return keys;
        });
    }

    private interface SearcherCall<T> {
        T call(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherCall<T> call) {
        SearcherManager manager = searchers;
        if (manager == null) {
            throw new IllegalStateException("The search index is not open");
        }
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return call.call(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be read", e);
        }
    }

    // ---------------------------------------------------------------- indexing

    static Document toDocument(PostText post) {
        Document d = new Document();
        d.add(new StringField(ID, post.key(), Field.Store.YES));
        d.add(new SortedDocValuesField(SORT_ID, new BytesRef(post.sortKey())));
        // MongoDB sorts a missing date below every date: last in a newest-first list.
        d.add(new NumericDocValuesField(DATE, post.datePosted() == null ? Long.MIN_VALUE : post.datePosted()));
        if (post.datePosted() != null) {
            d.add(new StoredField(DATE, post.datePosted()));
        }
        d.add(new StoredField(TITLE, post.title()));
        d.add(new StoredField(EXCERPT, MongoPostRepository.excerptOf(post.content())));
        if (post.source() != null) {
            d.add(new StringField(SOURCE, post.source(), Field.Store.NO));
        }
        int[] text = TextFolding.searchText(post.searchableTitle(), post.content());
        if (text.length > MAX_INDEXED_CODE_POINTS) {
            d.add(new StringField(LARGE, "1", Field.Store.NO));
        } else {
            d.add(new Field(TRIGRAMS, GramTokenStream.trigrams(text), TRIGRAM_TYPE));
            d.add(new Field(SHORT_GRAMS, GramTokenStream.shortGrams(text), SHORT_GRAM_TYPE));
        }
        return d;
    }

    private void run() {
        try {
            open();
            changes.attach();
            long startSeq = changes.lastSeq();
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
            while (!closing || changes.lastSeq() > appliedSeq) {
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
                    catchUp(changes.lastSeq());
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
            dev.blogdesk.app.Folders.deleteTree(path);
            Files.createDirectories(path);
            openWriter();
        }
    }

    private void openWriter() throws IOException {
        directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(NEWEST_FIRST)
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
        if (committed.isEmpty()) {
            return "no index yet";
        }
        if (!changes.epoch().equals(committed.get(COMMIT_EPOCH))) {
            return "the index belongs to another store";
        }
        long indexSeq = Long.parseLong(committed.getOrDefault(COMMIT_COUNTER, "-1"));
        if (indexSeq > storeSeq) {
            return "the store is older than the index (a backup was restored)";
        }
        if (changes.rebuildRequested()) {
            return "the collection was dropped";
        }
        return null;
    }

    private void rebuild(long startSeq, String reason) throws IOException {
        long started = System.nanoTime();
        Map<Object, Long> pending = changes.pendingSnapshot();
        writer.deleteAll();
        long[] count = {0};
        changes.forEachPost(post -> {
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
        Map<Object, Long> pending = changes.pendingSnapshot();
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
        PostText now = changes.read(rawId).orElse(null);
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
        writer.setLiveCommitData(Map.of(COMMIT_EPOCH, changes.epoch(),
                COMMIT_COUNTER, Long.toString(appliedSeq)).entrySet());
        writer.commit();
        lastCommitMillis = System.currentTimeMillis();
        committedSeq = appliedSeq;
        signal();
        // Only now may the store forget these ids: the index would find them again after a crash.
        changes.confirmIndexed(uncommitted);
        uncommitted.clear();
        if (dropToClear >= 0) {
            changes.clearRebuildRequest(dropToClear);
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

    /** Applies what is queued, commits and closes; later writes wait in the pending map for the next start. */
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
