package dev.blogdesk.store;

import org.h2.mvstore.MVMap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ids of posts changed since their follower last dealt with them, each with the number of its last
 * change. Written inside each write and committed with it, so a kill -9 loses no mark. A follower
 * clears a mark only for the change it handled: a later change keeps the post marked.
 */
public final class MarkSet {

    private final MVMap<Object, Long> marks;
    private final MVMap<String, Object> meta;
    private final String dropKey;
    private final StoreHealth health;

    MarkSet(MVMap<Object, Long> marks, MVMap<String, Object> meta, String name, StoreHealth health) {
        this.marks = marks;
        this.meta = meta;
        this.dropKey = "drop:" + name;
        this.health = health;
    }

    void mark(Object rawId, long seq) {
        marks.put(rawId, seq);
    }

    void markDrop(long seq) {
        meta.put(dropKey, seq);
    }

    /** A copy of the marks: id to the number of its last change. */
    public Map<Object, Long> snapshot() {
        return health.shared(() -> new HashMap<>(marks)); // a long read: compaction must not free its pages meanwhile
    }

    /** How many posts are marked, without copying. */
    public int size() {
        return marks.size();
    }

    /** The number of the last change to this post, or null when it is not marked. */
    public Long seqOf(Object rawId) {
        return marks.get(rawId);
    }

    /** Dealt with as of change {@code seq}: unmarks the post unless it changed again since. */
    public boolean done(Object rawId, long seq) {
        return marks.remove(rawId, seq);
    }

    /** Every mark in {@code handled} is done. */
    public void doneAll(Map<Object, Long> handled) {
        handled.forEach(marks::remove);
    }

    /** Marks a post without a write (to look at it again), keeping a newer mark. */
    public void add(Object rawId, long seq) {
        marks.putIfAbsent(rawId, seq);
    }

    /** The number of a drop of the whole collection not yet confirmed by {@link #dropDone}. */
    public Optional<Long> pendingDrop() {
        return meta.get(dropKey) instanceof Long seq ? Optional.of(seq) : Optional.empty();
    }

    /** The follower reflects every change up to {@code upToSeq}: a drop before that is dealt with. */
    public void dropDone(long upToSeq) {
        if (meta.get(dropKey) instanceof Long dropSeq && dropSeq <= upToSeq) {
            meta.remove(dropKey, dropSeq);
        }
    }
}
