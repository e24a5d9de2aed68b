package dev.blogdesk.sync;

import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.MarkSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posts that may differ from what the remote server last saw: durable marks in the store file,
 * committed with each write (a save made offline is pushed even after a kill -9), and a memory of the
 * BSON each write left, so a push does not decode the store's pages again (that was the largest part
 * of the client's share of a push). One per store in a process: {@link #of}.
 */
public final class Outbox implements ChangeFeed.Listener {

    /** The durable marks' name (the map {@code blogdesk.sync.outbox}, as before the feed was shared). */
    static final String MARKS = "sync.outbox";
    /** What the written-posts memory may hold; beyond it the oldest are read from the store again. */
    private static final long WRITTEN_BYTES_BUDGET = 16L * 1024 * 1024;

    private final ChangeFeed feed;
    private final MarkSet marks;
    /** Oldest first, guarded by itself. */
    private final LinkedHashMap<Object, WrittenBson> written = new LinkedHashMap<>();
    private long writtenBytes;

    /** A post's BSON as one write left it; {@code seq} is that write's number. */
    private record WrittenBson(long seq, byte[] bson) {
    }

    private Outbox(ChangeFeed feed) {
        this.feed = feed;
        this.marks = feed.marks(MARKS);
        feed.subscribe(this);
    }

    /**
     * Makes sure every write to this store is marked for a later push, also in a process that never
     * syncs (the command line, {@code serve}): the marks live in the store file, so the next sync sees them.
     */
    public static void markWrites(ChangeFeed feed) {
        feed.marks(MARKS);
    }

    /** The outbox of the store behind {@code feed}, shared by everyone syncing it in this process. */
    public static Outbox of(ChangeFeed feed) {
        return feed.shared(Outbox.class, Outbox::new);
    }

    // ---- the store's writes

    @Override
    public void upserted(long seq, Object rawId, ChangeFeed.WrittenPost post) {
        remember(rawId, new WrittenBson(seq, post.bson()));
    }

    @Override
    public void removed(long seq, Object rawId) {
        forget(rawId);
    }

    @Override
    public void failed(long seq, Object rawId) {
        forget(rawId);
    }

    /** Before the posts go: a push meanwhile reads the store, never a remembered copy of a dropped post. */
    @Override
    public void dropping(long seq) {
        synchronized (written) {
            written.clear();
            writtenBytes = 0;
        }
    }

    @Override
    public void dropped(long seq) {
        dropping(seq);
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

    // ---- the sync engine's view

    /** Posts written since the sync engine last looked at them, with the number of their last change. */
    public Map<Object, Long> snapshot() {
        return marks.snapshot();
    }

    public int size() {
        return marks.size();
    }

    /** The number of the last change to this post, if the outbox holds it. */
    public Long seqOf(Object rawId) {
        return marks.seqOf(rawId);
    }

    /** The engine dealt with the post as of change {@code seq}; a later change keeps it queued. */
    public void done(Object rawId, long seq) {
        if (marks.done(rawId, seq)) {
            synchronized (written) {
                WrittenBson last = written.get(rawId);
                if (last != null && last.seq() == seq) {
                    forget(rawId);
                }
            }
        }
    }

    /** Queues a post for the engine to look at without a write (every post, for a new server). */
    public void add(Object rawId) {
        marks.add(rawId, feed.lastSeq());
    }

    /**
     * The stored documents encoded as BSON, as the server would send them, by id; ids of posts that
     * do not exist are left out. A post remembered from its last write (its number is the one in the
     * outbox) is taken from memory; the others are read from the store.
     */
    public Map<Object, byte[]> readBson(Collection<Object> rawIds) {
        Map<Object, byte[]> found = new HashMap<>();
        List<Object> toRead = new ArrayList<>();
        synchronized (written) {
            for (Object rawId : rawIds) {
                WrittenBson last = written.get(rawId);
                Long outboxSeq = marks.seqOf(rawId);
                if (last != null && outboxSeq != null && outboxSeq == last.seq()) {
                    found.put(rawId, last.bson());
                } else {
                    toRead.add(rawId);
                }
            }
        }
        found.putAll(feed.readBson(toRead));
        return found;
    }
}
