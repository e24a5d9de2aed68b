package dev.blogdesk.store;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;

/**
 * The post document, compatible with the Flask-PyMongo blog: its field names, and how a document is
 * built and read. The repository, the importer and sync all go through here, so the shape is coded once.
 */
public final class PostSchema {

    /** The collection the Flask blog lists: published posts only. */
    public static final String COLLECTION = "posts";
    /** Drafts: the same document shape plus {@code status: "draft"}; the Flask blog never reads it. */
    public static final String DRAFTS = "drafts";
    /** "draft" or "published"; missing means published ({@link PostStatus#ofField}). */
    public static final String STATUS = "status";
    public static final String ID = "_id";
    public static final String TITLE = "title";
    public static final String CONTENT = "content";
    /** A BSON date (UTC), never a string. */
    public static final String DATE_POSTED = "date_posted";
    /** A BSON date, set on every save. */
    public static final String UPDATED_AT = "updated_at";
    /** int64, for optimistic concurrency: a save is conditional on {_id, version}. */
    public static final String VERSION = "version";
    public static final String AUTHOR = "author";
    /** An array of tag names. */
    public static final String TAGS = "tags";
    /** The post's address on the blog: ASCII, lower case, unique among posts. */
    public static final String SLUG = "slug";
    /** A short summary the writer gives (the list derives its own from the content). */
    public static final String EXCERPT = "excerpt";
    public static final String COMMENTS = "comments";
    /** Provenance of imported rows: {source, table, id, checksum, ...}. */
    public static final String LEGACY = "legacy";
    public static final String LEGACY_SOURCE = "source";
    public static final String LEGACY_TABLE = "table";
    public static final String LEGACY_ID = "id";
    public static final String LEGACY_CHECKSUM = "checksum";
    /** The dotted paths of the legacy fields, for filters, projections and indexes. */
    public static final String LEGACY_SOURCE_PATH = LEGACY + "." + LEGACY_SOURCE;
    public static final String LEGACY_TABLE_PATH = LEGACY + "." + LEGACY_TABLE;
    public static final String LEGACY_ID_PATH = LEGACY + "." + LEGACY_ID;
    public static final String LEGACY_CHECKSUM_PATH = LEGACY + "." + LEGACY_CHECKSUM;

    private PostSchema() {
    }

    /**
     * A new post document: {@code _id}, title, content, {@code date_posted} when known, {@code updated_at}
     * and the first version. Callers append the optional fields (author, tags, comments, legacy).
     */
    public static Document newDocument(Object id, String title, String content, Instant datePosted, Instant updatedAt) {
        Document doc = new Document(ID, id).append(TITLE, title).append(CONTENT, content);
        if (datePosted != null) {
            doc.append(DATE_POSTED, Date.from(datePosted));
        }
        return doc.append(UPDATED_AT, Date.from(updatedAt)).append(VERSION, 1L);
    }

    /**
     * The post as the editor sees it, read from the collection of {@code status}; a document the Flask
     * blog wrote (no version) is version 0.
     */
    public static Post read(Document d, PostStatus status) {
        Number version = d.get(VERSION) instanceof Number n ? n : 0L;
        return new Post(idOf(d), stringOf(d, TITLE), stringOf(d, CONTENT), instantOf(d, DATE_POSTED),
                instantOf(d, UPDATED_AT), version.longValue(), status, detailsOf(d),
                // Imported and untouched since: the import wrote version 1 with the time of the import.
                legacySource(d) != null && version.longValue() == 1 ? instantOf(d, UPDATED_AT) : null);
    }

    /** Tags, slug, excerpt and author; a value of another type (an imported author document) is text. */
    public static PostDetails detailsOf(Document d) {
        return new PostDetails(tagsOf(d), stringOf(d, SLUG), stringOf(d, EXCERPT), stringOf(d, AUTHOR));
    }

    /** The {@code tags} array's strings (a single string counts as one tag). */
    public static java.util.List<String> tagsOf(Document d) {
        return tagNames(d.get(TAGS));
    }

    /** The strings of a {@code tags} value as any client stored it: an array (other elements skipped) or one string. */
    static java.util.List<String> tagNames(Object tags) {
        if (tags instanceof String one) {
            return java.util.List.of(one);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        if (tags instanceof java.util.Collection<?> list) {
            for (Object tag : list) {
                if (tag instanceof String s) {
                    names.add(s);
                }
            }
        }
        return names;
    }

    /**
     * The {@code $set} and {@code $unset} that store {@code details}: set fields are written, empty
     * ones removed, so a post never gains empty fields it did not have.
     */
    public static void putDetails(Document set, Document unset, PostDetails details) {
        putDetails(set, unset, details, null);
    }

    /**
     * As {@link #putDetails(Document, Document, PostDetails)}, but only the fields that differ from
     * {@code stored} (the details as read from the stored document): a field the user did not change
     * is left exactly as it is, also when another program stored it in a shape of its own (an author
     * document, a tags array with numbers in it).
     */
    public static void putDetails(Document set, Document unset, PostDetails details, PostDetails stored) {
        if (stored == null || !details.tags().equals(stored.tags())) {
            putOrUnset(set, unset, TAGS, details.tags().isEmpty() ? null : details.tags());
        }
        if (stored == null || !details.slug().equals(stored.slug())) {
            putOrUnset(set, unset, SLUG, details.slug());
        }
        if (stored == null || !details.excerpt().equals(stored.excerpt())) {
            putOrUnset(set, unset, EXCERPT, details.excerpt());
        }
        if (stored == null || !details.author().equals(stored.author())) {
            putOrUnset(set, unset, AUTHOR, details.author());
        }
    }

    private static void putOrUnset(Document set, Document unset, String field, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            unset.append(field, "");
        } else {
            set.append(field, value);
        }
    }

    /** The post a document describes, wherever it came from: its {@code status} field decides. */
    public static Post read(Document d) {
        return read(d, PostStatus.ofField(d.get(STATUS)));
    }

    /** The id as the app shows it: the hex of an ObjectId, else the value. */
    public static String idOf(Document d) {
        Object id = d.get(ID);
        return id instanceof ObjectId oid ? oid.toHexString() : String.valueOf(id);
    }

    /** A field as text: missing is empty, anything else its string form. */
    public static String stringOf(Document d, String field) {
        Object v = d.get(field);
        return v == null ? "" : v.toString();
    }

    /** A BSON date field, or null when it is missing or not a date. */
    public static Instant instantOf(Document d, String field) {
        return d.get(field) instanceof Date date ? date.toInstant() : null;
    }

    /** The legacy source an imported document came from, or null. */
    public static String legacySource(Document d) {
        return d.get(LEGACY) instanceof Document legacy && legacy.get(LEGACY_SOURCE) instanceof String s ? s : null;
    }
}
