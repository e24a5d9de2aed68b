package dev.blogdesk.search;

import dev.blogdesk.app.PostStore;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.SearchQuery;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares what the index itself answers with what the store's own {@code $regex} scan answers. It
 * asks the {@link SearchIndex} directly, never the repository in front of it, so an index that
 * throws or lags fails the check instead of being quietly replaced by the store.
 */
public final class IndexAgreement {

    private static final int ALL = 1_000_000;

    private IndexAgreement() {
    }

    /** The store alone: the same database, asked without the index. */
    public static MongoPostRepository storeOnly(PostStore store) {
        return new MongoPostRepository(store.database());
    }

    public static void assertAgrees(PostStore store, List<String> queries) {
        SearchIndex index = store.searchIndex().orElseThrow(() -> new AssertionError("this store has no search index"));
        assertThat(index.awaitReady(Duration.ofSeconds(60))).as("index current").isTrue();
        MongoPostRepository server = storeOnly(store);
        assertThat(index.count()).as("count").isEqualTo(server.count());
        assertThat(index.search(SearchQuery.ALL, 0, ALL)).as("the whole list, in order").isEqualTo(server.list(0, ALL));
        for (String query : queries) {
            List<PostSummary> expected = server.search(query, 0, ALL);
            assertThat(index.search(SearchQuery.parse(query), 0, ALL)).as("search [%s]", query).isEqualTo(expected);
        }
        // And the repository the app uses answers from the index, not around it.
        assertThat(store.posts()).isInstanceOf(IndexedPostRepository.class);
    }
}
