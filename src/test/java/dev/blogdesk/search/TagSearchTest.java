package dev.blogdesk.search;

import dev.blogdesk.app.PostStore;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostDetails;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.SearchQuery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** tag:name in the search box, and the tags in use, from the index and from the store alike. */
class TagSearchTest {

    @TempDir
    Path dataDir;

    private static Post tagged(PostRepository posts, String title, String... tags) {
        return posts.create(Post.unsaved(title, "text of " + title).withDetails(new PostDetails(List.of(tags), "", "", ""), null));
    }

    @Test
    void tagFiltersAgreeBetweenIndexAndStoreAndFollowEdits() {
        try (PostStore store = PostStore.openEmbedded(dataDir, false)) {
            PostRepository posts = store.posts();
            Post java = tagged(posts, "Java notes", "Java", "Über Cafés");
            tagged(posts, "Mongo notes", "MongoDB", "java");
            posts.publish(tagged(posts, "Travel", "travel"));
            // Tags as other programs write them: one string, or an array with something else in it.
            store.database().getCollection(PostSchema.COLLECTION).insertOne(new Document("title", "Flask tags")
                    .append("content", "notes").append("tags", "travel").append("date_posted", new java.util.Date(0)));
            store.database().getCollection(PostSchema.COLLECTION).insertOne(new Document("title", "Mixed")
                    .append("content", "notes").append("tags", List.of("Java", 7)).append("date_posted", new java.util.Date(1)));

            SearchIndex index = store.searchIndex().orElseThrow();
            assertThat(index.awaitReady(Duration.ofSeconds(30))).isTrue();
            IndexAgreement.assertAgrees(store, List.of("tag:java", "tag:JAVA notes", "tag:travel", "tag:\"über cafés\"",
                    "tag:nothing", "tag:jav", "tag:java tag:mongodb"));
            assertThat(posts.search("tag:java", 0, 10)).extracting(PostSummary::title)
                    .containsExactlyInAnyOrder("Java notes", "Mongo notes", "Mixed");
            assertThat(posts.search(SearchQuery.parse("tag:travel").withStatus(dev.blogdesk.store.PostStatus.DRAFT), 0, 10))
                    .isEmpty();
            assertThat(posts.tagsInUse()).containsExactly("Java", "MongoDB", "travel", "Über Cafés");
            assertThat(posts.tagsInUse()).isEqualTo(IndexAgreement.storeOnly(store).tagsInUse());

            // A tag taken off its only post is no longer in use.
            Post edited = posts.findById(java.id()).orElseThrow();
            posts.update(edited.withDetails(new PostDetails(List.of("Java"), "", "", ""), null));
            assertThat(index.awaitCurrent(Duration.ofSeconds(10))).isTrue();
            assertThat(posts.tagsInUse()).containsExactly("Java", "MongoDB", "travel");
            assertThat(posts.search("tag:\"Über Cafés\"", 0, 10)).isEmpty();
            IndexAgreement.assertAgrees(store, List.of("tag:java", "tag:\"über cafés\""));
        }
    }
}
