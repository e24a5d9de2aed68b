package dev.blogdesk.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every saved version of every post, in {@code blogdb.post_revisions}: {@code {post_id, saved_at,
 * version, source, title, status, date_posted, tags, slug, excerpt, author}} plus the text, either whole
 * ({@code content}) or as a {@link TextDelta} against the revision before it ({@code base}, {@code delta}).
 * A chain of deltas ends in a whole copy at most {@value #MAX_DEPTH} steps back, so rebuilding stays
 * cheap. Revisions are only ever added: nothing here deletes one.
 *
 * <p>The post document names its newest revision ({@code revision}), with a hash of the text it holds.
 * A post changed by something else since (the import, the Flask blog, a sync) gets a revision of that
 * state first, at its next save, so that state is in the history too.
 */
public final class PostRevisions {

    public static final String COLLECTION = "post_revisions";
    /** In the post document: the id of the revision that holds its current text. */
    public static final String POINTER = "revision";
    public static final String POST_ID = "post_id";
    public static final String SAVED_AT = "saved_at";
    public static final String SOURCE = "source";
    public static final String ORIGIN = "origin";
    static final String BASE = "base";
    static final String DELTA = "delta";
    static final String DEPTH = "depth";
    static final String SHA = "content_sha";
    static final String WORDS_ADDED = "words_added";
    static final String WORDS_REMOVED = "words_removed";
    static final int MAX_DEPTH = 32;

    private final MongoCollection<Document> revisions;

    public PostRevisions(MongoDatabase database) {
        this.revisions = database.getCollection(COLLECTION);
    }

    /**
     * Records {@code saved}, just written with {@code POINTER: id}. {@code before} is the stored document
     * it replaced (null for a new post): the delta is taken against it.
     */
    void record(ObjectId id, Post saved, RevisionSource source, Document before) {
        Document doc = header(id, new ObjectId(saved.id()), saved.version(), Instant.now(), source, saved.title(),
                saved.status(), saved.details(), saved.datePosted());
        String content = saved.content();
        Document base = before == null ? null : baseFor(before);
        if (base == null) {
            whole(doc, content, TextDelta.words(content), 0);
        } else {
            String previous = stringOr(before.get(PostSchema.CONTENT));
            TextDelta delta = TextDelta.between(previous, content);
            int depth = base.getInteger(DEPTH, 0) + 1;
            if (depth <= MAX_DEPTH && delta.size() <= content.length() / 2 + 64) {
                doc.append(BASE, base.get(PostSchema.ID)).append(DELTA, delta.toDocuments()).append(DEPTH, depth)
                        .append(SHA, sha(content));
                doc.append(WORDS_ADDED, delta.wordsAdded()).append(WORDS_REMOVED, delta.wordsRemoved());
            } else {
                whole(doc, content, delta.wordsAdded(), delta.wordsRemoved());
            }
        }
        StoreErrors.call("keep the revision", () -> revisions.insertOne(doc).wasAcknowledged());
    }

    /**
     * Records the stored post {@code postDoc} as it stands (the import changed it) and returns the new
     * revision's id, for the document's {@link #POINTER}. A state before it that no revision holds yet
     * is recorded first from {@code before} (null: none).
     */
    public ObjectId recordStored(Document before, Document postDoc, RevisionSource source) {
        if (before != null) {
            baseFor(before);
        }
        return snapshot(postDoc, source).getObjectId(PostSchema.ID);
    }

    /** An earlier version of a post kept by the blog it was imported from (a WordPress or Ghost revision). */
    public record Earlier(Instant savedAt, String title, String content, String origin) {
    }

    /**
     * Adds a post's history from the blog it came from, oldest first: a whole copy, then each version as a
     * delta against the one before, {@code source: "import"} with the old blog's {@code origin}. Its
     * version is 0: these are older than anything BlogDesk stored.
     */
    public void addImported(Object postId, PostStatus status, List<Earlier> earlier) {
        Document previous = null;
        String previousText = null;
        List<Document> docs = new ArrayList<>();
        for (Earlier e : earlier) {
            Document doc = header(new ObjectId(), postId, 0L, e.savedAt(), RevisionSource.IMPORT, e.title(), status,
                    PostDetails.NONE, null).append(ORIGIN, e.origin());
            TextDelta delta = previous == null ? null : TextDelta.between(previousText, e.content());
            int depth = previous == null ? 0 : previous.getInteger(DEPTH, 0) + 1;
            if (delta != null && depth <= MAX_DEPTH && delta.size() <= e.content().length() / 2 + 64) {
                doc.append(BASE, previous.get(PostSchema.ID)).append(DELTA, delta.toDocuments()).append(DEPTH, depth)
                        .append(SHA, sha(e.content())).append(WORDS_ADDED, delta.wordsAdded()).append(WORDS_REMOVED, delta.wordsRemoved());
            } else {
                whole(doc, e.content(), delta == null ? TextDelta.words(e.content()) : delta.wordsAdded(),
                        delta == null ? 0 : delta.wordsRemoved());
            }
            docs.add(doc);
            previous = doc;
            previousText = e.content();
        }
        if (!docs.isEmpty()) {
            StoreErrors.call("keep the imported history", () -> revisions.insertMany(docs).wasAcknowledged());
        }
    }

    /** The revision {@code postDoc} points at, if it holds that text; otherwise a new whole copy of it. */
    private Document baseFor(Document postDoc) {
        String content = stringOr(postDoc.get(PostSchema.CONTENT));
        if (postDoc.get(POINTER) instanceof ObjectId pointer) {
            Document r = StoreErrors.call("read the history", () -> revisions.find(new Document(PostSchema.ID, pointer))
                    .projection(Projections.include(PostSchema.ID, DEPTH, SHA)).first());
            if (r != null && sha(content).equals(r.getString(SHA))) {
                return r;
            }
        }
        boolean imported = postDoc.get(PostSchema.LEGACY) != null && postDoc.get(PostSchema.VERSION) instanceof Number v
                && v.longValue() <= 1;
        return snapshot(postDoc, imported ? RevisionSource.IMPORT : RevisionSource.SYNC);
    }

    private Document snapshot(Document postDoc, RevisionSource source) {
        Instant when = PostSchema.instantOf(postDoc, PostSchema.UPDATED_AT);
        long version = postDoc.get(PostSchema.VERSION) instanceof Number v ? v.longValue() : 0L;
        Post post = PostSchema.read(postDoc, PostStatus.ofField(postDoc.get(PostSchema.STATUS)));
        String content = post.content();
        Document doc = header(new ObjectId(), postDoc.get(PostSchema.ID), version, when != null ? when : Instant.now(), source,
                post.title(), post.status(), post.details(), post.datePosted());
        whole(doc, content, TextDelta.words(content), 0);
        StoreErrors.call("keep the revision", () -> revisions.insertOne(doc).wasAcknowledged());
        return doc;
    }

    private static Document header(ObjectId id, Object postId, long version, Instant savedAt, RevisionSource source,
                                   String title, PostStatus status, PostDetails details, Instant datePosted) {
        Document doc = new Document(PostSchema.ID, id).append(POST_ID, postId).append(SAVED_AT, Date.from(savedAt))
                .append(PostSchema.VERSION, version).append(SOURCE, source.value()).append(PostSchema.TITLE, title)
                .append(PostSchema.STATUS, status.value());
        if (datePosted != null) {
            doc.append(PostSchema.DATE_POSTED, Date.from(datePosted));
        }
        PostSchema.putDetails(doc, new Document(), details);
        return doc;
    }

    private static void whole(Document doc, String content, int added, int removed) {
        doc.append(PostSchema.CONTENT, content).append(DEPTH, 0).append(SHA, sha(content))
                .append(WORDS_ADDED, added).append(WORDS_REMOVED, removed);
    }

    /** The post's revisions, newest first, without their text. */
    public List<Revision> list(String postId) {
        if (!ObjectId.isValid(postId)) {
            return List.of();
        }
        return StoreErrors.call("read the history", () -> {
            List<Revision> out = new ArrayList<>();
            for (Document d : revisions.find(Filters.eq(POST_ID, new ObjectId(postId)))
                    .projection(Projections.exclude(PostSchema.CONTENT, DELTA)).sort(Sorts.descending(SAVED_AT))) {
                out.add(revisionOf(d));
            }
            return out;
        });
    }

    /**
     * The revision rebuilt whole, or empty if there is none with that id. Throws {@link StoreException}
     * when a revision it builds on is not here (yet: a sync brings them in order).
     */
    public Optional<RevisionText> read(String revisionId) {
        if (!ObjectId.isValid(revisionId)) {
            return Optional.empty();
        }
        return StoreErrors.call("read the history", () -> {
            Document top = revisions.find(new Document(PostSchema.ID, new ObjectId(revisionId))).first();
            if (top == null) {
                return Optional.empty();
            }
            Deque<Document> chain = new ArrayDeque<>();
            Document at = top;
            while (!at.containsKey(PostSchema.CONTENT)) {
                chain.push(at);
                Object base = at.get(BASE);
                at = chain.size() > MAX_DEPTH + 1 ? null : revisions.find(new Document(PostSchema.ID, base)).first();
                if (at == null) {
                    throw new StoreException("This revision cannot be shown yet: an earlier one it builds on is not in this "
                            + "store; it arrives with the next sync.");
                }
            }
            String text = stringOr(at.get(PostSchema.CONTENT));
            for (Document d : chain) {
                text = TextDelta.of(d.getList(DELTA, Document.class)).applyTo(text);
            }
            if (!sha(text).equals(top.getString(SHA))) {
                throw new StoreException("This revision is damaged: its text does not rebuild to what was saved.");
            }
            Post post = PostSchema.read(new Document(top).append(PostSchema.CONTENT, text), PostStatus.ofField(top.get(PostSchema.STATUS)));
            return Optional.of(new RevisionText(revisionOf(top), post.title(), text, post.status(), post.details(),
                    post.datePosted()));
        });
    }

    /** The ids of every revision here, oldest first (for sync: a delta never arrives before its base). */
    public List<ObjectId> ids() {
        return StoreErrors.call("read the history", () -> {
            List<ObjectId> ids = new ArrayList<>();
            for (Document d : revisions.find().projection(Projections.include(PostSchema.ID))) {
                if (d.get(PostSchema.ID) instanceof ObjectId id) {
                    ids.add(id);
                }
            }
            ids.sort(null);
            return ids;
        });
    }

    /** The stored document of one revision, as it is (for sync). */
    public Optional<Document> raw(ObjectId id) {
        return StoreErrors.call("read the history", () -> Optional.ofNullable(revisions.find(new Document(PostSchema.ID, id)).first()));
    }

    /** Adds a revision written elsewhere; one already here is left as it is (revisions never change). */
    public void add(Document revision) {
        StoreErrors.call("keep the revision", () -> {
            try {
                revisions.insertOne(revision);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** How many revisions the post has. */
    public long count(String postId) {
        return StoreErrors.call("read the history", () -> revisions.countDocuments(Filters.eq(POST_ID, new ObjectId(postId))));
    }

    private static Revision revisionOf(Document d) {
        Instant saved = PostSchema.instantOf(d, SAVED_AT);
        long version = d.get(PostSchema.VERSION) instanceof Number v ? v.longValue() : 0L;
        return new Revision(d.get(PostSchema.ID).toString(), String.valueOf(d.get(POST_ID)), version, saved,
                RevisionSource.of(d.getString(SOURCE)), d.getString(ORIGIN), stringOr(d.get(PostSchema.TITLE)),
                d.getInteger(WORDS_ADDED, 0), d.getInteger(WORDS_REMOVED, 0));
    }

    private static String stringOr(Object value) {
        return value instanceof String s ? s : "";
    }

    static String sha(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
