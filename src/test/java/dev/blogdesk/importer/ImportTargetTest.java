package dev.blogdesk.importer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.testing.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** An import by URI asks what serves it: BlogDesk's own store gets no index it cannot use, a MongoDB server the legacy key. */
class ImportTargetTest {

    @TempDir
    Path dir;

    @Test
    void overTheWireABlogDeskStoreGetsNoLegacyIndexAndAMongoDbServerDoes() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 3);
        try (EmbeddedMongo served = EmbeddedMongo.start(dir.resolve("served"), 0);
             MongoClient client = MongoClients.create(served.connectionString())) {
            MongoDatabase database = client.getDatabase("blogdb");
            assertThat(ImportTarget.over(database)).isEqualTo(ImportTarget.BLOGDESK_ENDPOINT);
            ImportReport report = new ImportEngine(database, dir.resolve("served-work"), ImportTarget.over(database))
                    .run(ImportRequest.of(file, null), ImportProgress.NONE);
            assertThat(report.verified()).isTrue();
            assertThat(database.getCollection("posts").listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                    .containsExactly("_id_");

            new ImportEngine(database, dir.resolve("server-work"), ImportTarget.MONGODB_SERVER)
                    .run(ImportRequest.of(file, null), ImportProgress.NONE);
            assertThat(database.getCollection("posts").listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("_id_", "legacy_key");
        }
    }
}
