package dev.blogdesk.store;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What opening the embedded store costs must not grow with the number of posts. */
class EmbeddedStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void theDateIndexThatMakesTheEmbeddedServerRereadEveryPostAtStartIsDropped() {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            // What stores created before this fix carry.
            store.database().getCollection("posts").createIndex(Indexes.descending("date_posted"),
                    new IndexOptions().name("date_posted_desc"));
            store.posts().create("Kept", "the post stays");
            assertThat(indexNames(store)).contains("date_posted_desc");
        }
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(indexNames(store)).containsExactly("_id_");
            assertThat(store.posts().list(0, 10)).extracting(PostSummary::title).containsExactly("Kept");
        }
    }

    private static List<String> indexNames(StoreConnection store) {
        List<String> names = new ArrayList<>();
        for (Document index : store.database().getCollection("posts").listIndexes()) {
            names.add(index.getString("name"));
        }
        return names;
    }
}
