package dev.blogdesk.sync;

import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.PostSchema;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/** How sync names posts in its bookkeeping, and when two versions of a post count as the same. */
final class SyncIds {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private SyncIds() {
    }

    /** Two versions of a post are the same if everything but {@code updated_at} is. */
    static boolean sameContent(Document a, Document b) {
        return digest(a).equals(digest(b));
    }

    /** The digest of a document's BSON: every field but {@code updated_at}, in stored order. */
    static String digest(Document d) {
        return digest(toBson(d));
    }

    static String digest(byte[] bson) {
        return RawBson.digestWithout(bson, PostSchema.UPDATED_AT);
    }

    private static final org.bson.codecs.DocumentCodec CODEC = new org.bson.codecs.DocumentCodec();

    static byte[] toBson(Document d) {
        RawBsonDocument raw = new RawBsonDocument(d, CODEC);
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    /** A post's key in the sync bookkeeping: cheap for ObjectIds (nearly every post), exact for any _id. */
    static String key(Object bsonId) {
        return bsonId instanceof ObjectId oid ? "o:" + oid.toHexString() : "j:" + new Document(PostSchema.ID, bsonId).toJson(EXTENDED);
    }

    static Object idOf(String key) {
        return key.startsWith("o:") ? new ObjectId(key.substring(2)) : Document.parse(key.substring(2)).get(PostSchema.ID);
    }

    /** The id as the app shows it: the hex of an ObjectId, else the value. */
    static String idText(String key) {
        Object id = idOf(key);
        return id instanceof ObjectId oid ? oid.toHexString() : String.valueOf(id);
    }

    static String keyOfText(String id) {
        return key(ObjectId.isValid(id) ? new ObjectId(id) : id);
    }

    /** The id as the embedded server's own code holds it (the outbox's keys). */
    static Object rawId(Object bsonId) {
        return ChangeFeed.rawIdOf(bsonId);
    }

    static Object bsonId(Object rawId) {
        return ChangeFeed.bsonIdOf(rawId);
    }
}
