package dev.blogdesk.store;

import java.time.Instant;

/** What the post list holds: never the whole content, only a short excerpt. */
/**
 * @param thumbnail the filename of the post's first stored image (its list thumbnail), or null
 */
public record PostSummary(String id, String title, Instant datePosted, String excerpt, PostStatus status, String thumbnail) {

    public boolean isDraft() {
        return status == PostStatus.DRAFT;
    }
}
