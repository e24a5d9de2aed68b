package dev.blogdesk.search;

import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.StoreConnection;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares what the index answers with what the store's own {@code $regex} scan answers. */
public final class IndexAgreement {

    private static final int ALL = 1_000_000;

    private IndexAgreement() {
    }

    /** The store alone: the same database, asked without the index. */
    public static MongoPostRepository storeOnly(StoreConnection connection) {
        return new MongoPostRepository(connection.database());
    }

    public static void assertAgrees(StoreConnection connection, List<String> queries) {
        assertThat(connection.posts()).isInstanceOf(IndexedPostRepository.class);
        assertThat(connection.embedded().orElseThrow().searchIndex().awaitReady(java.time.Duration.ofSeconds(60)))
                .as("index current").isTrue();
        MongoPostRepository store = storeOnly(connection);
        assertThat(connection.posts().count()).as("count").isEqualTo(store.count());
        assertThat(connection.posts().list(0, ALL)).as("the whole list, in order").isEqualTo(store.list(0, ALL));
        for (String query : queries) {
            List<PostSummary> expected = store.search(query, 0, ALL);
            assertThat(connection.posts().search(query, 0, ALL)).as("search [%s]", query).isEqualTo(expected);
        }
    }
}
