package dev.blogdesk.sync;

import static dev.blogdesk.sync.SyncIds.bsonId;
import static dev.blogdesk.sync.SyncIds.digest;
import static dev.blogdesk.sync.SyncIds.key;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One push batch: every post in it that differs from the server's base is written with unordered bulk
 * writes, one per collection, published posts first. A write only lands if the server still holds the
 * base (its title and content are part of the filter), so a post changed on the server meanwhile is
 * never overwritten: it becomes a conflict. Publishing here is an insert into {@code posts} and a
 * guarded delete from {@code drafts} on the server (unpublishing the other way round); a batch cut off
 * between the two is finished by the next round, which recognises what already landed.
 */
final class SyncPush {

    private final Outbox outbox;
    private final SyncState state;
    private final SyncPlaces remote;
    /** A test seam: runs after the write to {@code posts}, before the one to {@code drafts}. */
    private final Runnable betweenCollections;

    SyncPush(Outbox outbox, SyncState state, SyncPlaces remote, Runnable betweenCollections) {
        this.outbox = outbox;
        this.state = state;
        this.remote = remote;
        this.betweenCollections = betweenCollections;
    }

    /** One write of a push; {@code sent} is the BSON sent (null for a delete). */
    private record Op(String key, Object rawId, long seq, byte[] sent, String digest, List<Part> parts) {
    }

    /** One collection's share of an op. */
    private record Part(PostStatus collection, WriteModel<RawBsonDocument> model) {
    }

    int pushBatch(List<Map.Entry<Object, Long>> entries) {
        long now = System.currentTimeMillis();
        // As BSON, remembered from the save or else straight from the store's file: no round trip
        // through the server, no decoding.
        Map<Object, byte[]> stored = outbox.readBson(entries.stream().map(Map.Entry::getKey).toList());
        // Digesting and copying 1,000 posts is a few ms of CPU per core; the server idles meanwhile.
        List<Op> ops = entries.parallelStream().map(e -> prepare(e.getKey(), e.getValue(), stored.get(e.getKey()), now))
                .filter(Objects::nonNull).toList();
        if (ops.isEmpty()) {
            return 0;
        }
        int expected = 0;
        int landed = 0;
        boolean errors = false;
        for (PostStatus collection : List.of(PostStatus.PUBLISHED, PostStatus.DRAFT)) {
            List<WriteModel<RawBsonDocument>> models = new ArrayList<>();
            for (Op op : ops) {
                op.parts().stream().filter(p -> p.collection() == collection).forEach(p -> models.add(p.model()));
            }
            if (models.isEmpty()) {
                continue;
            }
            if (collection == PostStatus.DRAFT && expected > 0) {
                betweenCollections.run();
            }
            expected += models.size();
            BulkWriteResult result;
            try {
                result = remote.collection(collection).withDocumentClass(RawBsonDocument.class)
                        .bulkWrite(models, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                errors = true;
                result = e.getWriteResult();
            }
            landed += result.getInsertedCount() + result.getMatchedCount() + result.getDeletedCount();
        }
        // All landed: done. Otherwise ask the server what it holds now: a write that "failed" may have
        // landed in an earlier, interrupted round (then the server already has exactly what we send).
        boolean verify = errors || landed != expected;
        Map<String, Copies> theirs = verify ? remoteDocs(ops) : Map.of();
        int pushed = 0;
        for (Op op : ops) {
            Copies server = theirs.getOrDefault(op.key(), Copies.NONE);
            boolean ok = !verify || server.holdsExactly(op.sent(), op.digest());
            if (ok) {
                if (op.sent() == null) {
                    state.removeBase(op.key());
                } else {
                    state.putBase(op.key(), op.sent(), op.digest());
                }
                outbox.done(op.rawId(), op.seq());
                pushed++;
            } else {
                state.putConflict(op.key(), server.post());
            }
        }
        return pushed;
    }

    /** The writes that bring the server up to {@code mine} (null: deleted here); null if there are none to make. */
    private Op prepare(Object rawId, long seq, byte[] mine, long now) {
        String key = key(bsonId(rawId));
        if (state.hasConflict(key)) {
            return null; // waits for the user
        }
        String mineDigest = mine == null ? null : digest(mine);
        String baseDigest = state.baseDigest(key);
        if (mine == null ? baseDigest == null : mineDigest.equals(baseDigest)) {
            outbox.done(rawId, seq);
            return null;
        }
        byte[] base = baseDigest == null ? null : state.rawBase(key);
        PostStatus was = base == null ? null : statusOf(base);
        List<Part> parts = new ArrayList<>();
        byte[] sent = null;
        if (mine == null) {
            parts.add(new Part(was, new DeleteOneModel<>(unchangedSince(base))));
        } else {
            // updated_at says when the server got it, so other clients' pulls see it.
            sent = RawBson.withDate(mine, PostSchema.UPDATED_AT, now);
            RawBsonDocument doc = new RawBsonDocument(sent);
            PostStatus is = statusOf(sent);
            if (was == is) {
                parts.add(new Part(is, new ReplaceOneModel<>(unchangedSince(base), doc)));
            } else {
                parts.add(new Part(is, new InsertOneModel<>(doc)));
                if (was != null) {
                    parts.add(new Part(was, new DeleteOneModel<>(unchangedSince(base))));
                }
            }
        }
        return new Op(key, rawId, seq, sent, mineDigest, parts);
    }

    private static PostStatus statusOf(byte[] bson) {
        return PostStatus.ofField(new RawBsonDocument(bson).get(PostSchema.STATUS) instanceof org.bson.BsonString s
                ? s.getValue() : null);
    }

    /**
     * A filter that only matches the server's copy if it is still the one we last saw. The three
     * fields are copied out of the stored base as they are, never decoded.
     */
    private static Bson unchangedSince(byte[] base) {
        return new RawBsonDocument(RawBson.project(base, PostSchema.ID, PostSchema.TITLE, PostSchema.CONTENT));
    }

    /** What the server holds of one post: its published copy, its draft copy, either, both or none. */
    private record Copies(Document published, Document draft) {
        static final Copies NONE = new Copies(null, null);

        /** The post as everywhere: the published copy if there are two. */
        Document post() {
            return published != null ? published : draft;
        }

        /** Exactly one copy, {@code sent} (by digest) in the collection its status names; none for a delete. */
        boolean holdsExactly(byte[] sent, String digest) {
            if (sent == null) {
                return published == null && draft == null;
            }
            boolean isDraft = statusOf(sent) == PostStatus.DRAFT;
            Document there = isDraft ? draft : published;
            Document other = isDraft ? published : draft;
            return other == null && there != null && digest.equals(digest(there));
        }
    }

    private Map<String, Copies> remoteDocs(List<Op> ops) {
        Map<String, Copies> docs = new HashMap<>();
        List<Object> ids = ops.stream().map(op -> bsonId(op.rawId())).toList();
        for (PostStatus collection : List.of(PostStatus.PUBLISHED, PostStatus.DRAFT)) {
            for (Document d : remote.collection(collection).find(Filters.in(PostSchema.ID, ids))
                    .batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
                String key = key(d.get(PostSchema.ID));
                Copies had = docs.getOrDefault(key, Copies.NONE);
                docs.put(key, collection == PostStatus.PUBLISHED ? new Copies(d, had.draft())
                        : new Copies(had.published(), SyncPlaces.asDraft(d)));
            }
        }
        return docs;
    }
}
