package dev.blogdesk.store;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The other half of the server adapter ({@link DurableH2Backend}): mongo-java-server's stored documents
 * and ids, read straight from the MVStore and turned into plain values ({@link PostText}, BSON bytes,
 * opaque raw ids) for the change feed, the backups and the commit record.
 */
final class ServerDocuments {

    /** The map H2Database keeps the posts collection's documents in, by _id. */
    private static final String DATA_MAP = "databases." + DurableH2Backend.NAMESPACE;

    private ServerDocuments() {
    }

    /** How many posts a backup's snapshot of the maps holds. */
    static long postCount(Map<String, ? extends MVMap<?, ?>> maps) {
        MVMap<?, ?> data = maps.get(DATA_MAP);
        return data == null ? 0 : data.sizeAsLong();
    }

    /** How many posts {@code store} holds (read-only stores too). */
    static long postCount(MVStore store) {
        MVMap<Object, Document> data = dataMap(store);
        return data == null ? 0 : data.sizeAsLong();
    }

    /** The id the repository hands out for a stored {@code _id}: an ObjectId's hex, else the value. */
    static String keyOf(Object rawId) {
        return rawId instanceof de.bwaldvogel.mongo.bson.ObjectId oid ? oid.getHexData() : String.valueOf(rawId);
    }

    /** MongoDB sorts numbers before strings before ObjectIds; hex ObjectIds sort like their bytes. */
    static String sortKeyOf(Object rawId) {
        if (rawId instanceof de.bwaldvogel.mongo.bson.ObjectId oid) {
            return "3" + oid.getHexData();
        }
        return (rawId instanceof String ? "2" : "1") + rawId;
    }

    /** The server's own id for a driver-side {@code _id} value (an {@code org.bson} ObjectId, a string...). */
    static Object rawIdOf(Object bsonId) {
        return bsonId instanceof org.bson.types.ObjectId oid ? new de.bwaldvogel.mongo.bson.ObjectId(oid.toHexString()) : bsonId;
    }

    /** The driver-side {@code _id} value for one of the server's ids. */
    static Object bsonIdOf(Object rawId) {
        return rawId instanceof de.bwaldvogel.mongo.bson.ObjectId oid ? new org.bson.types.ObjectId(oid.getHexData()) : rawId;
    }

    /** The server's id for a key from {@link #keyOf}: ObjectId hex first, if such a post exists. */
    static Optional<PostText> readByKey(MVStore store, String key) {
        if (org.bson.types.ObjectId.isValid(key)) {
            Optional<PostText> byObjectId = read(store, new de.bwaldvogel.mongo.bson.ObjectId(key));
            if (byObjectId.isPresent()) {
                return byObjectId;
            }
        }
        return read(store, key);
    }

    static Optional<PostText> read(MVStore store, Object rawId) {
        MVMap<Object, Document> data = dataMap(store);
        Document doc = data == null ? null : data.get(rawId);
        return Optional.ofNullable(doc).map(d -> textOf(rawId, d));
    }

    /** Every stored post, from a consistent snapshot of the collection. */
    static void forEachPost(MVStore store, Consumer<PostText> sink) {
        MVMap<Object, Document> data = dataMap(store);
        if (data == null) {
            return;
        }
        for (Map.Entry<Object, Document> e : data.entrySet()) {
            sink.accept(textOf(e.getKey(), e.getValue()));
        }
    }

    /** The stored documents as the server would send them, by id; missing ones are left out. */
    static Map<Object, byte[]> readBson(MVStore store, Collection<Object> rawIds) {
        Map<Object, byte[]> found = new HashMap<>();
        MVMap<Object, Document> data = dataMap(store);
        if (data == null || rawIds.isEmpty()) {
            return found;
        }
        ByteBuf buffer = Unpooled.buffer(16 * 1024);
        try {
            for (Object rawId : rawIds) {
                Document doc = data.get(rawId);
                if (doc != null) {
                    buffer.clear();
                    found.put(rawId, encode(doc, buffer));
                }
            }
            return found;
        } finally {
            buffer.release();
        }
    }

    private static MVMap<Object, Document> dataMap(MVStore store) {
        return store.hasMap(DATA_MAP) ? store.openMap(DATA_MAP) : null;
    }

    private static byte[] encode(Document doc, ByteBuf buffer) {
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(doc, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static PostText textOf(Object rawId, Document doc) {
        Object title = doc.get(PostSchema.TITLE);
        Object content = doc.get(PostSchema.CONTENT);
        Object legacy = doc.get(PostSchema.LEGACY);
        Object source = legacy instanceof Document l ? l.get(PostSchema.LEGACY_SOURCE) : null;
        return new PostText(rawId, keyOf(rawId), sortKeyOf(rawId), title == null ? "" : title.toString(),
                title instanceof String s ? s : null, content instanceof String s ? s : null,
                millisOf(doc.get(PostSchema.DATE_POSTED)), source instanceof String s ? s : null);
    }

    private static Long millisOf(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value instanceof Date date ? date.getTime() : null;
    }

    /** A document as one write left it, converted only when a follower asks. */
    static ChangeFeed.WrittenPost written(Object rawId, Document doc) {
        return new Written(rawId, doc);
    }

    private record Written(Object rawId, Document doc) implements ChangeFeed.WrittenPost {
        @Override
        public PostText text() {
            return textOf(rawId, doc);
        }

        @Override
        public byte[] bson() {
            ByteBuf buffer = Unpooled.buffer(4096);
            try {
                return encode(doc, buffer);
            } finally {
                buffer.release();
            }
        }
    }
}
