package dev.blogdesk.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded store's {@link ChangeFeed}: the server adapter calls in inside each write (writes to
 * one collection are serialized). Before the write, the id is marked in every {@link MarkSet} in the
 * same MVStore as the data, so the marks are committed together with the write they announce. After
 * the write, subscribers hear of it in the server's order. A counter persisted with the data lets a
 * follower notice a store that went back in time, and an epoch names the store file.
 */
final class PostChangeHub implements ChangeFeed {

    /** Named before the feed was shared by search and sync; kept so existing stores keep their counter. */
    private static final String META_MAP = "blogdesk.search.meta";
    private static final String EPOCH = "epoch";
    private static final String COUNTER = "counter";
    private static final String MARK_SET = "marks:";

    private final MVStore store;
    private final MVMap<String, Object> meta;
    private final AtomicLong seq;
    private final Map<String, MarkSet> markSets = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final java.util.Deque<AutoCloseable> followers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PostChangeHub.class);

    private final StoreHealth health;
    /** Ids in both collections right now: a move (copy, then delete) that has not finished yet. */
    private final MVMap<Object, Boolean> inBoth;

    PostChangeHub(MVStore store, StoreHealth health) {
        this.store = store;
        this.health = health;
        this.meta = store.openMap(META_MAP);
        this.inBoth = store.openMap("blogdesk.moves-in-flight");
        meta.putIfAbsent(EPOCH, UUID.randomUUID().toString());
        this.seq = new AtomicLong(meta.get(COUNTER) instanceof Long l ? l : 0L);
        // Every mark set a follower ever opened in this file is kept up to date, whoever follows it here.
        for (String key : meta.keyList()) {
            if (key.startsWith(MARK_SET)) {
                openMarks(key.substring(MARK_SET.length()));
            }
        }
    }

    // ---- called by the server adapter, inside the write

    long beforeWrite(Object rawId) {
        long s = seq.incrementAndGet();
        for (MarkSet marks : markSets.values()) {
            marks.mark(rawId, s);
        }
        meta.put(COUNTER, s);
        return s;
    }

    /** Held by each write to either collection, so followers hear them one at a time, in order. */
    Object order() {
        return order;
    }

    private final Object order = new Object();

    /**
     * Followers see one post per id, whichever collection holds it: the published copy if a move (copy,
     * then delete) left two for a moment, so a draft written beside its published copy changes nothing.
     */
    void afterUpsert(long s, Object rawId, ServerDocuments.Located post) {
        trackMove(rawId);
        WrittenPost seen = post;
        if (post.status() == PostStatus.DRAFT && listeners.size() > 0) {
            ServerDocuments.Located published = ServerDocuments.find(store, rawId);
            seen = published != null ? published : post;
        }
        for (Listener l : listeners) {
            l.upserted(s, rawId, seen);
        }
    }

    /** A removed copy whose twin is still in the other collection leaves that one as the post. */
    void afterRemove(long s, Object rawId) {
        trackMove(rawId);
        ServerDocuments.Located other = listeners.isEmpty() ? null : ServerDocuments.find(store, rawId);
        for (Listener l : listeners) {
            if (other != null) {
                l.upserted(s, rawId, other);
            } else {
                l.removed(s, rawId);
            }
        }
    }

    /** Notes whether {@code rawId} is now in both collections, inside the write, so it is committed with it. */
    private void trackMove(Object rawId) {
        var posts = ServerDocuments.dataMap(store, PostStatus.PUBLISHED);
        var drafts = ServerDocuments.dataMap(store, PostStatus.DRAFT);
        if (posts != null && drafts != null && posts.containsKey(rawId) && drafts.containsKey(rawId)) {
            inBoth.put(rawId, Boolean.TRUE);
        } else if (inBoth.containsKey(rawId)) {
            inBoth.remove(rawId);
        }
    }

    /** The driver-side ids of posts in both collections: moves a crash or a lost connection cut short. */
    @Override
    public java.util.List<Object> movesInFlight() {
        return inBoth.keyList().stream().map(ServerDocuments::bsonIdOf).toList();
    }

    void afterFailure(long s, Object rawId) {
        trackMove(rawId);
        for (Listener l : listeners) {
            l.failed(s, rawId);
        }
    }

    long beforeDrop() {
        long s = seq.incrementAndGet();
        for (MarkSet marks : markSets.values()) {
            marks.markDrop(s);
        }
        meta.put(COUNTER, s);
        for (Listener l : listeners) {
            l.dropping(s);
        }
        return s;
    }

    /**
     * Followers start over after a drop; the posts still in the other collection are then written
     * again as far as followers can tell (marked and announced), so dropping the drafts never empties
     * the index of the published posts, in this process or after a restart.
     */
    void afterDrop(long s, PostStatus dropped) {
        inBoth.clear(); // one of the two is gone: no post is in both any more
        for (Listener l : listeners) {
            l.dropped(s);
        }
        var survivors = ServerDocuments.dataMap(store, dropped.other());
        if (survivors != null) {
            for (var e : survivors.entrySet()) {
                long again = beforeWrite(e.getKey());
                afterUpsert(again, e.getKey(), ServerDocuments.written(e.getKey(), e.getValue(), dropped.other()));
            }
        }
    }

    // ---- the feed

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public MarkSet marks(String name) {
        return openMarks(name);
    }

    private MarkSet openMarks(String name) {
        return markSets.computeIfAbsent(name, n -> {
            meta.putIfAbsent(MARK_SET + n, Boolean.TRUE);
            return new MarkSet(store.openMap("blogdesk." + n), meta, n, health);
        });
    }

    @Override
    public <T> T shared(Class<T> type, Function<ChangeFeed, T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.apply(this)));
    }

    @Override
    public void closeBeforeStore(AutoCloseable follower) {
        followers.push(follower);
    }

    /** The store is closing: its followers first, newest first. */
    void closeFollowers() {
        AutoCloseable follower;
        while ((follower = followers.poll()) != null) {
            try {
                follower.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", follower, e.toString(), e);
            }
        }
        listeners.clear();
    }

    @Override
    public long lastSeq() {
        return seq.get();
    }

    @Override
    public String epoch() {
        return (String) meta.get(EPOCH);
    }

    @Override
    public Optional<PostText> read(Object rawId) {
        return whole(() -> ServerDocuments.read(store, rawId));
    }

    @Override
    public Optional<PostText> readByKey(String key) {
        return whole(() -> ServerDocuments.readByKey(store, key));
    }

    @Override
    public void forEachPost(Consumer<PostText> sink) {
        whole(() -> {
            ServerDocuments.forEachPost(store, sink);
            return null;
        });
    }

    @Override
    public Map<Object, byte[]> readBson(Collection<Object> rawIds) {
        return whole(() -> ServerDocuments.readBson(store, rawIds));
    }

    /** Reads for followers (search answers from them): never from a store known to be damaged. */
    private <T> T whole(java.util.function.Supplier<T> read) {
        if (health.isDamaged()) {
            throw health.damagedException();
        }
        try {
            return health.shared(read);
        } catch (RuntimeException e) {
            if (StoreHealth.isDamage(e)) {
                health.damaged(e);
                throw health.damagedException();
            }
            throw e;
        }
    }

    @Override
    public <K, V> MVMap<K, V> stateMap(String name) {
        if (!name.startsWith("blogdesk.")) {
            throw new IllegalArgumentException("Not a BlogDesk map: " + name);
        }
        return store.openMap(name);
    }

    @Override
    public void commitState() {
        if (!store.isClosed()) {
            store.commit();
        }
    }
}
