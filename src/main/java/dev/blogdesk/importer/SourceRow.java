package dev.blogdesk.importer;

import dev.blogdesk.store.PostStatus;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One post as read from the source, before it becomes a document. {@code rawBytes} holds the original
 * bytes of text fields that were not valid UTF-8, by field name. {@code status} says which collection it goes to.
 * {@code renderedHtml}: the page the old blog rendered from the content, when it keeps one (else null).
 */
record SourceRow(Object id, String title, String content, Instant date, String dateRaw, String author,
                 List<String> tags, List<Document> comments, Map<String, byte[]> rawBytes, List<ImportProblem> problems,
                 PostStatus status, String renderedHtml) {

    String idText() {
        return String.valueOf(id);
    }
}
