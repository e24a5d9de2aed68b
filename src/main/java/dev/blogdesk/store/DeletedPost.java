package dev.blogdesk.store;

import org.bson.Document;

/** A deleted post, whole, with the collection it was in, kept so the delete can be undone. */
public record DeletedPost(String id, String title, Document document, PostStatus status) {
}
