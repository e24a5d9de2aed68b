package dev.blogdesk.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The store stays close to the size of what it holds: compressed, compacted after bulk writes and edits. */
class StoreCompactionTest {

    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this "
            + "have from or one had by word but not what all were we when your can said there use an each which she do how "
            + "their if will up other about out many then them these so some her would make like him into time has look two "
            + "more write go see number no way could people my than first water been call who oil its now find long down "
            + "day did get come made may part blog post markdown editor writing draft publish image tag history").split(" ");

    @TempDir
    Path dataDir;

    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        return sb.toString();
    }

    @Test
    void afterAnImportAndAThousandEditsTheStoreIsAtMostOneAndAHalfTimesItsPostsAndABackupIsNoBigger() throws Exception {
        Random random = new Random(42);
        long bson = 0;
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(new Document("title", "Post " + i).append("content", text(random, 500 + random.nextInt(3500)))
                        .append("date_posted", Date.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 3600L)))
                        .append("version", 1L));
                if (batch.size() == 500) { // the import's batch size
                    posts.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            List<Object> ids = posts.find().projection(new Document("_id", 1)).map(d -> d.get("_id")).into(new ArrayList<>());
            // 1,000 edits, each a document rewritten (as a save does), sent 100 to a request to keep the test short.
            for (int round = 0; round < 10; round++) {
                List<com.mongodb.client.model.WriteModel<Document>> edits = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    edits.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", ids.get(random.nextInt(ids.size()))),
                            Updates.combine(Updates.set("content", text(random, 500 + random.nextInt(3500))), Updates.inc("version", 1L))));
                }
                posts.bulkWrite(edits);
            }
            for (RawBsonDocument doc : client.getDatabase("blogdb").getCollection("posts", RawBsonDocument.class).find()) {
                bson += doc.getByteBuffer().remaining();
            }
            store.compactNow(); // what housekeeping does once the store is idle
        }
        long stored = Files.size(StoreBackups.storeFile(dataDir));
        assertThat((double) stored / bson).as("store file %d bytes for %d bytes of BSON", stored, bson).isLessThanOrEqualTo(1.5);

        Path backup;
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir, 0)) {
            backup = store.backupIfDue(Instant.now()).orElseThrow();
        }
        assertThat((double) Files.size(backup) / stored).as("backup %d bytes for a store of %d", Files.size(backup), stored)
                .isLessThanOrEqualTo(1.1);
    }

    private static final int BATCHES = 12;

    @Test
    void compactionAndBackupsRunningWhileAnImportWritesNeverDamageTheStore() throws Exception {
        Random random = new Random(9);
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<Throwable> housekeepingFailure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread housekeeping = new Thread(() -> {
                try {
                    for (int day = 0; !done.get(); day++) {
                        store.compactNow();
                        store.backupIfDue(Instant.now().plus(java.time.Duration.ofDays(day)));
                    }
                } catch (Throwable t) {
                    housekeepingFailure.set(t);
                }
            });
            housekeeping.start();
            try {
                for (int batch = 0; batch < BATCHES; batch++) {
                    List<Document> docs = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        docs.add(new Document("title", "Batch " + batch + " post " + i).append("content", text(random, 2000)));
                    }
                    posts.insertMany(docs, new InsertManyOptions().ordered(false));
                    posts.deleteMany(Filters.regex("title", "^Batch " + (batch - 1) + " post 1")); // dead pages to compact
                }
            } finally {
                done.set(true);
                housekeeping.join();
            }
            assertThat(housekeepingFailure.get()).isNull();
        }
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            long count = 0;
            for (Document d : client.getDatabase("blogdb").getCollection("posts").find().batchSize(500)) {
                assertThat(d.getString("content")).hasSizeGreaterThanOrEqualTo(2000);
                count++;
            }
            assertThat(count).isEqualTo(BATCHES * 200 - (BATCHES - 1) * 111); // 111 titles match "post 1" per batch
            assertThat(StoreBackups.list(dataDir)).isNotEmpty();
        }
    }
}
