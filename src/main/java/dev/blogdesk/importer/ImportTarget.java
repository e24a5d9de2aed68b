package dev.blogdesk.importer;

import com.mongodb.client.MongoDatabase;
import dev.blogdesk.store.EmbeddedMongo;

/**
 * Where an import writes, which decides how it writes: documents per write, and whether the unique
 * {@code legacy} key index is built first.
 */
public enum ImportTarget {
    /** The embedded store in this process: a write is a method call, so small batches keep progress smooth. */
    IN_PROCESS(ImportEngine.BATCH_SIZE, 2, false),
    /**
     * A BlogDesk store over the wire ({@code blogdesk serve}, or another BlogDesk's running instance): each
     * write is a round trip and a durable commit, so large batches; one at a time, since that server takes
     * one write per collection at once and two only wait for each other there (100,000 posts: 137 and 142 s
     * with one writer, 155 and 147 s with two); and no legacy index, which costs that server ~0.4 ms per
     * document (its unique indexes compare keys by serialising them) and no query there uses.
     */
    BLOGDESK_ENDPOINT(ImportEngine.SERVER_BATCH_SIZE, 1, false),
    /** A MongoDB server, replica set or cluster: large batches, two in flight, and the legacy index for the lookups. */
    MONGODB_SERVER(ImportEngine.SERVER_BATCH_SIZE, 2, true);

    final int batchSize;
    /** Batches written at once: while one waits for its reply, the other is being sent. */
    final int writers;
    final boolean legacyIndex;

    ImportTarget(int batchSize, int writers, boolean legacyIndex) {
        this.batchSize = batchSize;
        this.writers = writers;
        this.legacyIndex = legacyIndex;
    }

    /** A database reached by URI: asks it whether it is a BlogDesk store. */
    public static ImportTarget over(MongoDatabase database) {
        return EmbeddedMongo.serves(database) ? BLOGDESK_ENDPOINT : MONGODB_SERVER;
    }
}
