package dev.blogdesk.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

import static dev.blogdesk.store.PostSchema.CONTENT;
import static dev.blogdesk.store.PostSchema.DATE_POSTED;
import static dev.blogdesk.store.PostSchema.ID;
import static dev.blogdesk.store.PostSchema.STATUS;
import static dev.blogdesk.store.PostSchema.TITLE;
import static dev.blogdesk.store.PostSchema.UPDATED_AT;
import static dev.blogdesk.store.PostSchema.VERSION;
import static dev.blogdesk.store.PostSchema.idOf;
import static dev.blogdesk.store.PostSchema.instantOf;
import static dev.blogdesk.store.PostSchema.stringOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Posts in the {@code posts} collection, in the document shape the Flask-PyMongo blog uses
 * ({@code title}, {@code content}, {@code date_posted} as a BSON date) plus {@code updated_at}
 * and {@code version} for optimistic concurrency.
 */
public final class MongoPostRepository implements PostRepository {

    static final int EXCERPT_CHARS = 160;
    /**
     * Cursors over whole posts fetch this many per round trip. The embedded server does not cap a reply
     * at 16 MB as MongoDB does, and the driver refuses replies over 48 MB; 32 posts of a few KB are cheap.
     */
    public static final int CONTENT_BATCH_SIZE = 32;

    private static final Logger log = LoggerFactory.getLogger(MongoPostRepository.class);
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private static final String DATE_INDEX = "date_posted_desc";

    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;
    private final PostListing listing;
    private final PostRevisions revisions;

    public MongoPostRepository(MongoDatabase database) {
        this.posts = database.getCollection(PostSchema.COLLECTION);
        this.drafts = database.getCollection(PostSchema.DRAFTS);
        this.listing = new PostListing(posts, drafts);
        this.revisions = new PostRevisions(database);
    }

    /** The posts' history, which every save, publish and overwrite here adds to. */
    public PostRevisions revisions() {
        return revisions;
    }

    /** Records the revision {@code id} of {@code saved}; a failure costs that revision, never the save. */
    private Post recorded(ObjectId id, Post saved, RevisionSource source, Document before) {
        try {
            revisions.record(id, saved, source, before);
        } catch (StoreException e) {
            log.warn("The post was saved, but its revision was not kept: {}", e.getMessage());
        }
        return saved;
    }

    /** Creates the list-order index; a server that cannot build it still works, only slower. */
    public void ensureIndexes() {
        call("create indexes", () -> {
            try {
                posts.createIndex(Indexes.descending(DATE_POSTED), new IndexOptions().name(DATE_INDEX));
            } catch (MongoException e) {
                log.warn("Index on date_posted not created: {}", e.getMessage());
            }
            return null;
        });
    }

    /**
     * On the embedded server the list-order index is not only useless (mongo-java-server keeps no
     * secondary indexes; the search index orders the list) but costly: the server takes the stand-in
     * it keeps for one as empty and re-reads every post to fill it, twice, at every start. Stores
     * created before we knew have it, so it is dropped.
     */
    public void dropEmbeddedOnlyWaste() {
        call("check indexes", () -> {
            for (Document index : posts.listIndexes()) {
                if (DATE_INDEX.equals(index.getString("name"))) {
                    posts.dropIndex(DATE_INDEX);
                    log.info("Dropped the date_posted index the embedded server cannot use");
                }
            }
            return null;
        });
    }

    @Override
    public Post create(Post post) {
        Instant now = now();
        ObjectId id = new ObjectId();
        Instant date = post.datePosted() != null ? post.datePosted().truncatedTo(ChronoUnit.MILLIS) : now;
        ObjectId revision = new ObjectId();
        Document doc = PostSchema.newDocument(id, post.title(), post.content(), date, now)
                .append(STATUS, PostStatus.DRAFT.value()).append(PostRevisions.POINTER, revision);
        PostSchema.putDetails(doc, new Document(), post.details());
        call("save the post", () -> drafts.insertOne(doc).wasAcknowledged());
        return recorded(revision, PostSchema.read(doc, PostStatus.DRAFT), RevisionSource.SAVE, null);
    }

    @Override
    public Optional<Post> findById(String id) {
        return findDocument(id).map(found -> PostSchema.read(found.document(), found.status()));
    }

    /** A stored document and where it is: the published copy first (it is the post if a move left two). */
    private record Found(Document document, PostStatus status) {
    }

    private Optional<Found> findDocument(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Bson byId = Filters.eq(ID, new ObjectId(id));
        return call("load the post", () -> {
            Document published = posts.find(byId).first();
            if (published != null) {
                return Optional.of(new Found(published, PostStatus.PUBLISHED));
            }
            Document draft = drafts.find(byId).first();
            return Optional.ofNullable(draft).map(d -> new Found(d, PostStatus.DRAFT));
        });
    }

    @Override
    public Post update(Post post) {
        return update(post, RevisionSource.SAVE);
    }

    @Override
    public Post update(Post post, RevisionSource source) {
        requireStored(post);
        Instant now = now();
        // A flat filter: the embedded server only uses the _id index for flat equality on _id.
        Document filter = new Document(ID, new ObjectId(post.id()));
        filter.append(VERSION, post.version() == 0 ? new Document("$exists", false) : post.version());
        // $set, not replaceOne: fields the editor does not know (comments, legacy, ...) are kept.
        // The details as stored now, so only the ones the user changed are written; the save is conditional on
        // the version, so a change in between is a conflict, not lost.
        Document stored = call("save the post", () -> collection(post.status()).find(new Document(ID, new ObjectId(post.id()))).first());
        ObjectId revision = new ObjectId();
        Document update = changes(post, now, new Document(VERSION, post.version() + 1).append(PostRevisions.POINTER, revision),
                stored == null ? null : PostSchema.detailsOf(stored));
        // A draft published elsewhere meanwhile is not in drafts any more: a conflict, not a silent copy.
        long matched = call("save the post", () -> collection(post.status()).updateOne(filter, update).getMatchedCount());
        if (matched == 0) {
            throw new VersionConflictException(post.id());
        }
        return recorded(revision, new Post(post.id(), post.title(), post.content(), post.datePosted(), now, post.version() + 1,
                post.status(), post.details(), null), source, stored);
    }

    /** The {@code $set} (text, details, date, {@code updated_at}, plus {@code extraSet}) and {@code $unset} of a save. */
    private static Document changes(Post post, Instant now, Document extraSet, PostDetails stored) {
        Document set = new Document(TITLE, post.title()).append(CONTENT, post.content());
        Document unset = new Document();
        PostSchema.putDetails(set, unset, post.details(), stored);
        if (post.datePosted() != null) {
            set.append(DATE_POSTED, Date.from(post.datePosted()));
        }
        set.append(UPDATED_AT, Date.from(now)).putAll(extraSet);
        Document update = new Document("$set", set);
        return unset.isEmpty() ? update : update.append("$unset", unset);
    }

    @Override
    public Post overwrite(Post post) {
        requireStored(post);
        Instant now = now();
        // Where the post is now (it may have been published or unpublished meanwhile), else where it was.
        Optional<Found> found = findDocument(post.id());
        PostStatus where = found.map(Found::status).orElse(post.status());
        Document filter = new Document(ID, new ObjectId(post.id()));
        Document onInsert = new Document(STATUS, where.value());
        if (post.datePosted() == null) {
            onInsert.append(DATE_POSTED, Date.from(now));
        }
        ObjectId revision = new ObjectId();
        Document update = changes(post, now, new Document(PostRevisions.POINTER, revision),
                found.map(f -> PostSchema.detailsOf(f.document())).orElse(null))
                .append("$inc", new Document(VERSION, 1L))
                .append("$setOnInsert", onInsert);
        call("save the post", () -> collection(where).updateOne(filter, update, new UpdateOptions().upsert(true)));
        Post saved = findById(post.id()).orElseThrow(() -> new StoreException("The post vanished while it was being saved."));
        return recorded(revision, saved, RevisionSource.CONFLICT, found.map(Found::document).orElse(null));
    }

    @Override
    public boolean slugInUse(String slug, String exceptId) {
        Bson same = Filters.eq(PostSchema.SLUG, slug);
        Bson match = exceptId != null && ObjectId.isValid(exceptId)
                ? Filters.and(same, Filters.ne(ID, new ObjectId(exceptId))) : same;
        return call("check the slug", () -> posts.find(match).limit(1).first() != null
                || drafts.find(match).limit(1).first() != null);
    }

    @Override
    public List<String> tagsInUse() {
        return call("list tags", () -> {
            java.util.TreeSet<String> tags = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (MongoCollection<Document> c : List.of(posts, drafts)) {
                for (Document d : c.find(Filters.exists(PostSchema.TAGS)).projection(Projections.include(PostSchema.TAGS))) {
                    tags.addAll(PostSchema.tagsOf(d));
                }
            }
            return List.copyOf(tags);
        });
    }

    @Override
    public Post publish(Post post) {
        return move(post, PostStatus.PUBLISHED);
    }

    @Override
    public Post unpublish(Post post) {
        return move(post, PostStatus.DRAFT);
    }

    /**
     * Copy first, then delete: a move cut short leaves two copies, never none. While both exist the
     * published one is the post ({@link #findDocument}, the search index, sync), and {@link #settleMoves}
     * removes the draft copy.
     */
    private Post move(Post post, PostStatus to) {
        requireStored(post);
        PostStatus from = to.other();
        Bson byId = Filters.eq(ID, new ObjectId(post.id()));
        String what = to == PostStatus.PUBLISHED ? "publish the post" : "unpublish the post";
        Document stored = call(what, () -> collection(from).find(byId).first());
        long storedVersion = stored != null && stored.get(VERSION) instanceof Number n ? n.longValue() : 0L;
        if (stored == null || storedVersion != post.version()) {
            throw new VersionConflictException(post.id());
        }
        Instant now = now();
        ObjectId revision = new ObjectId();
        Document moved = new Document(stored).append(STATUS, to.value()).append(PostRevisions.POINTER, revision)
                .append(UPDATED_AT, Date.from(now)).append(VERSION, storedVersion + 1);
        call(what, () -> {
            collection(to).replaceOne(byId, moved, new ReplaceOptions().upsert(true));
            collection(from).deleteOne(byId);
            return null;
        });
        return recorded(revision, PostSchema.read(moved, to),
                to == PostStatus.PUBLISHED ? RevisionSource.PUBLISH : RevisionSource.UNPUBLISH, stored);
    }

    /**
     * Finishes moves cut short by a crash or a lost connection: of the posts {@code inBoth} names (the
     * embedded store keeps that list as it writes), each one still in both collections is the published
     * one, so its draft copy goes. Returns how many were settled.
     */
    public int settleMoves(java.util.Collection<Object> inBoth) {
        return call("check drafts", () -> {
            int settled = 0;
            for (Object id : inBoth) {
                // Flat {_id} lookups: the one query the embedded server answers from its index.
                Document byId = new Document(ID, id);
                if (posts.find(byId).projection(Projections.include(ID)).first() != null
                        && drafts.deleteOne(byId).getDeletedCount() > 0) {
                    settled++;
                    log.info("Removed the draft copy of {}, a post whose publishing was cut short", id);
                }
            }
            return settled;
        });
    }

    @Override
    public Optional<DeletedPost> deleteForUndo(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Bson byId = Filters.eq(ID, new ObjectId(id));
        return call("delete the post", () -> {
            Document published = posts.findOneAndDelete(byId);
            Document draft = drafts.findOneAndDelete(byId);
            if (published != null) {
                return Optional.of(new DeletedPost(id, stringOf(published, TITLE), published, PostStatus.PUBLISHED));
            }
            return Optional.ofNullable(draft).map(d -> new DeletedPost(id, stringOf(d, TITLE), d, PostStatus.DRAFT));
        });
    }

    @Override
    public void restore(DeletedPost deleted) {
        call("restore the post", () -> collection(deleted.status()).insertOne(deleted.document()).wasAcknowledged());
    }

    @Override
    public List<PostSummary> search(SearchQuery query, int skip, int limit) {
        if (query.isEmpty()) {
            return listing.summaries(query.status(), null, skip, limit);
        }
        List<Bson> each = new ArrayList<>();
        for (String term : query.terms()) {
            String literal = SearchQuery.literalRegex(term);
            each.add(Filters.or(Filters.regex(TITLE, literal, "i"), Filters.regex(CONTENT, literal, "i")));
        }
        for (String tag : query.tags()) {
            // Any element of the tags array, the whole tag, ignoring case.
            each.add(Filters.regex(PostSchema.TAGS, "^" + SearchQuery.literalRegex(tag) + "$", "i"));
        }
        return listing.summaries(query.status(), each.size() == 1 ? each.get(0) : Filters.and(each), skip, limit);
    }

    @Override
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return listing.summaries(null, Filters.eq(PostSchema.LEGACY_SOURCE_PATH, source), skip, limit);
    }

    @Override
    public long count() {
        return call("count posts", () -> posts.countDocuments() + drafts.countDocuments());
    }

    @Override
    public void exportJson(PostStatus status, Consumer<String> sink) {
        call("export posts", () -> {
            listing.forEachNewestFirst(status, d -> sink.accept(d.toJson(RELAXED)));
            return null;
        });
    }

    @Override
    public Optional<String> findJsonById(String id) {
        return findDocument(id).map(found -> withStatus(found.document(), found.status()).toJson(RELAXED));
    }

    /** The document as exported: every one names its status, also those written without one. */
    static Document withStatus(Document d, PostStatus status) {
        if (!(d.get(STATUS) instanceof String s) || PostStatus.ofField(s) != status) {
            d.put(STATUS, status.value());
        }
        return d;
    }

    private MongoCollection<Document> collection(PostStatus status) {
        return status == PostStatus.DRAFT ? drafts : posts;
    }

    /** The list's excerpt of {@code content}, exactly as the server's aggregation cuts it. */
    public static String excerptOf(String content) {
        if (content == null) {
            return "";
        }
        int end = content.offsetByCodePoints(0, Math.min(EXCERPT_CHARS, content.codePointCount(0, content.length())));
        return oneLine(content.substring(0, end));
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static void requireStored(Post post) {
        if (post.isNew() || !ObjectId.isValid(post.id())) {
            throw new IllegalArgumentException("Not a stored post: " + post.id());
        }
    }

    /** BSON dates hold milliseconds: truncate so the value we return equals the value stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static <T> T call(String what, Supplier<T> action) {
        return StoreErrors.call(what, action);
    }
}
