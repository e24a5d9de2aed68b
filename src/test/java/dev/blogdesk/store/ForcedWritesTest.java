package dev.blogdesk.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Saved" survives a power cut: no write is acknowledged before the file is forced to the device. */
class ForcedWritesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteIsAcknowledgedOnlyAfterTheForceReturnsAndABatchPaysOneForce() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] hold = {false};
        DurableH2Backend.Force gate = store -> {
            forces.incrementAndGet();
            if (hold[0]) {
                forcing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            store.sync();
        };
        try (EmbeddedMongo server = EmbeddedMongo.start(dir, 0, false, gate);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            posts.insertOne(new Document("title", "warm-up"));
            int before = forces.get();
            posts.countDocuments(); // a read changes nothing: no force
            assertThat(forces.get()).isEqualTo(before);

            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(new Document("title", "Post " + i).append("content", "x".repeat(200)));
            }
            posts.insertMany(batch);
            assertThat(forces.get() - before).as("forces for one insertMany of 1,000").isEqualTo(1);

            hold[0] = true;
            CompletableFuture<Void> save = CompletableFuture.runAsync(() -> posts.insertOne(new Document("title", "held")));
            assertThat(forcing.await(30, TimeUnit.SECONDS)).as("the write reached the force").isTrue();
            assertThatThrownBy(() -> save.get(500, TimeUnit.MILLISECONDS))
                    .as("no acknowledgement while the force has not returned").isInstanceOf(TimeoutException.class);
            release.countDown();
            save.get(30, TimeUnit.SECONDS);
            assertThat(posts.countDocuments(new Document("title", "held"))).isEqualTo(1);
        }
    }
}
