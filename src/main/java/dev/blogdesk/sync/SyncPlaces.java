package dev.blogdesk.sync;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One side of a sync (the working copy or the server) as sync sees it: one post per id, in
 * {@code posts} when published and in {@code drafts} when a draft. A document's {@code status} says
 * where it belongs; one read from {@code drafts} always says "draft", whoever wrote it, so a draft can
 * never be put into {@code posts}. A post in both (a move cut short) is its published copy.
 */
final class SyncPlaces {

    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;

    SyncPlaces(MongoCollection<Document> posts, MongoCollection<Document> drafts) {
        this.posts = posts;
        this.drafts = drafts;
    }

    MongoCollection<Document> collection(PostStatus status) {
        return status == PostStatus.DRAFT ? drafts : posts;
    }

    /** Where a document belongs. */
    static PostStatus statusOf(Document d) {
        return PostStatus.ofField(d.get(PostSchema.STATUS));
    }

    /** The post with {@code id}, or null. */
    Document find(Object id) {
        Bson byId = Filters.eq(PostSchema.ID, id);
        Document published = posts.find(byId).first();
        return published != null ? published : asDraft(drafts.find(byId).first());
    }

    /** The ids in {@code status}'s collection. */
    Set<String> keys(PostStatus status) {
        Set<String> keys = new HashSet<>();
        for (Document d : collection(status).find().projection(Projections.include(PostSchema.ID))) {
            keys.add(SyncIds.key(d.get(PostSchema.ID)));
        }
        return keys;
    }

    /** The posts that match {@code filter}; a draft whose id is in {@code published} is left out. */
    void forEachMatching(Bson filter, Set<String> published, Consumer<Document> sink) {
        for (Document d : posts.find(filter).batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
            sink.accept(d);
        }
        for (Document d : drafts.find(filter).batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
            if (!published.contains(SyncIds.key(d.get(PostSchema.ID)))) {
                sink.accept(asDraft(d));
            }
        }
    }

    /** Puts {@code doc} where its status says and removes any copy from the other collection (null: deletes). */
    void write(Object id, Document doc) {
        Bson byId = Filters.eq(PostSchema.ID, id);
        if (doc == null) {
            posts.deleteOne(byId);
            drafts.deleteOne(byId);
            return;
        }
        PostStatus status = statusOf(doc);
        // Copy first, then delete: cut short in between, the post is still there (twice, never not at all).
        collection(status).replaceOne(byId, doc, new ReplaceOptions().upsert(true));
        collection(status.other()).deleteOne(byId);
    }

    static Document asDraft(Document d) {
        if (d != null && statusOf(d) != PostStatus.DRAFT) {
            d.put(PostSchema.STATUS, PostStatus.DRAFT.value());
        }
        return d;
    }
}
