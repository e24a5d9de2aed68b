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
            for (int i = 0; i < 6_000; i++) {
                batch.add(new Document("title", "Post " + i).append("content", text(random, 500 + random.nextInt(3500)))
                        .append("date_posted", Date.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 3600L)))
                        .append("version", 1L));
                if (batch.size() == 500) { // the import's batch size
                    posts.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            List<Object> ids = posts.find().projection(new Document("_id", 1)).map(d -> d.get("_id")).into(new ArrayList<>());
            for (int i = 0; i < 1_000; i++) {
                Object id = ids.get(random.nextInt(ids.size()));
                posts.updateOne(Filters.eq("_id", id), Updates.combine(
                        Updates.set("content", text(random, 500 + random.nextInt(3500))), Updates.inc("version", 1L)));
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
}
