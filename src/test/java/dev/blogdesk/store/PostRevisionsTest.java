package dev.blogdesk.store;

import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostRevisionsTest {

    @TempDir
    static Path dataDir;
    static TestStore store;
    static MongoPostRepository repo;
    static PostRevisions history;

    @BeforeAll
    static void openStore() {
        store = TestStore.open(dataDir);
        repo = store.repository();
        history = repo.revisions();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.clear();
    }

    private static List<RevisionSource> sources(String postId) {
        return history.list(postId).stream().map(Revision::source).toList();
    }

    @Test
    void everySavePublishUnpublishAndOverwriteAddsARevisionThatRebuildsToWhatWasSaved() {
        Post v1 = repo.create("Draft", "First words.");
        Post v2 = repo.update(v1.withText("Draft", "First words, then more."));
        Post v3 = repo.publish(v2);
        Post v4 = repo.unpublish(v3);
        Post v5 = repo.overwrite(v4.withText("Mine", "Kept after a conflict."));
        repo.update(v5.withText("Mine", "An older text brought back."), RevisionSource.RESTORE);

        assertThat(sources(v1.id())).containsExactly(RevisionSource.RESTORE, RevisionSource.CONFLICT,
                RevisionSource.UNPUBLISH, RevisionSource.PUBLISH, RevisionSource.SAVE, RevisionSource.SAVE);
        List<Revision> newestFirst = history.list(v1.id());
        assertThat(newestFirst).extracting(Revision::version).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(history.read(newestFirst.get(5).id()).orElseThrow().content()).isEqualTo("First words.");
        RevisionText second = history.read(newestFirst.get(4).id()).orElseThrow();
        assertThat(second.content()).isEqualTo("First words, then more.");
        assertThat(second.revision().wordsAdded()).isEqualTo(2);
        assertThat(history.read(newestFirst.get(3).id()).orElseThrow().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(history.read(newestFirst.get(1).id()).orElseThrow().title()).isEqualTo("Mine");
        assertThat(history.read(newestFirst.get(0).id()).orElseThrow().content()).isEqualTo("An older text brought back.");
    }

    @Test
    void smallEditsOfALongPostAreStoredAsDeltasNotCopies() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("Paragraph ").append(i).append(" says something about writing a blog, at some length. ");
            if (i % 6 == 5) {
                text.append("\n\n");
            }
        }
        Post post = repo.create("Long", text.toString());
        for (int save = 0; save < 60; save++) {
            int at = text.indexOf("something");
            text.replace(at, at + "something".length(), "thing" + save);
            post = repo.update(post.withText("Long", text.toString()));
        }
        long bytes = 0;
        var raw = store.database().getCollection(PostRevisions.COLLECTION, RawBsonDocument.class);
        for (RawBsonDocument d : raw.find(new Document(PostRevisions.POST_ID, new ObjectId(post.id())))) {
            bytes += d.getByteBuffer().remaining();
        }
        assertThat(history.count(post.id())).isEqualTo(61);
        assertThat(bytes / 61).as("bytes per revision of a 10 KB post edited a word at a time").isLessThan(2_048);
        // Rebuilding the newest walks back through the deltas to the last whole copy.
        assertThat(history.read(history.list(post.id()).get(0).id()).orElseThrow().content()).isEqualTo(text.toString());
        assertThat(history.read(history.list(post.id()).get(30).id()).orElseThrow().content()).contains("thing29");
    }

    @Test
    void aPostChangedOutsideBlogDeskKeepsThatStateInItsHistoryAtTheNextSave() {
        Post v1 = repo.create("Flask", "Written here.");
        Post published = repo.publish(v1);
        // The Flask blog edits the document and knows nothing of versions or revisions.
        store.posts().updateOne(new Document("_id", new ObjectId(v1.id())),
                new Document("$set", new Document("content", "Edited on the blog.").append("updated_at", new Date())));
        Post edited = repo.findById(v1.id()).orElseThrow();
        repo.update(edited.withText("Flask", "Edited on the blog, then here."));

        List<Revision> revisions = history.list(v1.id());
        assertThat(revisions).extracting(Revision::source)
                .containsExactly(RevisionSource.SAVE, RevisionSource.SYNC, RevisionSource.PUBLISH, RevisionSource.SAVE);
        assertThat(history.read(revisions.get(1).id()).orElseThrow().content()).isEqualTo("Edited on the blog.");
        assertThat(history.read(revisions.get(0).id()).orElseThrow().content()).isEqualTo("Edited on the blog, then here.");
        assertThat(published.version()).isEqualTo(2);
    }

    @Test
    void aDeletedAndRestoredPostKeepsItsHistory() {
        Post v1 = repo.create("Kept", "One.");
        repo.update(v1.withText("Kept", "Two."));
        DeletedPost deleted = repo.deleteForUndo(v1.id()).orElseThrow();
        assertThat(history.count(v1.id())).isEqualTo(2);
        repo.restore(deleted);
        Post back = repo.findById(v1.id()).orElseThrow();
        repo.update(back.withText("Kept", "Three."));
        assertThat(history.list(v1.id())).hasSize(3);
        assertThat(history.read(history.list(v1.id()).get(0).id()).orElseThrow().content()).isEqualTo("Three.");
    }

    @Test
    void aRevisionWhoseBaseIsMissingSaysSoInsteadOfShowingWrongText() {
        Post v1 = repo.create("Chain", "Base text.");
        repo.update(v1.withText("Chain", "Base text, edited."));
        List<Revision> revisions = history.list(v1.id());
        store.database().getCollection(PostRevisions.COLLECTION).deleteOne(new Document("_id", new ObjectId(revisions.get(1).id())));

        assertThatThrownBy(() -> history.read(revisions.get(0).id()))
                .isInstanceOf(StoreException.class).hasMessageContaining("arrives with the next sync");
    }

    @Test
    void aDeltaAppliesExactlyAndCountsWords() {
        TextDelta delta = TextDelta.between("The quick brown fox.\nJumps over.", "The slow brown fox!\nJumps over it.");
        assertThat(delta.applyTo("The quick brown fox.\nJumps over.")).isEqualTo("The slow brown fox!\nJumps over it.");
        assertThat(TextDelta.of(delta.toDocuments()).applyTo("The quick brown fox.\nJumps over.")).isEqualTo("The slow brown fox!\nJumps over it.");
        assertThat(delta.wordsAdded()).isEqualTo(2);
        assertThat(delta.wordsRemoved()).isEqualTo(1);
        assertThatThrownBy(() -> delta.applyTo("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
