package dev.blogdesk.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

import static dev.blogdesk.store.PostSchema.CONTENT;
import static dev.blogdesk.store.PostSchema.DATE_POSTED;
import static dev.blogdesk.store.PostSchema.ID;
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
    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending(DATE_POSTED), Sorts.descending(ID));
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private static final String DATE_INDEX = "date_posted_desc";
    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    private final MongoCollection<Document> posts;

    public MongoPostRepository(MongoDatabase database) {
        this.posts = database.getCollection(PostSchema.COLLECTION);
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
    public Post create(String title, String content) {
        Instant now = now();
        ObjectId id = new ObjectId();
        Document doc = PostSchema.newDocument(id, title, content, now, now);
        call("save the post", () -> posts.insertOne(doc).wasAcknowledged());
        return new Post(id.toHexString(), title, content, now, now, 1L);
    }

    @Override
    public Optional<Post> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document doc = call("load the post", () -> posts.find(Filters.eq(ID, new ObjectId(id))).first());
        return Optional.ofNullable(doc).map(PostSchema::read);
    }

    @Override
    public Post update(Post post) {
        requireStored(post);
        Instant now = now();
        // A flat filter: the embedded server only uses the _id index for flat equality on _id.
        Document filter = new Document(ID, new ObjectId(post.id()));
        filter.append(VERSION, post.version() == 0 ? new Document("$exists", false) : post.version());
        // $set, not replaceOne: fields the editor does not know (tags, author, legacy, ...) are kept.
        Document update = new Document("$set", new Document(TITLE, post.title())
                .append(CONTENT, post.content())
                .append(UPDATED_AT, Date.from(now))
                .append(VERSION, post.version() + 1));
        long matched = call("save the post", () -> posts.updateOne(filter, update).getMatchedCount());
        if (matched == 0) {
            throw new VersionConflictException(post.id());
        }
        return new Post(post.id(), post.title(), post.content(), post.datePosted(), now, post.version() + 1);
    }

    @Override
    public Post overwrite(Post post) {
        requireStored(post);
        Instant now = now();
        Document filter = new Document(ID, new ObjectId(post.id()));
        Document update = new Document("$set", new Document(TITLE, post.title())
                .append(CONTENT, post.content())
                .append(UPDATED_AT, Date.from(now)))
                .append("$inc", new Document(VERSION, 1L))
                .append("$setOnInsert", new Document(DATE_POSTED,
                        Date.from(post.datePosted() != null ? post.datePosted() : now)));
        call("save the post", () -> posts.updateOne(filter, update, new UpdateOptions().upsert(true)));
        return findById(post.id()).orElseThrow(() -> new StoreException("The post vanished while it was being saved."));
    }

    @Override
    public Optional<DeletedPost> deleteForUndo(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document doc = call("delete the post", () -> posts.findOneAndDelete(Filters.eq(ID, new ObjectId(id))));
        return Optional.ofNullable(doc).map(d -> new DeletedPost(id, stringOf(d, TITLE), d));
    }

    @Override
    public void restore(DeletedPost deleted) {
        call("restore the post", () -> posts.insertOne(deleted.document()).wasAcknowledged());
    }

    @Override
    public List<PostSummary> list(int skip, int limit) {
        return summaries(null, skip, limit);
    }

    @Override
    public List<PostSummary> search(String text, int skip, int limit) {
        if (text == null || text.isBlank()) {
            return list(skip, limit);
        }
        SearchQuery query = SearchQuery.parse(text);
        if (query.isEmpty()) {
            return list(skip, limit);
        }
        List<Bson> each = new ArrayList<>();
        for (String term : query.terms()) {
            String literal = literalRegex(term);
            each.add(Filters.or(Filters.regex(TITLE, literal, "i"), Filters.regex(CONTENT, literal, "i")));
        }
        return summaries(each.size() == 1 ? each.get(0) : Filters.and(each), skip, limit);
    }

    @Override
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return summaries(Filters.eq(PostSchema.LEGACY_SOURCE_PATH, source), skip, limit);
    }

    private List<PostSummary> summaries(Bson match, int skip, int limit) {
        List<Bson> pipeline = new ArrayList<>();
        if (match != null) {
            pipeline.add(new Document("$match", match));
        }
        pipeline.add(new Document("$sort", NEWEST_FIRST));
        if (skip > 0) {
            pipeline.add(new Document("$skip", skip));
        }
        pipeline.add(new Document("$limit", limit));
        // The excerpt is cut on the server, so the list never transfers whole posts. Twice the length, and
        // the exact cut here: mongo-java-server's $substrCP counts UTF-16 units, not code points.
        pipeline.add(new Document("$project", new Document(TITLE, 1)
                .append(DATE_POSTED, 1)
                .append("excerpt", new Document("$substrCP",
                        List.of(new Document("$ifNull", List.of("$" + CONTENT, "")), 0, 2 * EXCERPT_CHARS)))));
        return call("list posts", () -> {
            List<PostSummary> result = new ArrayList<>();
            for (Document d : posts.aggregate(pipeline)) {
                result.add(new PostSummary(idOf(d), stringOf(d, TITLE), instantOf(d, DATE_POSTED),
                        excerptOf(stringOf(d, "excerpt"))));
            }
            return result;
        });
    }

    @Override
    public long count() {
        return call("count posts", posts::countDocuments);
    }

    @Override
    public void exportJson(Consumer<String> sink) {
        call("export posts", () -> {
            for (Document d : posts.find().sort(NEWEST_FIRST).batchSize(CONTENT_BATCH_SIZE)) {
                sink.accept(d.toJson(RELAXED));
            }
            return null;
        });
    }

    @Override
    public Optional<String> findJsonById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document doc = call("load the post", () -> posts.find(Filters.eq(ID, new ObjectId(id))).first());
        return Optional.ofNullable(doc).map(d -> d.toJson(RELAXED));
    }

    /** Escapes every regex metacharacter so user text is matched literally on any MongoDB server. */
    static String literalRegex(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (REGEX_METACHARACTERS.indexOf(cp) >= 0) {
                sb.append('\\');
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
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

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw new StoreException("Could not " + what + ": " + reason(e), e);
        }
    }

    /** MongoDB's DataCorruptionDetected, and the embedded store's "stopped after a failed write". */
    private static final int DATA_CORRUPTION = 12;
    private static final int STORE_STOPPED = 9_500;

    /** A sentence for the user; driver messages can be long, so only the kind of failure is named. */
    public static String reason(MongoException e) {
        if (e instanceof com.mongodb.MongoTimeoutException) {
            return "the MongoDB server did not answer in time. Is it running and reachable?";
        }
        if (e instanceof com.mongodb.MongoSecurityException) {
            return "the MongoDB server refused the user name or password.";
        }
        if (e instanceof com.mongodb.MongoSocketException) {
            return "the connection to the MongoDB server failed (" + e.getClass().getSimpleName() + ").";
        }
        if (e.getCode() == DATA_CORRUPTION || e.getCode() == STORE_STOPPED) {
            // The embedded store's own sentence: what is damaged or full, and the way out.
            String message = e instanceof com.mongodb.MongoCommandException c ? c.getErrorMessage()
                    : e instanceof com.mongodb.MongoWriteException w ? w.getError().getMessage() : e.getMessage();
            return (e.getCode() == DATA_CORRUPTION && !message.contains("damaged")
                    ? "the store reports damaged data (" + message + "); restore a backup of it." : message);
        }
        return "the store reported an error (" + e.getClass().getSimpleName() + ", code " + e.getCode() + ").";
    }
}
