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

    /** The maps H2Database keeps the collections' documents in, by _id. */
    private static final String POSTS_MAP = dataMapName(PostStatus.PUBLISHED);
    private static final String DRAFTS_MAP = dataMapName(PostStatus.DRAFT);

    private ServerDocuments() {
    }

    /** How many posts a backup's snapshot of the maps holds. */
    static long postCount(Map<String, ? extends MVMap<?, ?>> maps) {
        long count = 0;
        for (String name : new String[] {POSTS_MAP, DRAFTS_MAP}) {
            MVMap<?, ?> data = maps.get(name);
            count += data == null ? 0 : data.sizeAsLong();
        }
        return count;
    }

    /** How many posts, drafts included, {@code store} holds (read-only stores too). */
    static long postCount(MVStore store) {
        long count = 0;
        for (PostStatus status : PostStatus.values()) {
            MVMap<Object, Document> data = dataMap(store, status);
            count += data == null ? 0 : data.sizeAsLong();
        }
        return count;
    }

    static String namespace(PostStatus status) {
        return StoreConnection.DEFAULT_DATABASE + "." + status.collection();
    }

    private static String dataMapName(PostStatus status) {
        return "databases." + namespace(status);
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

    /** The post with {@code rawId}: its published copy if there is one (a move cut short leaves two). */
    static Optional<PostText> read(MVStore store, Object rawId) {
        return Optional.ofNullable(find(store, rawId)).map(Located::text);
    }

    /** A stored document and the collection it is in. */
    record Located(Object rawId, Document doc, PostStatus status) implements ChangeFeed.WrittenPost {
        @Override
        public PostText text() {
            return textOf(rawId, doc, status);
        }

        @Override
        public byte[] bson() {
            ByteBuf buffer = Unpooled.buffer(4096);
            try {
                return encode(this, buffer);
            } finally {
                buffer.release();
            }
        }
    }

    static Located find(MVStore store, Object rawId) {
        for (PostStatus status : new PostStatus[] {PostStatus.PUBLISHED, PostStatus.DRAFT}) {
            MVMap<Object, Document> data = dataMap(store, status);
            Document doc = data == null ? null : data.get(rawId);
            if (doc != null) {
                return new Located(rawId, doc, status);
            }
        }
        return null;
    }

    /** Every stored post, from a consistent snapshot of the collection. */
    static void forEachPost(MVStore store, Consumer<PostText> sink) {
        MVMap<Object, Document> posts = dataMap(store, PostStatus.PUBLISHED);
        MVMap<Object, Document> drafts = dataMap(store, PostStatus.DRAFT);
        if (posts != null) {
            for (Map.Entry<Object, Document> e : posts.entrySet()) {
                sink.accept(textOf(e.getKey(), e.getValue(), PostStatus.PUBLISHED));
            }
        }
        if (drafts != null) {
            for (Map.Entry<Object, Document> e : drafts.entrySet()) {
                if (posts == null || !posts.containsKey(e.getKey())) {
                    sink.accept(textOf(e.getKey(), e.getValue(), PostStatus.DRAFT));
                }
            }
        }
    }

    /** The stored documents as the server would send them, by id; missing ones are left out. */
    static Map<Object, byte[]> readBson(MVStore store, Collection<Object> rawIds) {
        Map<Object, byte[]> found = new HashMap<>();
        if (rawIds.isEmpty()) {
            return found;
        }
        ByteBuf buffer = Unpooled.buffer(16 * 1024);
        try {
            for (Object rawId : rawIds) {
                Located post = find(store, rawId);
                if (post != null) {
                    buffer.clear();
                    found.put(rawId, encode(post, buffer));
                }
            }
            return found;
        } finally {
            buffer.release();
        }
    }

    static MVMap<Object, Document> dataMap(MVStore store, PostStatus status) {
        String name = dataMapName(status);
        return store.hasMap(name) ? store.openMap(name) : null;
    }

    /**
     * The BSON a follower (sync) sends: a draft always says {@code status: "draft"}, also one written
     * without it, so no copy of it can ever be taken for a published post.
     */
    private static byte[] encode(Located post, ByteBuf buffer) {
        Document doc = post.doc();
        if (post.status() == PostStatus.DRAFT && !PostStatus.DRAFT.value().equals(doc.get(PostSchema.STATUS))) {
            doc = new Document(doc);
            doc.put(PostSchema.STATUS, PostStatus.DRAFT.value());
        }
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(doc, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static PostText textOf(Object rawId, Document doc, PostStatus status) {
        Object title = doc.get(PostSchema.TITLE);
        Object content = doc.get(PostSchema.CONTENT);
        Object legacy = doc.get(PostSchema.LEGACY);
        Object source = legacy instanceof Document l ? l.get(PostSchema.LEGACY_SOURCE) : null;
        return new PostText(rawId, keyOf(rawId), sortKeyOf(rawId), title == null ? "" : title.toString(),
                title instanceof String s ? s : null, content instanceof String s ? s : null,
                millisOf(doc.get(PostSchema.DATE_POSTED)), source instanceof String s ? s : null, status,
                PostSchema.tagNames(doc.get(PostSchema.TAGS)));
    }


    private static Long millisOf(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value instanceof Date date ? date.getTime() : null;
    }

    /** A document as one write left it in the collection of {@code status}, converted only when asked. */
    static Located written(Object rawId, Document doc, PostStatus status) {
        return new Located(rawId, doc, status);
    }
}
