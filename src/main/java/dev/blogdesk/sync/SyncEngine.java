package dev.blogdesk.sync;

import static dev.blogdesk.sync.SyncIds.bsonId;
import static dev.blogdesk.sync.SyncIds.digest;
import static dev.blogdesk.sync.SyncIds.idOf;
import static dev.blogdesk.sync.SyncIds.idText;
import static dev.blogdesk.sync.SyncIds.key;
import static dev.blogdesk.sync.SyncIds.keyOfText;
import static dev.blogdesk.sync.SyncIds.rawId;
import static dev.blogdesk.sync.SyncIds.sameContent;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sync round between the local working copy (the embedded store) and a remote collection.
 *
 * <p>Both sides are {@link SyncPlaces}: drafts and published posts, one post per id. Push: every post
 * in the {@link Outbox} that differs from what the server last had (the "base", kept per post) is
 * written by {@link SyncPush}, never over a server copy changed meanwhile (that is a conflict for the
 * user). Deletes are pushed the same way; the base is the tombstone that keeps a pull from bringing a
 * deleted post back. A publish or unpublish here moves the post between the server's collections.
 *
 * <p>Pull: documents the server changed since the last pull ({@code updated_at}), documents written
 * without {@code updated_at} (the Flask blog), and posts gone from the server. A post changed both
 * here and there is a conflict, never silently overwritten.
 *
 * <p>Every step is idempotent, so a round cut off by the network or a kill -9 is simply run again: a
 * push that already landed is recognised by comparing the server's copy with what was sent.
 */
public final class SyncEngine {

    static final int BATCH = 1_000;
    /** Pull re-reads this much before the last pull mark: other clients' clocks are not ours. */
    private static final Duration PULL_OVERLAP = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final SyncPlaces local;
    private final dev.blogdesk.store.PostImages localImages;
    private final PostRevisions localRevisions;
    private final Outbox outbox;
    private final SyncState state;
    /** A package-private test seam: runs before each batch of a push with the number pushed so far. */
    private java.util.function.IntConsumer beforeBatch = pushedSoFar -> { };
    /** The server of the round in progress; null between rounds. */
    private SyncPlaces remote;
    private String remoteIdentity;

    private SyncEngine(SyncPlaces local, dev.blogdesk.store.PostImages localImages, PostRevisions localRevisions,
                       Outbox outbox, SyncState state) {
        this.local = local;
        this.localImages = localImages;
        this.localRevisions = localRevisions;
        this.outbox = outbox;
        this.state = state;
    }

    /**
     * The engine for the working copy in {@code local} (its embedded store). Counting and resolving need
     * no network; {@link #round} syncs with the server it is given.
     */
    public static SyncEngine of(dev.blogdesk.store.StoreConnection local) {
        dev.blogdesk.store.EmbeddedMongo embedded = local.embedded()
                .orElseThrow(() -> new IllegalArgumentException("Sync needs the embedded store as its working copy"));
        ChangeFeed feed = embedded.changeFeed();
        var db = local.database();
        return new SyncEngine(new SyncPlaces(db.getCollection(PostSchema.COLLECTION), db.getCollection(PostSchema.DRAFTS)),
                new dev.blogdesk.store.PostImages(db), new PostRevisions(db), Outbox.of(feed), new SyncState(feed));
    }

    /**
     * Pushes the outbox, then pulls. Throws {@link SyncUnavailableException} if the server cannot be
     * reached or stops answering; everything done until then is kept and nothing is marked as pushed
     * that the server did not take.
     */
    public SyncReport round(SyncRemote server) {
        remote = new SyncPlaces(server.posts(), server.drafts());
        remoteIdentity = server.identity();
        try {
            return roundWithRemote(server);
        } finally {
            remote = null;
            remoteIdentity = null;
        }
    }

    private SyncReport roundWithRemote(SyncRemote server) {
        try {
            remote.collection(PostStatus.PUBLISHED).find().projection(Projections.include(PostSchema.ID)).limit(1).first();
        } catch (MongoException e) {
            throw new SyncUnavailableException(e);
        }
        if (!remoteIdentity.equals(state.remoteIdentity())) {
            startOver();
        }
        int pushed;
        int pulled;
        long pushNanos;
        try {
            // History first: a post pulled below then finds the revision it names already here.
            int revisions = new RevisionSync(localRevisions, new PostRevisions(server.database()), afterEachRevision).round();
            if (revisions > 0) {
                log.info("Synced {} revisions", revisions);
            }
            long started = System.nanoTime();
            pushed = push();
            pushNanos = System.nanoTime() - started;
            pulled = pull();
            int images = new ImageSync(localImages, new dev.blogdesk.store.PostImages(server.database())).round();
            if (images > 0) {
                log.info("Synced {} images", images);
            }
        } catch (MongoException e) {
            throw new SyncUnavailableException(e);
        } catch (dev.blogdesk.store.StoreException e) {
            // The image store says which call failed; a server gone away is still just "not available".
            if (e.getCause() instanceof MongoException gone) {
                throw new SyncUnavailableException(gone);
            }
            throw e;
        } finally {
            state.commit();
        }
        return report(pushed, pulled, Duration.ofNanos(pushNanos));
    }

    /** The numbers without talking to the server (for the status bar and an unreachable server). */
    public SyncReport report() {
        return report(0, 0, Duration.ZERO);
    }

    private SyncReport report(int pushed, int pulled, Duration pushTime) {
        List<String> conflicted = new ArrayList<>(state.conflictKeys().stream().map(SyncIds::idText).toList());
        return new SyncReport(pushed, pulled, conflicted.size(), pending(), conflicted, pushTime);
    }

    /** Posts saved here that the server does not have yet (conflicts included). */
    public int pending() {
        return outbox.size();
    }

    /** A new server (or the first sync): every local post is looked at, and every remote one pulled. */
    private void startOver() {
        log.info("Syncing with a new server: comparing every post");
        state.reset(remoteIdentity);
        for (PostStatus status : PostStatus.values()) {
            for (Document d : local.collection(status).find().projection(Projections.include(PostSchema.ID))) {
                outbox.add(rawId(d.get(PostSchema.ID)));
            }
        }
    }

    // ------------------------------------------------------------------ push

    /** For tests: {@code hook} runs with the number of posts already pushed before each batch of a push. */
    void beforeEachBatch(java.util.function.IntConsumer hook) {
        this.beforeBatch = hook;
    }

    /** For tests: {@code hook} runs in a push between its write to the server's posts and to its drafts. */
    void betweenCollections(Runnable hook) {
        this.betweenCollections = hook;
    }

    private Runnable betweenCollections = () -> { };

    /** For tests: {@code hook} runs after each revision a round copies, with the number copied so far. */
    void afterEachRevision(java.util.function.IntConsumer hook) {
        this.afterEachRevision = hook;
    }

    private java.util.function.IntConsumer afterEachRevision = copied -> { };

    private int push() {
        List<Map.Entry<Object, Long>> entries = new ArrayList<>(outbox.snapshot().entrySet());
        SyncPush batches = new SyncPush(outbox, state, remote, betweenCollections);
        int pushed = 0;
        for (int from = 0; from < entries.size(); from += BATCH) {
            beforeBatch.accept(pushed);
            pushed += batches.pushBatch(entries.subList(from, Math.min(entries.size(), from + BATCH)));
            state.commit();
        }
        return pushed;
    }

    // ------------------------------------------------------------------ pull

    private int pull() {
        long mark = state.pullMark();
        Bson changed = mark == 0 ? new Document()
                : Filters.or(Filters.gt(PostSchema.UPDATED_AT, new Date(mark - PULL_OVERLAP.toMillis())),
                        Filters.exists(PostSchema.UPDATED_AT, false));
        Set<String> published = remote.keys(PostStatus.PUBLISHED);
        Set<String> onServer = new HashSet<>(published);
        onServer.addAll(remote.keys(PostStatus.DRAFT));
        int[] pulled = {0};
        long[] newMark = {mark};
        remote.forEachMatching(changed, published, theirs -> {
            if (theirs.get(PostSchema.UPDATED_AT) instanceof Date d) {
                newMark[0] = Math.max(newMark[0], d.getTime());
            }
            if (take(key(theirs.get(PostSchema.ID)), theirs)) {
                pulled[0]++;
            }
        });
        // Posts deleted on the server: in the base, gone there.
        for (String key : state.baseKeys()) {
            if (!onServer.contains(key) && take(key, null)) {
                pulled[0]++;
            }
        }
        state.setPullMark(newMark[0]);
        return pulled[0];
    }

    /** Brings the server's version of one post here (null: deleted there), unless that would lose work. */
    private boolean take(String key, Document theirs) {
        String baseDigest = state.baseDigest(key);
        String theirsDigest = theirs == null ? null : digest(theirs);
        if (theirs != null && theirsDigest.equals(baseDigest)) {
            return false;
        }
        if (state.hasConflict(key)) {
            state.putConflict(key, theirs); // the user decides against the newest version
            return false;
        }
        Object id = idOf(key);
        Document mine = local.find(id);
        boolean unchangedHere = baseDigest == null ? mine == null : mine != null && digest(mine).equals(baseDigest);
        if (unchangedHere) {
            writeLocal(id, theirs);
            return true;
        }
        if (theirs == null ? mine == null : mine != null && sameContent(mine, theirs)) {
            setBase(key, theirs); // both sides made the same change
            return false;
        }
        state.putConflict(key, theirs);
        return false;
    }

    /** Writes the server's version here and makes it the base; it is not something to push back. */
    private void writeLocal(Object id, Document theirs) {
        local.write(id, theirs);
        setBase(key(id), theirs);
        Object raw = rawId(id);
        Long seq = outbox.seqOf(raw);
        Document now = local.find(id);
        if (seq != null && (theirs == null ? now == null : now != null && sameContent(now, theirs))) {
            outbox.done(raw, seq);
        }
    }

    private void setBase(String key, Document theirs) {
        if (theirs == null) {
            state.removeBase(key);
        } else {
            state.putBase(key, theirs, digest(theirs));
        }
    }

    // ------------------------------------------------------------------ conflicts

    /** A post changed here and on the server since the last sync. {@code theirs} null: deleted there. */
    public record Conflict(String id, Document mine, Document theirs) {
    }

    public List<Conflict> conflicts() {
        List<Conflict> all = new ArrayList<>();
        for (String key : state.conflictKeys()) {
            Object id = idOf(key);
            all.add(new Conflict(idText(key), local.find(id), state.conflictTheirs(key)));
        }
        return all;
    }

    /** Keeps this machine's version: it is pushed over the server's at the next round. */
    public void keepMine(String id) {
        String key = keyOfText(id);
        setBase(key, state.conflictTheirs(key));
        state.removeConflict(key);
        outbox.add(rawId(idOf(key)));
        state.commit();
    }

    /** Takes the server's version here. */
    public void keepTheirs(String id) {
        String key = keyOfText(id);
        Document theirs = state.conflictTheirs(key);
        state.removeConflict(key);
        writeLocal(idOf(key), theirs);
        state.commit();
    }

    /** Keeps both: this machine's version becomes a new post (pushed next round), the server's stays. */
    public String keepBoth(String id) {
        String key = keyOfText(id);
        Document mine = local.find(idOf(key));
        String copyId = null;
        if (mine != null) {
            ObjectId copy = new ObjectId();
            Document copyDoc = new Document(mine).append(PostSchema.ID, copy).append(PostSchema.TITLE, mine.getString(PostSchema.TITLE) + " (my copy)");
            local.write(copy, copyDoc);
            copyId = copy.toHexString();
        }
        keepTheirs(id);
        return copyId;
    }
}
