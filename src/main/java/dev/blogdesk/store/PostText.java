package dev.blogdesk.store;

/**
 * What the search index needs of one stored post, taken from the embedded server's own document by its adapter.
 *
 * @param rawId          the {@code _id} value as the server stores it
 * @param key            the id the repository hands out ({@link PostSummary#id()})
 * @param sortKey        breaks ties between equal dates the way the server sorts {@code _id} descending
 * @param title          the title as the list shows it
 * @param searchableTitle the title if it is a string ({@code $regex} only matches strings), else null
 * @param content        the content if it is a string, else null
 * @param datePosted     epoch milliseconds, or null when {@code date_posted} is missing or not a date
 * @param source         {@code legacy.source} of imported posts, else null
 * @param status         the collection it is in: drafts or the published posts
 * @param tags           the {@code tags} array's strings
 */
public record PostText(Object rawId, String key, String sortKey, String title, String searchableTitle,
                       String content, Long datePosted, String source, PostStatus status,
                       java.util.List<String> tags) {

    /** The characters of text this holds (what it costs to keep it queued). */
    public long textLength() {
        return title.length() + (content == null ? 0 : content.length());
    }

    /** The id the repository hands out for a stored {@code _id}. */
    public static String keyOf(Object rawId) {
        return ServerDocuments.keyOf(rawId);
    }
}
