package dev.blogdesk.store;

/**
 * Where a post lives. A draft is in {@code blogdb.drafts}, which the Flask-PyMongo blog never reads; a
 * published post is in {@code blogdb.posts}. The collection decides, so a document without a
 * {@code status} field (everything the Flask blog writes) is published when it is in {@code posts}.
 */
public enum PostStatus {
    DRAFT("draft", PostSchema.DRAFTS),
    PUBLISHED("published", PostSchema.COLLECTION);

    private final String value;
    private final String collection;

    PostStatus(String value, String collection) {
        this.value = value;
        this.collection = collection;
    }

    /** The value of the document's {@code status} field. */
    public String value() {
        return value;
    }

    /** The collection that holds posts with this status. */
    public String collection() {
        return collection;
    }

    public PostStatus other() {
        return this == DRAFT ? PUBLISHED : DRAFT;
    }

    /** The status a {@code status} field names: "draft" is a draft, anything else (or nothing) published. */
    public static PostStatus ofField(Object value) {
        return DRAFT.value.equals(value) ? DRAFT : PUBLISHED;
    }

    /** "draft" or "published", as typed on the command line; null for anything else. */
    public static PostStatus parse(String text) {
        for (PostStatus s : values()) {
            if (s.value.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        return null;
    }
}
