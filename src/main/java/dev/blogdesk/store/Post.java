package dev.blogdesk.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A full post as the editor sees it. {@code version} 0 means the stored document has no
 * {@code version} field yet (for example one written by the Flask-PyMongo blog).
 */
public record Post(String id, String title, String content, Instant datePosted, Instant updatedAt, long version) {

    public Post {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }

    public boolean isNew() {
        return id == null;
    }

    public Post withText(String newTitle, String newContent) {
        return new Post(id, newTitle, newContent, datePosted, updatedAt, version);
    }
}
