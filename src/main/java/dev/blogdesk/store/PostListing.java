package dev.blogdesk.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static dev.blogdesk.store.PostSchema.CONTENT;
import static dev.blogdesk.store.PostSchema.DATE_POSTED;
import static dev.blogdesk.store.PostSchema.ID;
import static dev.blogdesk.store.PostSchema.TITLE;
import static dev.blogdesk.store.PostSchema.idOf;
import static dev.blogdesk.store.PostSchema.instantOf;
import static dev.blogdesk.store.PostSchema.stringOf;

/**
 * The list over both collections, newest first: each is asked in list order and the two answers are
 * merged, so a page never needs more than {@code skip + limit} summaries from either.
 */
final class PostListing {

    static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending(DATE_POSTED), Sorts.descending(ID));
    /** The server's order: newest date first, a missing date last, then the _id descending. */
    private static final Comparator<Document> LIST_ORDER = Comparator
            .comparing((Document d) -> d.get(DATE_POSTED) instanceof Date date ? date.getTime() : Long.MIN_VALUE)
            .thenComparing(d -> sortKey(d.get(ID)))
            .reversed();

    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;

    PostListing(MongoCollection<Document> posts, MongoCollection<Document> drafts) {
        this.posts = posts;
        this.drafts = drafts;
    }

    /** A page of summaries of the posts with {@code status} (null: both) that {@code match} (null: all). */
    List<PostSummary> summaries(PostStatus status, Bson match, int skip, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return MongoPostRepository.call("list posts", () -> {
            List<Document> merged = new ArrayList<>();
            // Published first: a post in both (a move cut short) keeps its published copy in the stable sort.
            for (PostStatus s : List.of(PostStatus.PUBLISHED, PostStatus.DRAFT)) {
                if (status == null || status == s) {
                    merged.addAll(page(collectionOf(s), match, skip + limit, s));
                }
            }
            merged.sort(LIST_ORDER);
            List<PostSummary> result = new ArrayList<>();
            String previous = null;
            int skipped = 0;
            for (Document d : merged) {
                String id = idOf(d);
                if (id.equals(previous)) {
                    continue; // a move cut short: the published copy sorts first (same date, same id)
                }
                previous = id;
                if (skipped++ < skip) {
                    continue;
                }
                if (result.size() == limit) {
                    break;
                }
                // Without the index, a thumbnail is found only in the first characters the list reads.
                result.add(new PostSummary(id, stringOf(d, TITLE), instantOf(d, DATE_POSTED),
                        MongoPostRepository.excerptOf(stringOf(d, "excerpt")), (PostStatus) d.get(STATUS_KEY),
                        PostImages.firstImage(stringOf(d, "excerpt"))));
            }
            return result;
        });
    }

    private static final String STATUS_KEY = "__status";

    private List<Document> page(MongoCollection<Document> collection, Bson match, int limit, PostStatus status) {
        List<Bson> pipeline = new ArrayList<>();
        if (match != null) {
            pipeline.add(new Document("$match", match));
        }
        pipeline.add(new Document("$sort", NEWEST_FIRST));
        pipeline.add(new Document("$limit", limit));
        // The excerpt is cut on the server, so the list never transfers whole posts. Twice the length, and
        // the exact cut here: mongo-java-server's $substrCP counts UTF-16 units, not code points.
        pipeline.add(new Document("$project", new Document(TITLE, 1)
                .append(DATE_POSTED, 1)
                .append("excerpt", new Document("$substrCP",
                        List.of(new Document("$ifNull", List.of("$" + CONTENT, "")), 0,
                                2 * MongoPostRepository.EXCERPT_CHARS)))));
        List<Document> page = new ArrayList<>();
        for (Document d : collection.aggregate(pipeline)) {
            d.put(STATUS_KEY, status);
            page.add(d);
        }
        return page;
    }

    /** Every document with {@code status} (null: both), newest first, each naming its status. */
    void forEachNewestFirst(PostStatus status, Consumer<Document> sink) {
        try (MongoCursor<Document> published = cursor(PostStatus.PUBLISHED, status);
             MongoCursor<Document> draft = cursor(PostStatus.DRAFT, status)) {
            Document p = next(published);
            Document d = next(draft);
            while (p != null || d != null) {
                if (d == null || (p != null && LIST_ORDER.compare(p, d) <= 0)) {
                    if (d != null && idOf(p).equals(idOf(d))) {
                        d = next(draft); // a move cut short: the published copy is the post
                    }
                    sink.accept(MongoPostRepository.withStatus(p, PostStatus.PUBLISHED));
                    p = next(published);
                } else {
                    sink.accept(MongoPostRepository.withStatus(d, PostStatus.DRAFT));
                    d = next(draft);
                }
            }
        }
    }

    /** Null when {@code which} is not wanted (try-with-resources skips a null). */
    private MongoCursor<Document> cursor(PostStatus which, PostStatus wanted) {
        if (wanted != null && wanted != which) {
            return null;
        }
        return collectionOf(which).find().sort(NEWEST_FIRST).batchSize(MongoPostRepository.CONTENT_BATCH_SIZE).iterator();
    }

    private static Document next(MongoCursor<Document> cursor) {
        return cursor != null && cursor.hasNext() ? cursor.next() : null;
    }

    private MongoCollection<Document> collectionOf(PostStatus status) {
        return status == PostStatus.DRAFT ? drafts : posts;
    }

    /** MongoDB sorts numbers before strings before ObjectIds; hex ObjectIds sort like their bytes. */
    private static String sortKey(Object id) {
        if (id instanceof ObjectId oid) {
            return "3" + oid.toHexString();
        }
        return (id instanceof String ? "2" : "1") + id;
    }
}
