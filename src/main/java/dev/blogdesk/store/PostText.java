package dev.blogdesk.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.Date;

/**
 * What the search index needs of one stored post, taken from the embedded server's own document.
 *
 * @param rawId          the {@code _id} value as the server stores it
 * @param key            the id the repository hands out ({@link PostSummary#id()})
 * @param sortKey        breaks ties between equal dates the way the server sorts {@code _id} descending
 * @param title          the title as the list shows it
 * @param searchableTitle the title if it is a string ({@code $regex} only matches strings), else null
 * @param content        the content if it is a string, else null
 * @param datePosted     epoch milliseconds, or null when {@code date_posted} is missing or not a date
 * @param source         {@code legacy.source} of imported posts, else null
 */
public record PostText(Object rawId, String key, String sortKey, String title, String searchableTitle,
                       String content, Long datePosted, String source) {

    /** The characters of text this holds (what it costs to keep it queued). */
    public long textLength() {
        return title.length() + (content == null ? 0 : content.length());
    }

    static PostText of(Object rawId, Document doc) {
        Object title = doc.get("title");
        Object content = doc.get("content");
        Object legacy = doc.get("legacy");
        Object source = legacy instanceof Document l ? l.get("source") : null;
        return new PostText(rawId, keyOf(rawId), sortKeyOf(rawId), title == null ? "" : title.toString(),
                title instanceof String s ? s : null, content instanceof String s ? s : null,
                millisOf(doc.get("date_posted")), source instanceof String s ? s : null);
    }

    /** The id the repository hands out for a stored {@code _id}. */
    public static String keyOf(Object rawId) {
        return rawId instanceof ObjectId oid ? oid.getHexData() : String.valueOf(rawId);
    }

    /** MongoDB sorts numbers before strings before ObjectIds; hex ObjectIds sort like their bytes. */
    static String sortKeyOf(Object rawId) {
        if (rawId instanceof ObjectId oid) {
            return "3" + oid.getHexData();
        }
        return (rawId instanceof String ? "2" : "1") + rawId;
    }

    private static Long millisOf(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value instanceof Date date ? date.getTime() : null;
    }
}
