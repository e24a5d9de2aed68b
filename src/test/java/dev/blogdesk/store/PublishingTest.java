package dev.blogdesk.store;

import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafts in blogdb.drafts, published posts in blogdb.posts, and the moves between them. */
class PublishingTest {

    @TempDir
    static Path dataDir;
    static TestStore store;
    static MongoPostRepository repo;

    @BeforeAll
    static void openStore() {
        store = TestStore.open(dataDir);
        repo = store.repository();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.clear();
    }

    private static Document published(String id) {
        return store.posts().find(new Document("_id", new ObjectId(id))).first();
    }

    private static Document draft(String id) {
        return store.drafts().find(new Document("_id", new ObjectId(id))).first();
    }

    @Test
    void publishMovesTheDraftIntoPostsWithTheSameIdAndUnpublishMovesItBack() {
        Post draft = repo.update(repo.create("Half written", "first").withText("Half written", "second"));
        assertThat(published(draft.id())).isNull();

        Post live = repo.publish(draft);
        assertThat(live.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(live.version()).isEqualTo(draft.version() + 1);
        assertThat(draft(draft.id())).as("no draft copy left").isNull();
        Document doc = published(draft.id());
        assertThat(doc.getString("status")).isEqualTo("published");
        assertThat(doc.getString("content")).isEqualTo("second");
        assertThat(doc.get("date_posted")).isInstanceOf(java.util.Date.class);
        assertThat(repo.findById(draft.id())).get().extracting(Post::status).isEqualTo(PostStatus.PUBLISHED);

        // Saving a published post updates it in place.
        Post edited = repo.update(live.withText("Half written", "third"));
        assertThat(published(draft.id()).getString("content")).isEqualTo("third");

        Post back = repo.unpublish(edited);
        assertThat(back.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(published(draft.id())).as("gone from the blog").isNull();
        assertThat(draft(draft.id()).getString("status")).isEqualTo("draft");
        assertThat(draft(draft.id()).getString("content")).isEqualTo("third");
    }

    @Test
    void aMoveFromAStaleVersionIsAConflictAndMovesNothing() {
        Post draft = repo.create("Stale", "v1");
        repo.update(draft.withText("Stale", "v2 from elsewhere"));
        assertThatThrownBy(() -> repo.publish(draft)).isInstanceOf(VersionConflictException.class);
        assertThat(published(draft.id())).isNull();
        assertThat(draft(draft.id()).getString("content")).isEqualTo("v2 from elsewhere");
        // A draft published elsewhere meanwhile is not silently saved as a second copy.
        Post current = repo.findById(draft.id()).orElseThrow();
        repo.publish(current);
        assertThatThrownBy(() -> repo.update(current.withText("Stale", "mine"))).isInstanceOf(VersionConflictException.class);
        assertThat(draft(draft.id())).isNull();
    }

    @Test
    void documentsWithoutStatusInPostsArePublishedAndTheListCoversBothWithAFilter() {
        store.posts().insertOne(new Document("title", "From Flask").append("content", "no status")
                .append("date_posted", new java.util.Date(1_000)));
        Post draft = repo.create("A draft", "private words");
        Post other = repo.publish(repo.create("Out there", "public words"));

        assertThat(repo.list(0, 10)).extracting(PostSummary::title).containsExactly("Out there", "A draft", "From Flask");
        assertThat(repo.search(SearchQuery.ALL.withStatus(PostStatus.DRAFT), 0, 10)).extracting(PostSummary::id)
                .containsExactly(draft.id());
        assertThat(repo.search(SearchQuery.parse("words").withStatus(PostStatus.PUBLISHED), 0, 10))
                .extracting(PostSummary::id).containsExactly(other.id());
        assertThat(repo.list(0, 10)).extracting(PostSummary::status)
                .containsExactly(PostStatus.PUBLISHED, PostStatus.DRAFT, PostStatus.PUBLISHED);
        assertThat(repo.count()).isEqualTo(3);
        assertThat(repo.list(1, 1)).extracting(PostSummary::title).containsExactly("A draft");

        List<String> drafts = new ArrayList<>();
        repo.exportJson(PostStatus.DRAFT, drafts::add);
        assertThat(drafts).singleElement().satisfies(json ->
                assertThat(Document.parse(json).getString("status")).isEqualTo("draft"));
        List<String> all = new ArrayList<>();
        repo.exportJson(null, all::add);
        assertThat(all).extracting(json -> Document.parse(json).getString("status"))
                .containsExactly("published", "draft", "published");
    }

    @Test
    void deletingADraftAndUndoingItPutsItBackAmongTheDrafts() {
        Post draft = repo.create("Undo me", "text");
        DeletedPost deleted = repo.deleteForUndo(draft.id()).orElseThrow();
        assertThat(repo.findById(draft.id())).isEmpty();
        repo.restore(deleted);
        assertThat(draft(draft.id())).isNotNull();
        assertThat(published(draft.id())).isNull();
    }

    @Test
    void aPublishCutShortAfterItsCopyLeavesExactlyOnePublishedPostOnceSettled() {
        Post draft = repo.create("Interrupted", "words");
        // What a crash between the copy and the delete leaves: the published copy and the old draft.
        Document copy = new Document(draft(draft.id())).append("status", "published");
        store.posts().insertOne(copy);

        assertThat(repo.findById(draft.id())).get().extracting(Post::status).isEqualTo(PostStatus.PUBLISHED);
        assertThat(repo.list(0, 10)).as("listed once").hasSize(1);
        List<String> exported = new ArrayList<>();
        repo.exportJson(null, exported::add);
        assertThat(exported).hasSize(1);

        List<Object> inFlight = List.of(new ObjectId(draft.id()));
        assertThat(repo.settleMoves(inFlight)).isEqualTo(1);
        assertThat(draft(draft.id())).isNull();
        assertThat(published(draft.id())).isNotNull();
        assertThat(repo.settleMoves(inFlight)).isZero();
    }
}
