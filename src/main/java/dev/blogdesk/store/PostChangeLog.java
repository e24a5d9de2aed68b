package dev.blogdesk.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every change to {@code blogdb.posts} on the embedded server, whoever made it (the app, the CLI, the
 * Flask blog through {@code serve}), so the search index can follow the store exactly.
 *
 * <p>The server calls in inside each write. Before the write, the post's id goes into a pending map in
 * the same MVStore as the data, so it is committed together with the write it announces: after a
 * kill -9 the index knows which posts to re-read. After the write the new state is queued for the
 * index in the server's order. An id leaves the pending map only once the index has committed it.
 * A counter persisted with the data lets the index notice a store that went back in time (a backup
 * restored), and an epoch names the store the index was built from.
 */
public final class PostChangeLog {

    public static final String NAMESPACE = StoreConnection.DEFAULT_DATABASE + "." + MongoPostRepository.COLLECTION;
    /** The map mongo-java-server's H2 backend keeps the collection's documents in. */
    private static final String DATA_MAP = "databases." + NAMESPACE;
    private static final String PENDING_MAP = "blogdesk.search.pending";
    private static final String META_MAP = "blogdesk.search.meta";
    private static final String OUTBOX_MAP = "blogdesk.sync.outbox";
    private static final String EPOCH = "epoch";
    private static final String COUNTER = "counter";
    private static final String REBUILD = "rebuild";
    /** Bounds the memory a bulk import can tie up ahead of the index; writers wait when it is full. */
    private static final int QUEUE_CAPACITY = 2_000;
    /** The text the queue may hold (~16 MB); beyond it a change is queued as "re-read this post". */
    private static final long QUEUED_CHARS_BUDGET = 8L * 1024 * 1024;

    private final MVStore store;
    private final MVMap<Object, Long> pending;
    private final MVMap<String, Object> meta;
    private final MVMap<Object, Long> outbox;
    private final AtomicLong seq;
    private final BlockingQueue<PostChange> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean missed = new AtomicBoolean();
    private final AtomicLong queuedChars = new AtomicLong();
    private volatile boolean consumerAttached;
    /** See {@link #keepWrittenBson()}; oldest first, guarded by itself. */
    private final LinkedHashMap<Object, WrittenBson> written = new LinkedHashMap<>();
    private long writtenBytes;
    private volatile boolean keepWritten;

    /** A post's BSON as one write left it; {@code seq} is that write's number. */
    private record WrittenBson(long seq, byte[] bson) {
    }

    /** What the written-posts memory may hold; beyond it the oldest are read from the store again. */
    private static final long WRITTEN_BYTES_BUDGET = 16L * 1024 * 1024;

    PostChangeLog(MVStore store) {
        this.store = store;
        this.pending = store.openMap(PENDING_MAP);
        this.meta = store.openMap(META_MAP);
        this.outbox = store.openMap(OUTBOX_MAP);
        meta.putIfAbsent(EPOCH, UUID.randomUUID().toString());
        this.seq = new AtomicLong(meta.get(COUNTER) instanceof Long l ? l : 0L);
    }

    // ---- called by the server, inside the write (writes to one collection are serialized) ----

    long beforeWrite(Object rawId) {
        long s = seq.incrementAndGet();
        pending.put(rawId, s);
        // The sync outbox: posts that may differ from what the remote server last saw. Committed with
        // the write, so a save made offline is pushed even after a kill -9.
        outbox.put(rawId, s);
        meta.put(COUNTER, s);
        return s;
    }

    void afterUpsert(long s, Object rawId, Document doc) {
        if (keepWritten) {
            io.netty.buffer.ByteBuf buffer = io.netty.buffer.Unpooled.buffer(4096);
            try {
                remember(rawId, new WrittenBson(s, encode(doc, buffer)));
            } finally {
                buffer.release();
            }
        }
        PostText post = PostText.of(rawId, doc);
        long chars = post.textLength();
        if (queuedChars.addAndGet(chars) <= QUEUED_CHARS_BUDGET) {
            publish(new PostChange.Upsert(s, post));
        } else {
            // Big posts (or a backlog of them) wait in the store, not in memory: the index re-reads them.
            queuedChars.addAndGet(-chars);
            publish(new PostChange.Touch(s, rawId, post.key()));
        }
    }

    void afterRemove(long s, Object rawId) {
        forget(rawId);
        publish(new PostChange.Remove(s, rawId, PostText.keyOf(rawId)));
    }

    /** A write announced by {@link #beforeWrite} threw: have the consumer look at the post again. */
    void afterFailure(long s, Object rawId) {
        forget(rawId);
        publish(new PostChange.Touch(s, rawId, PostText.keyOf(rawId)));
    }

    long beforeDrop() {
        synchronized (written) {
            written.clear();
            writtenBytes = 0;
        }
        long s = seq.incrementAndGet();
        meta.put(REBUILD, s);
        meta.put(COUNTER, s);
        return s;
    }

    void afterDrop(long s) {
        publish(new PostChange.Clear(s));
    }

    private void publish(PostChange change) {
        try {
            while (consumerAttached) {
                if (queue.offer(change, 200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The change is in the pending map; the index must re-read it before it can answer again.
            missed.set(true);
        }
        taken(change); // not queued after all
    }

    // ---- called by the index ----

    /** From now on changes are queued; call before reading {@link #pendingSnapshot()}. */
    public void attach() {
        missed.set(false);
        consumerAttached = true;
    }

    /** Stops queueing (writers never wait for a consumer that is gone); pending ids stay recorded. */
    public void detach() {
        consumerAttached = false;
        queue.clear();
        queuedChars.set(0);
    }

    public PostChange poll(long timeout, TimeUnit unit) throws InterruptedException {
        return taken(queue.poll(timeout, unit));
    }

    public void drainTo(List<PostChange> sink, int max) {
        int from = sink.size();
        queue.drainTo(sink, max);
        for (int i = from; i < sink.size(); i++) {
            taken(sink.get(i));
        }
    }

    private PostChange taken(PostChange change) {
        if (change instanceof PostChange.Upsert u) {
            queuedChars.addAndGet(-u.post().textLength());
        }
        return change;
    }

    /** True once if a change could not be queued; the consumer must catch up from the pending map. */
    public boolean takeMissed() {
        return missed.getAndSet(false);
    }

    /** The number of the last change the server applied. */
    public long lastSeq() {
        return seq.get();
    }

    public String epoch() {
        return (String) meta.get(EPOCH);
    }

    /** True after the collection was dropped and before the index confirmed it has followed. */
    public boolean rebuildRequested() {
        return meta.get(REBUILD) != null;
    }

    /** The index reflects every change up to {@code upToSeq}: a drop before that is taken care of. */
    public void clearRebuildRequest(long upToSeq) {
        if (meta.get(REBUILD) instanceof Long dropSeq && dropSeq <= upToSeq) {
            meta.remove(REBUILD, dropSeq);
        }
    }

    /** Ids changed but not yet confirmed by the index, with the number of their last change. */
    public Map<Object, Long> pendingSnapshot() {
        return new HashMap<>(pending);
    }

    /** The post as stored now, if it exists. */
    public Optional<PostText> read(Object rawId) {
        MVMap<Object, Document> data = dataMap();
        Document doc = data == null ? null : data.get(rawId);
        return Optional.ofNullable(doc).map(d -> PostText.of(rawId, d));
    }

    /**
     * From now on, remember the BSON of each post written (up to ~16 MB, newest kept), so that pushing
     * posts edited offline does not decode the store's pages again: that was the largest part of the
     * client's share of a push. Called when a sync is set up; without one nothing is kept.
     */
    public void keepWrittenBson() {
        keepWritten = true;
    }

    private void remember(Object rawId, WrittenBson bson) {
        synchronized (written) {
            forget(rawId); // re-inserted, so it counts as the newest
            written.put(rawId, bson);
            writtenBytes += bson.bson().length;
            var oldest = written.values().iterator();
            while (writtenBytes > WRITTEN_BYTES_BUDGET && oldest.hasNext()) {
                writtenBytes -= oldest.next().bson().length;
                oldest.remove();
            }
        }
    }

    private void forget(Object rawId) {
        synchronized (written) {
            WrittenBson old = written.remove(rawId);
            if (old != null) {
                writtenBytes -= old.bson().length;
            }
        }
    }

    /**
     * The stored documents encoded as BSON, as the server would send them, by id; ids of posts that
     * do not exist are left out. A post remembered from its last write (its number is the one in the
     * outbox) is taken from memory; the others are read from the store, with one buffer for all.
     */
    public Map<Object, byte[]> readBson(java.util.Collection<Object> rawIds) {
        Map<Object, byte[]> found = new HashMap<>();
        List<Object> toRead = new java.util.ArrayList<>();
        synchronized (written) {
            for (Object rawId : rawIds) {
                WrittenBson last = written.get(rawId);
                Long outboxSeq = outbox.get(rawId);
                if (last != null && outboxSeq != null && outboxSeq == last.seq()) {
                    found.put(rawId, last.bson());
                } else {
                    toRead.add(rawId);
                }
            }
        }
        MVMap<Object, Document> data = dataMap();
        if (data == null || toRead.isEmpty()) {
            return found;
        }
        io.netty.buffer.ByteBuf buffer = io.netty.buffer.Unpooled.buffer(16 * 1024);
        try {
            for (Object rawId : toRead) {
                Document doc = data.get(rawId);
                if (doc != null) {
                    buffer.clear();
                    found.put(rawId, encode(doc, buffer));
                }
            }
            return found;
        } finally {
            buffer.release();
        }
    }

    private static byte[] encode(Document doc, io.netty.buffer.ByteBuf buffer) {
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(doc, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    /** The post with the id the repository hands out ({@link PostText#key()}), if it exists. */
    public Optional<PostText> readByKey(String key) {
        if (org.bson.types.ObjectId.isValid(key)) {
            Optional<PostText> byObjectId = read(new de.bwaldvogel.mongo.bson.ObjectId(key));
            if (byObjectId.isPresent()) {
                return byObjectId;
            }
        }
        return read(key);
    }

    /** Every stored post, from a consistent snapshot of the collection. */
    public void forEachPost(Consumer<PostText> sink) {
        MVMap<Object, Document> data = dataMap();
        if (data == null) {
            return;
        }
        for (Map.Entry<Object, Document> e : data.entrySet()) {
            sink.accept(PostText.of(e.getKey(), e.getValue()));
        }
    }

    /** Posts written since the sync engine last looked at them, with the number of their last change. */
    public Map<Object, Long> outboxSnapshot() {
        return new HashMap<>(outbox);
    }

    /** How many posts the outbox holds, without copying it. */
    public int outboxSize() {
        return outbox.size();
    }

    /** The number of the last change to this post, if the outbox holds it. */
    public Long outboxSeq(Object rawId) {
        return outbox.get(rawId);
    }

    /** The sync engine has dealt with the post as of change {@code seq}; a later change keeps it queued. */
    public void outboxDone(Object rawId, long seq) {
        if (outbox.remove(rawId, seq)) {
            synchronized (written) {
                WrittenBson last = written.get(rawId);
                if (last != null && last.seq() == seq) {
                    forget(rawId);
                }
            }
        }
    }

    /** Queues posts for the sync engine to look at (every post, when syncing with a new server). */
    public void outboxAdd(Object rawId) {
        outbox.putIfAbsent(rawId, seq.get());
    }

    /** The index committed these changes: forget them unless the post changed again since. */
    public void confirmIndexed(Map<Object, Long> applied) {
        applied.forEach(pending::remove);
    }

    private MVMap<Object, Document> dataMap() {
        return store.hasMap(DATA_MAP) ? store.openMap(DATA_MAP) : null;
    }
}
