package dev.blogdesk.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A full post as the editor sees it. {@code importedAt} is when the import wrote it, for a post nothing
 * has changed since (null otherwise). {@code version} 0 means the stored document has no
 * {@code version} field yet (for example one written by the Flask-PyMongo blog).
 */
public record Post(String id, String title, String content, Instant datePosted, Instant updatedAt, long version,
                   PostStatus status, PostDetails details, Instant importedAt) {

    public Post {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        details = details == null ? PostDetails.NONE : details;
    }

    /** A post that is not stored yet: a draft until it is published. */
    public static Post unsaved(String title, String content) {
        return new Post(null, title, content, null, null, 0, PostStatus.DRAFT, PostDetails.NONE, null);
    }

    /** The same post with other details and date ({@code datePosted} null: keep the stored one). */
    public Post withDetails(PostDetails newDetails, Instant newDate) {
        return new Post(id, title, content, newDate != null ? newDate : datePosted, updatedAt, version, status, newDetails,
                importedAt);
    }

    /** The same post, saved against {@code baseVersion} (a recovered draft's base). */
    public Post withVersion(long baseVersion) {
        return new Post(id, title, content, datePosted, updatedAt, baseVersion, status, details, importedAt);
    }

    public boolean isDraft() {
        return status == PostStatus.DRAFT;
    }

    public boolean isNew() {
        return id == null;
    }

    public Post withText(String newTitle, String newContent) {
        return new Post(id, newTitle, newContent, datePosted, updatedAt, version, status, details, importedAt);
    }
}
