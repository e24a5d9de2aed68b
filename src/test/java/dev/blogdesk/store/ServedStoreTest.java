package dev.blogdesk.store;

import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BlogDesk store given by URI ({@code blogdesk serve}) tells itself from a MongoDB server, so a client
 * does not build there the indexes only a MongoDB server can use.
 */
class ServedStoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoreReachedByUriSaysItIsBlogDesksAndGetsNoServerIndexes() {
        try (EmbeddedMongo served = EmbeddedMongo.start(dir.resolve("served"), 0);
             StoreConnection connection = StoreConnection.openRemote(served.connectionString() + "/blogdb")) {
            assertThat(EmbeddedMongo.serves(connection.database())).isTrue();
            assertThat(connection.isBlogDeskStore()).isTrue();
            assertThat(connection.isEmbedded()).as("not this data dir's store").isFalse();
            connection.database().getCollection(PostSchema.COLLECTION).insertOne(new Document("title", "From Flask"));
            assertThat(connection.database().getCollection(PostSchema.COLLECTION).listIndexes()
                    .map(i -> i.getString("name")).into(new ArrayList<>())).as("no date_posted index").containsExactly("_id_");
        }
    }

    @Test
    void aMongoDbServerDoesNotAnswerAsBlogDesk() {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            // The embedded store in the default run; the real-server profile's MongoDB with -Dblogdesk.test.mongoUri.
            assertThat(EmbeddedMongo.serves(store.database())).isEqualTo(!TestStore.isRealServer());
            assertThat(store.database().runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        }
    }
}
