package dev.blogdesk.sync;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.StoreConnection;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sync push reads from the outbox must always be what the store holds now. */
class OutboxTest {

    @TempDir
    Path dataDir;

    @Test
    void bsonReadForAPushIsTheStoredPostAfterEveryKindOfWrite() {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            ChangeFeed feed = store.embedded().orElseThrow().changeFeed();
            Outbox.markWrites(feed);
            MongoCollection<Document> posts = store.database().getCollection("posts");
            ObjectId kept = new ObjectId();
            ObjectId gone = new ObjectId();
            // Written before anything is remembered: read from the store.
            posts.insertOne(new Document("_id", kept).append("title", "First").append("content", "one"));
            Outbox log = Outbox.of(feed);
            assertAgrees(log, posts, kept);

            posts.insertOne(new Document("_id", gone).append("title", "Second").append("content", "two"));
            posts.updateOne(Filters.eq("_id", kept), Updates.set("content", "one, edited by another client"));
            assertAgrees(log, posts, kept);
            assertAgrees(log, posts, gone);

            posts.replaceOne(Filters.eq("_id", kept), new Document("title", "Replaced").append("content", "ü ✓ 𐐀"));
            posts.deleteOne(Filters.eq("_id", gone));
            assertAgrees(log, posts, kept);
            assertThat(log.readBson(List.of(raw(gone)))).isEmpty();
            posts.findOneAndUpdate(Filters.eq("_id", kept), Updates.set("version", 5L));
            assertAgrees(log, posts, kept);
            ObjectId upserted = new ObjectId();
            posts.updateOne(Filters.eq("_id", upserted), Updates.set("title", "Upserted"),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            assertAgrees(log, posts, upserted);

            // Pushed, then written again: the newest write wins, never an older remembered one.
            log.done(raw(kept), log.seqOf(raw(kept)));
            assertAgrees(log, posts, kept);
            posts.updateOne(Filters.eq("_id", kept), Updates.set("title", "Newest"));
            assertAgrees(log, posts, kept);
            assertThat(stored(posts, kept).getString("title")).isEqualTo("Newest");

            // Back in the outbox without a write (a conflict kept as mine): still the stored post.
            log.done(raw(kept), log.seqOf(raw(kept)));
            log.add(raw(kept));
            assertAgrees(log, posts, kept);
        }
    }

    private static void assertAgrees(Outbox log, MongoCollection<Document> posts, ObjectId id) {
        Map<Object, byte[]> read = log.readBson(List.of(raw(id)));
        assertThat(read).hasSize(1);
        BsonDocument pushed = new RawBsonDocument(read.values().iterator().next()).toBsonDocument();
        BsonDocument held = posts.withDocumentClass(BsonDocument.class).find(Filters.eq("_id", id)).first();
        assertThat(pushed).isEqualTo(held);
    }

    private static Document stored(MongoCollection<Document> posts, ObjectId id) {
        return posts.find(Filters.eq("_id", id)).first();
    }

    private static Object raw(ObjectId id) {
        return ChangeFeed.rawIdOf(id);
    }
}
