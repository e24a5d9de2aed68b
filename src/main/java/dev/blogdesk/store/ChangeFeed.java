package dev.blogdesk.store;

import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every change to the posts on the embedded server, whoever made it (the app, the CLI, the Flask blog
 * through {@code serve}), numbered in the order the server applied it. Search and sync follow the
 * store through this; each keeps its own bookkeeping.
 *
 * <p>Two ways to follow: {@link #marks} are durable (every changed id is recorded inside the write,
 * committed with it, so a follower that was not running, or was killed, knows what to look at again);
 * {@link #subscribe} hears each change in this process right after the server applied it.
 */
public interface ChangeFeed {

    /** Hears each change on the writer's thread, inside the write: keep it short, never block long. */
    interface Listener {
        void upserted(long seq, Object rawId, WrittenPost post);

        void removed(long seq, Object rawId);

        /** A write announced under {@code seq} failed half-way: the post must be read again. */
        void failed(long seq, Object rawId);

        /** The whole collection is about to be dropped (inside the drop, before any post goes). */
        default void dropping(long seq) {
        }

        /** The whole collection was dropped. */
        void dropped(long seq);
    }

    /** A post as one write left it; each form is made only when asked for. */
    interface WrittenPost {
        PostText text();

        /** The document encoded as BSON, exactly as the server stores it. */
        byte[] bson();
    }

    void subscribe(Listener listener);

    void unsubscribe(Listener listener);

    /**
     * The durable set of changed post ids named {@code name}, created on first use. From then on every
     * process that opens this store records every write into it, whoever follows it there.
     */
    MarkSet marks(String name);

    /**
     * One shared {@code T} per feed, made by {@code factory} on first use: a follower's in-memory state
     * that every user of this store in the process must share.
     */
    <T> T shared(Class<T> type, Function<ChangeFeed, T> factory);

    /**
     * Closes {@code follower} when the store closes, before the server stops (last registered, first
     * closed), so it can still confirm what it followed into the store file.
     */
    void closeBeforeStore(AutoCloseable follower);

    /** The driver-side ids of posts in both collections now: moves cut short, for the store to settle. */
    java.util.List<Object> movesInFlight();

    /** The number of the last change the server applied. */
    long lastSeq();

    /** Names this store file: a follower built from another file (a restored backup) must start over. */
    String epoch();

    Optional<PostText> read(Object rawId);

    /** The post with the id the repository hands out ({@link PostText#key()}), if it exists. */
    Optional<PostText> readByKey(String key);

    /** Every stored post, from a consistent snapshot of the collection. */
    void forEachPost(Consumer<PostText> sink);

    /** The stored documents encoded as BSON, as the server would send them; missing ids are left out. */
    Map<Object, byte[]> readBson(Collection<Object> rawIds);

    /** A map of a follower's bookkeeping in the store file (names start with {@code blogdesk.}). */
    <K, V> MVMap<K, V> stateMap(String name);

    /** Makes the bookkeeping written through {@link #stateMap} durable now. */
    void commitState();

    /** The server's id for a driver-side {@code _id} (an {@code org.bson.types.ObjectId}, a string...). */
    static Object rawIdOf(Object bsonId) {
        return ServerDocuments.rawIdOf(bsonId);
    }

    /** The driver-side {@code _id} for one of the server's ids. */
    static Object bsonIdOf(Object rawId) {
        return ServerDocuments.bsonIdOf(rawId);
    }
}
