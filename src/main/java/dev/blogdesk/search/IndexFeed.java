package dev.blogdesk.search;

import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.MarkSet;
import dev.blogdesk.store.PostText;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index's side of the store's {@link ChangeFeed}: the changes queued for the indexer thread in the
 * server's order, and the durable marks of posts changed but not yet committed to the index (after a
 * kill -9 the index re-reads those). A mark is cleared only once the index committed that change.
 */
final class IndexFeed implements ChangeFeed.Listener {

    /** The durable marks; the name predates the shared feed, so existing stores keep theirs. */
    static final String MARKS = "search.pending";
    /** Bounds the memory a bulk import can tie up ahead of the index; writers wait when it is full. */
    private static final int QUEUE_CAPACITY = 2_000;
    /** The text the queue may hold (~16 MB); beyond it a change is queued as "re-read this post". */
    private static final long QUEUED_CHARS_BUDGET = 8L * 1024 * 1024;

    private final ChangeFeed feed;
    private final MarkSet pending;
    private final BlockingQueue<PostChange> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean missed = new AtomicBoolean();
    private final AtomicLong queuedChars = new AtomicLong();
    private volatile boolean attached;

    IndexFeed(ChangeFeed feed) {
        this.feed = feed;
        this.pending = feed.marks(MARKS);
    }

    MarkSet pending() {
        return pending;
    }

    // ---- on the writer's thread, inside the write

    @Override
    public void upserted(long seq, Object rawId, ChangeFeed.WrittenPost written) {
        if (!attached) {
            return;
        }
        PostText post = written.text();
        long chars = post.textLength();
        if (queuedChars.addAndGet(chars) <= QUEUED_CHARS_BUDGET) {
            publish(new PostChange.Upsert(seq, post));
        } else {
            // Big posts (or a backlog of them) wait in the store, not in memory: the index re-reads them.
            queuedChars.addAndGet(-chars);
            publish(new PostChange.Touch(seq, rawId, post.key()));
        }
    }

    @Override
    public void removed(long seq, Object rawId) {
        publish(new PostChange.Remove(seq, rawId, PostText.keyOf(rawId)));
    }

    @Override
    public void failed(long seq, Object rawId) {
        publish(new PostChange.Touch(seq, rawId, PostText.keyOf(rawId)));
    }

    @Override
    public void dropped(long seq) {
        publish(new PostChange.Clear(seq));
    }

    private void publish(PostChange change) {
        try {
            while (attached) {
                if (queue.offer(change, 200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The change is marked; the index must re-read the marks before it can answer again.
            missed.set(true);
        }
        taken(change); // not queued after all
    }

    // ---- on the indexer's thread

    /** From now on changes are queued; call before reading the marks. */
    void attach() {
        missed.set(false);
        attached = true;
        feed.subscribe(this);
    }

    /** Stops queueing (writers never wait for an indexer that is gone); the marks stay recorded. */
    void detach() {
        attached = false;
        feed.unsubscribe(this);
        queue.clear();
        queuedChars.set(0);
    }

    PostChange poll(long timeout, TimeUnit unit) throws InterruptedException {
        return taken(queue.poll(timeout, unit));
    }

    void drainTo(List<PostChange> sink, int max) {
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

    /** True once if a change could not be queued; the indexer must catch up from the marks. */
    boolean takeMissed() {
        return missed.getAndSet(false);
    }
}
