package dev.blogdesk.store;

import java.time.Instant;

/** A revision rebuilt whole: the post as it was saved then. */
public record RevisionText(Revision revision, String title, String content, PostStatus status, PostDetails details,
                           Instant datePosted) {
}
