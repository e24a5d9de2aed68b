package dev.blogdesk.store;

import org.bson.Document;

/** A deleted post, whole, kept so the delete can be undone. */
public record DeletedPost(String id, String title, Document document) {
}
