package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.FlakyRepository;
import dev.blogdesk.testing.InMemoryPostRepository;
import dev.blogdesk.testing.ScriptedDialogs;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.editor.PostPublishing;
import dev.blogdesk.ui.postlist.ListFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Publish and Unpublish, the status badge and the list's filter, on an in-memory repository. */
class PublishingViewModelTest {

    final InMemoryPostRepository repo = new InMemoryPostRepository();
    @TempDir
    Path journalDir;
    DraftJournal journal;
    FlakyRepository flaky;
    ScriptedDialogs dialogs;
    MainViewModel vm;
    EditorViewModel editor;
    PostPublishing publishing;

    @BeforeEach
    void setUp() {
        flaky = new FlakyRepository(repo);
        dialogs = new ScriptedDialogs();
        journal = new DraftJournal(journalDir);
        vm = new MainViewModel(flaky, new DirectTaskExecutor(), dialogs, Debouncer.immediate(), Debouncer.immediate(), journal, "test store");
        editor = vm.editor();
        publishing = editor.publishing();
        vm.start();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private PostStatus storedStatus() {
        return repo.findById(editor.currentIdProperty().get()).orElseThrow().status();
    }

    @Test
    void publishingANewPostSavesItFirstThenMovesItAndTheBadgeAndListFollow() {
        vm.requestNewPost();
        assertThat(publishing.badgeProperty().get()).isEqualTo("Draft");
        assertThat(publishing.actionLabelProperty().get()).isEqualTo("Publish");
        editor.titleProperty().set("Launch day");
        editor.contentProperty().set("We are live.");

        publishing.toggle();

        assertThat(editor.isDirty()).isFalse();
        assertThat(storedStatus()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(publishing.badgeProperty().get()).isEqualTo("Published");
        assertThat(publishing.actionLabelProperty().get()).isEqualTo("Unpublish");
        assertThat(editor.statusProperty().get()).contains("Published");
        assertThat(vm.postList().posts()).extracting(PostSummary::status).containsExactly(PostStatus.PUBLISHED);

        publishing.toggle();
        assertThat(storedStatus()).isEqualTo(PostStatus.DRAFT);
        assertThat(repo.document(editor.currentIdProperty().get()).orElseThrow().getString(PostSchema.STATUS)).isEqualTo("draft");
        assertThat(publishing.badgeProperty().get()).isEqualTo("Draft");
    }

    @Test
    void aPostWithoutATitleIsNotPublishedAndTheUserIsToldWhy() {
        vm.requestNewPost();
        editor.contentProperty().set("No title yet");
        publishing.toggle();
        assertThat(repo.count()).isZero();
        assertThat(editor.statusProperty().get()).contains("needs a title");
    }

    @Test
    void aStoreThatIsDownLeavesThePostWhereItWasAndSaysSo() {
        vm.requestNewPost();
        editor.titleProperty().set("Offline");
        editor.save();
        flaky.down = true;
        publishing.toggle();
        flaky.down = false;
        assertThat(storedStatus()).isEqualTo(PostStatus.DRAFT);
        assertThat(dialogs.errors).anySatisfy(e -> assertThat(e).contains("Not published").contains("unchanged"));
        assertThat(publishing.badgeProperty().get()).isEqualTo("Draft");
    }

    @Test
    void theFilterShowsOnlyDraftsOrOnlyPublishedPostsAndSaysWhenThereAreNone() {
        repo.publish(repo.create("Public", "a"));
        repo.create("Private", "b");
        vm.postList().refresh();
        assertThat(vm.postList().posts()).hasSize(2);

        vm.postList().filterProperty().set(ListFilter.DRAFTS);
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Private");
        vm.postList().filterProperty().set(ListFilter.PUBLISHED);
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Public");
        vm.search().textProperty().set("Private");
        assertThat(vm.postList().posts()).isEmpty();
        assertThat(vm.postList().placeholderProperty().get()).isEqualTo("No published post contains “Private”.");
        vm.postList().filterProperty().set(ListFilter.ALL);
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Private");
    }

    @Test
    void aPostJustSavedOrPublishedThatTheListHidesSaysSoAndHowToSeeIt() {
        vm.search().textProperty().set("kittens");
        vm.requestNewPost();
        editor.titleProperty().set("About dogs");
        editor.save();
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("“About dogs” is saved, but hidden by the search; press Esc in the search box to show all posts.");

        vm.search().clear();
        vm.postList().filterProperty().set(ListFilter.DRAFTS);
        assertThat(vm.postList().posts()).hasSize(1);
        publishing.toggle();
        assertThat(vm.statusTextProperty().get()).contains("hidden by the Drafts filter; choose All to see it");

        vm.postList().filterProperty().set(ListFilter.ALL);
        editor.contentProperty().set("Now with text");
        editor.save();
        assertThat(vm.statusTextProperty().get()).startsWith("Saved at");
    }
}
