package dev.blogdesk.sync;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The byte-level edits a push makes to a post's BSON, checked against the driver's own decoding. */
class RawBsonTest {

    private static byte[] bson(Document d) {
        RawBsonDocument raw = new RawBsonDocument(d, new DocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    private static BsonDocument decode(byte[] bytes) {
        return new RawBsonDocument(bytes).toBsonDocument();
    }

    @Test
    void projectCopiesTheFieldsInTheGivenOrderAndNullsWhatIsMissing() {
        ObjectId id = new ObjectId();
        Document post = new Document("title", "Ünïcode ✓ 𐐀").append("_id", id).append("version", 3L)
                .append("date_posted", new Date(0));
        BsonDocument filter = decode(RawBson.project(bson(post), "_id", "title", "content"));

        assertEquals(List.of("_id", "title", "content"), List.copyOf(filter.keySet()));
        assertEquals(id, filter.getObjectId("_id").getValue());
        assertEquals("Ünïcode ✓ 𐐀", filter.getString("title").getValue());
        assertEquals(BsonNull.VALUE, filter.get("content"));
    }

    @Test
    void withDateReplacesTheFieldAndKeepsTheRest() {
        Document post = new Document("_id", 7).append("updated_at", new Date(1)).append("content", "x");
        BsonDocument stamped = decode(RawBson.withDate(bson(post), "updated_at", 1234L));

        assertEquals(List.of("_id", "content", "updated_at"), List.copyOf(stamped.keySet()));
        assertEquals(1234L, stamped.getDateTime("updated_at").getValue());
        assertEquals("x", stamped.getString("content").getValue());
    }

    @Test
    void digestIgnoresOnlyTheSkippedField() {
        Document a = new Document("_id", 1).append("content", "same").append("updated_at", new Date(1));
        Document b = new Document("_id", 1).append("content", "same").append("updated_at", new Date(2));
        Document c = new Document("_id", 1).append("content", "other").append("updated_at", new Date(1));

        assertEquals(RawBson.digestWithout(bson(a), "updated_at"), RawBson.digestWithout(bson(b), "updated_at"));
        assertNotEquals(RawBson.digestWithout(bson(a), "updated_at"), RawBson.digestWithout(bson(c), "updated_at"));
    }
}
