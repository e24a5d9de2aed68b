package dev.blogdesk.ui.history;

import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.store.PostDetails;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.Revision;
import dev.blogdesk.store.RevisionSource;
import dev.blogdesk.store.RevisionText;
import dev.blogdesk.store.StoreException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryViewModelTest {

    /** An in-memory history: revisions by post, texts by revision id; a text can be made unreadable. */
    static final class FakeHistory implements HistoryViewModel.Source {
        final Map<String, List<Revision>> byPost = new HashMap<>();
        final Map<String, RevisionText> texts = new HashMap<>();
        String unreadable;

        void add(String postId, String id, RevisionSource source, String title, String content) {
            Revision r = new Revision(id, postId, byPost.getOrDefault(postId, List.of()).size() + 1L,
                    Instant.parse("2026-12-01T10:00:00Z"), source, null, title, 2, 1);
            byPost.computeIfAbsent(postId, k -> new ArrayList<>()).add(0, r);
            texts.put(id, new RevisionText(r, title, content, PostStatus.DRAFT, PostDetails.NONE, null));
        }

        @Override
        public List<Revision> list(String postId) {
            return byPost.getOrDefault(postId, List.of());
        }

        @Override
        public Optional<RevisionText> read(String revisionId) {
            if (revisionId.equals(unreadable)) {
                throw new StoreException("This revision cannot be shown yet: an earlier one it builds on is not in this store.");
            }
            return Optional.ofNullable(texts.get(revisionId));
        }
    }

    final FakeHistory history = new FakeHistory();
    final HistoryViewModel vm = new HistoryViewModel(history, new DirectTaskExecutor());
    final SimpleStringProperty postId = new SimpleStringProperty();
    final SimpleObjectProperty<Object> saves = new SimpleObjectProperty<>();
    final SimpleStringProperty editorText = new SimpleStringProperty("");
    final List<RevisionText> restored = new ArrayList<>();

    HistoryViewModelTest() {
        vm.follow(postId, saves, editorText::get);
        vm.restoreWith(r -> restored.add(r));
    }

    @Test
    void showsTheOpenPostsRevisionsNewestFirstAndFollowsSavesWhileVisible() {
        history.add("p1", "r1", RevisionSource.IMPORT, "T", "old");
        postId.set("p1");
        assertThat(vm.entries()).as("nothing is read while the panel is hidden").isEmpty();
        vm.toggle();
        assertThat(vm.entries()).extracting(e -> e.revision().id()).containsExactly("r1");
        assertThat(vm.entries().get(0).label()).contains("Imported").contains("v1").contains("+2 −1 words");

        history.add("p1", "r2", RevisionSource.SAVE, "T", "new");
        saves.set(new Object());
        assertThat(vm.entries()).extracting(e -> e.revision().id()).containsExactly("r2", "r1");
        postId.set(null);
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Open a saved post");
    }

    @Test
    void selectingARevisionShowsItsDiffAgainstTheEditorAndRestoreHandsItOver() {
        history.add("p1", "r1", RevisionSource.SAVE, "T", "line one\nline two");
        postId.set("p1");
        editorText.set("T\n\nline one\nline 2");
        vm.visibleProperty().set(true);
        assertThat(vm.restorableProperty().get()).isFalse();
        vm.selectedProperty().set(vm.entries().get(0));
        assertThat(vm.diffProperty().get()).contains("-line two").contains("+line 2");
        assertThat(vm.restorableProperty().get()).isTrue();
        vm.restore();
        assertThat(restored).extracting(RevisionText::content).containsExactly("line one\nline two");

        editorText.set("T\n\nline one\nline two");
        vm.selectedProperty().set(null);
        vm.selectedProperty().set(vm.entries().get(0));
        assertThat(vm.diffProperty().get()).isEqualTo("This revision is the same as the text in the editor.");
    }

    @Test
    void aRevisionThatCannotBeRebuiltSaysWhyAndCannotBeRestored() {
        history.add("p1", "r1", RevisionSource.SAVE, "T", "x");
        history.unreadable = "r1";
        postId.set("p1");
        vm.visibleProperty().set(true);
        vm.selectedProperty().set(vm.entries().get(0));
        assertThat(vm.messageProperty().get()).contains("earlier one it builds on").doesNotContain("Exception");
        assertThat(vm.restorableProperty().get()).isFalse();
        vm.restore();
        assertThat(restored).isEmpty();
    }
}
