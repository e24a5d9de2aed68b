package dev.blogdesk.store;

import java.time.Instant;

/**
 * One entry of a post's history, without its text ({@link PostRevisions#read} rebuilds that).
 * {@code origin} says where an imported revision came from (for example a WordPress revision row);
 * null for BlogDesk's own.
 */
public record Revision(String id, String postId, long version, Instant savedAt, RevisionSource source, String origin,
                       String title, int wordsAdded, int wordsRemoved) {
}
