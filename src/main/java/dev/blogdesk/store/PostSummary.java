package dev.blogdesk.store;

import java.time.Instant;

/** What the post list holds: never the whole content, only a short excerpt. */
public record PostSummary(String id, String title, Instant datePosted, String excerpt, PostStatus status) {

    public boolean isDraft() {
        return status == PostStatus.DRAFT;
    }
}
