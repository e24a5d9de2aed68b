package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService.UnsavedChoice;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.FlakyRepository;
import dev.blogdesk.testing.ScriptedDialogs;
import dev.blogdesk.testing.InMemoryPostRepository;
import dev.blogdesk.ui.editor.EditorViewModel;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's behaviour, without a window: view models over an in-memory repository. */
class MainViewModelTest {

    final InMemoryPostRepository repo = new InMemoryPostRepository();

    @TempDir
    Path journalDir;
    DraftJournal journal;
    FlakyRepository flaky;
    ScriptedDialogs dialogs;
    MainViewModel vm;
    EditorViewModel editor;

    @BeforeEach
    void setUp() {
        flaky = new FlakyRepository(repo);
        dialogs = new ScriptedDialogs();
        journal = new DraftJournal(journalDir);
        vm = new MainViewModel(flaky, new DirectTaskExecutor(), dialogs, Debouncer.immediate(), Debouncer.immediate(), journal, "test store");
        editor = vm.editor();
        vm.start();
    }

    private void type(String title, String content) {
        editor.titleProperty().set(title);
        editor.contentProperty().set(content);
    }

    @org.junit.jupiter.api.AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void emptyStoreTellsANewUserWhatToDo() {
        assertThat(vm.postList().posts()).isEmpty();
        assertThat(vm.postList().placeholderProperty().get()).contains("No posts yet").contains("Ctrl+N");
        assertThat(vm.windowTitleProperty().get()).isEqualTo("BlogDesk");
    }

    @Test
    void newPostBecomesDirtyWhenTypedInAndCleanOnceSaved() {
        vm.requestNewPost();
        assertThat(editor.isDirty()).isFalse();

        type("First post", "Hello *world*");
        assertThat(editor.isDirty()).isTrue();
        assertThat(vm.windowTitleProperty().get()).isEqualTo("• First post — BlogDesk");

        editor.save();
        assertThat(editor.isDirty()).isFalse();
        assertThat(vm.windowTitleProperty().get()).isEqualTo("First post — BlogDesk");
        Post stored = repo.findById(editor.currentIdProperty().get()).orElseThrow();
        assertThat(stored.content()).isEqualTo("Hello *world*");
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("First post");
        assertThat(editor.statusProperty().get()).startsWith("Saved at");
    }

    @Test
    void aPostWithoutTitleIsNotSavedAndTheTextStays() {
        vm.requestNewPost();
        type("   ", "precious words");
        editor.save();
        assertThat(repo.count()).isZero();
        assertThat(dialogs.errors).singleElement().asString().contains("needs a title");
        assertThat(editor.contentProperty().get()).isEqualTo("precious words");
        assertThat(editor.isDirty()).isTrue();
    }

    @Test
    void aFailedSaveKeepsTheTextAndTheDirtyMarker() {
        vm.requestNewPost();
        type("Offline", "typed while the store was away");
        flaky.down = true;
        editor.save();

        assertThat(editor.contentProperty().get()).isEqualTo("typed while the store was away");
        assertThat(editor.isDirty()).isTrue();
        assertThat(dialogs.asked).containsExactly("choose:Could not save the post");

        flaky.down = false;
        editor.save();
        assertThat(editor.isDirty()).isFalse();
        assertThat(repo.search("typed while", 0, 10)).hasSize(1);
    }

    @Test
    void aConflictIsShownAndTheUserCanOverwrite() {
        Post original = repo.create("Shared", "v1");
        vm.postList().refresh();
        vm.requestOpen(original.id());
        repo.update(original.withText("Shared", "changed elsewhere"));

        editor.contentProperty().set("my edit");
        dialogs.chooseAnswer = dev.blogdesk.ui.editor.ConflictChoice.OVERWRITE;
        editor.save();

        assertThat(dialogs.asked).contains("choose:The post was changed elsewhere");
        assertThat(repo.findById(original.id()).orElseThrow().content()).isEqualTo("my edit");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aConflictCanLoadTheStoredVersionOrBeCancelledKeepingMyText() {
        Post original = repo.create("Shared", "v1");
        vm.requestOpen(original.id());
        repo.update(original.withText("Shared", "theirs"));
        editor.contentProperty().set("mine");

        dialogs.chooseAnswer = null; // cancel
        editor.save();
        assertThat(editor.contentProperty().get()).isEqualTo("mine");
        assertThat(repo.findById(original.id()).orElseThrow().content()).isEqualTo("theirs");

        dialogs.chooseAnswer = dev.blogdesk.ui.editor.ConflictChoice.LOAD_STORED;
        editor.save();
        assertThat(editor.contentProperty().get()).isEqualTo("theirs");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void switchingPostsWithUnsavedChangesAsksFirst() {
        Post a = repo.create("A", "a");
        Post b = repo.create("B", "b");
        vm.requestOpen(a.id());
        editor.contentProperty().set("a edited");

        dialogs.unsavedAnswer = UnsavedChoice.CANCEL;
        assertThat(vm.requestOpen(b.id())).isFalse();
        assertThat(editor.currentIdProperty().get()).isEqualTo(a.id());
        assertThat(editor.contentProperty().get()).isEqualTo("a edited");

        dialogs.unsavedAnswer = UnsavedChoice.SAVE;
        assertThat(vm.requestOpen(b.id())).isTrue();
        assertThat(editor.currentIdProperty().get()).isEqualTo(b.id());
        assertThat(repo.findById(a.id()).orElseThrow().content()).isEqualTo("a edited");

        editor.contentProperty().set("b edited");
        dialogs.unsavedAnswer = UnsavedChoice.DISCARD;
        vm.requestOpen(a.id());
        assertThat(editor.contentProperty().get()).isEqualTo("a edited");
        assertThat(repo.findById(b.id()).orElseThrow().content()).isEqualTo("b");
        assertThat(dialogs.asked).containsExactly("unsaved:A", "unsaved:A", "unsaved:B");
    }

    @Test
    void quittingWithUnsavedChangesAsksAndCancelKeepsTheWindow() {
        vm.requestNewPost();
        type("Draft", "unsaved");
        AtomicBoolean quit = new AtomicBoolean();
        dialogs.unsavedAnswer = UnsavedChoice.CANCEL;
        vm.requestQuit(() -> quit.set(true));
        assertThat(quit).isFalse();

        dialogs.unsavedAnswer = UnsavedChoice.SAVE;
        vm.requestQuit(() -> quit.set(true));
        assertThat(quit).isTrue();
        assertThat(repo.search("Draft", 0, 10)).hasSize(1);
    }

    @Test
    void quittingWithNothingUnsavedDoesNotAsk() {
        AtomicBoolean quit = new AtomicBoolean();
        vm.requestQuit(() -> quit.set(true));
        assertThat(quit).isTrue();
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void deleteAsksForConfirmation() {
        Post post = repo.create("Keep or not", "x");
        vm.postList().refresh();
        vm.requestOpen(post.id());

        dialogs.deleteAnswer = false;
        editor.delete();
        assertThat(repo.findById(post.id())).isPresent();
        assertThat(editor.openProperty().get()).isTrue();

        dialogs.deleteAnswer = true;
        editor.delete();
        assertThat(repo.findById(post.id())).isEmpty();
        assertThat(editor.openProperty().get()).isFalse();
        assertThat(vm.postList().posts()).isEmpty();
    }

    @Test
    void searchFiltersTheListAsYouTypeAndRegexCharactersAreText() {
        repo.create("Learning C++", "templates");
        repo.create("Python", "list comprehension (with parens)");
        repo.create("Go", "goroutines");
        vm.postList().refresh();
        assertThat(vm.postList().posts()).hasSize(3);

        vm.search().textProperty().set("c++");
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Learning C++");
        vm.search().textProperty().set("(");
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Python");
        vm.search().textProperty().set(".*");
        assertThat(vm.postList().posts()).isEmpty();
        assertThat(vm.postList().placeholderProperty().get()).contains("No post contains “.*”");
        vm.search().clear();
        assertThat(vm.postList().posts()).hasSize(3);
    }

    @Test
    void previewRendersMarkdownSafely() {
        vm.requestNewPost();
        type("Preview <me>", "## Sub\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n- [x] task");
        var page = Jsoup.parse(editor.previewProperty().get().toHtml(false));
        assertThat(page.select("h1.post-title").text()).isEqualTo("Preview <me>");
        assertThat(page.select("h2").text()).isEqualTo("Sub");
        assertThat(page.select("li input[type=checkbox]")).hasSize(1);
        assertThat(page.select("body script, [onerror]")).isEmpty();
    }

    @Test
    void theListPagesInsteadOfLoadingEverything() {
        for (int i = 0; i < 230; i++) {
            repo.create("Post " + i, "content " + i);
        }
        vm.postList().refresh();
        assertThat(vm.postList().posts()).hasSize(100);
        assertThat(vm.postList().hasMoreProperty().get()).isTrue();
        vm.postList().loadMore();
        vm.postList().loadMore();
        assertThat(vm.postList().posts()).hasSize(230);
        assertThat(vm.postList().hasMoreProperty().get()).isFalse();
        assertThat(vm.postList().posts().get(0).title()).isEqualTo("Post 229");
    }

    // ---- never lose a word

    @Test
    void typingWritesADraftToTheJournalAndSavingRemovesIt() {
        vm.requestNewPost();
        type("Draft title", "words typed before a crash");
        journal.flush();
        assertThat(journal.list()).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Draft title");
            assertThat(d.content()).isEqualTo("words typed before a crash");
            assertThat(d.postId()).isNull();
        });
        editor.save();
        journal.flush();
        assertThat(journal.list()).isEmpty();
    }

    @Test
    void aDraftLeftByACrashIsOfferedWithWhatItChangedAndRestoredExactly() throws Exception {
        Post stored = repo.create("Stored title", "line one\nline two\n");
        journal.save(new DraftJournal.Draft(stored.id(), stored.id(), stored.version(), "Stored title",
                "line one\nline two edited\nline three\n", java.time.Instant.now()));
        dialogs.restoreAnswer = dev.blogdesk.app.DialogService.RestoreChoice.RESTORE;

        MainViewModel next = new MainViewModel(flaky, new DirectTaskExecutor(), dialogs, Debouncer.immediate(),
                Debouncer.immediate(), journal, "test store");
        next.start();

        assertThat(dialogs.asked).contains("restore:Stored title");
        assertThat(dialogs.lastDifferences).contains("-line two").contains("+line two edited").contains("+line three");
        EditorViewModel restored = next.editor();
        assertThat(restored.contentProperty().get()).isEqualTo("line one\nline two edited\nline three\n");
        assertThat(restored.currentIdProperty().get()).isEqualTo(stored.id());
        assertThat(restored.isDirty()).isTrue();
        assertThat(repo.findById(stored.id()).orElseThrow().content()).as("nothing saved until the user saves")
                .isEqualTo("line one\nline two\n");

        restored.save();
        journal.flush();
        assertThat(repo.findById(stored.id()).orElseThrow().content()).isEqualTo("line one\nline two edited\nline three\n");
        assertThat(journal.list()).isEmpty();
    }

    @Test
    void aDiscardedDraftIsRemovedAndOneLeftForLaterStays() throws Exception {
        journal.save(new DraftJournal.Draft("new-a", null, 0, "A", "a", java.time.Instant.now()));
        dialogs.restoreAnswer = dev.blogdesk.app.DialogService.RestoreChoice.LATER;
        vm.start();
        journal.flush();
        assertThat(journal.list()).hasSize(1);
        dialogs.restoreAnswer = dev.blogdesk.app.DialogService.RestoreChoice.DISCARD;
        vm.start();
        journal.flush();
        assertThat(journal.list()).isEmpty();
        assertThat(editor.openProperty().get()).isFalse();
    }

    @Test
    void aFailedSaveOffersRetryAndKeepsTheDraftOnDisk() {
        vm.requestNewPost();
        type("Offline", "precious");
        flaky.down = true;
        dialogs.chooseAnswers.add(dev.blogdesk.ui.editor.FailedSaveChoice.RETRY);
        editor.save();
        assertThat(dialogs.asked).containsExactly("choose:Could not save the post", "choose:Could not save the post");
        journal.flush();
        assertThat(journal.list()).singleElement().satisfies(d -> assertThat(d.content()).isEqualTo("precious"));
        assertThat(editor.contentProperty().get()).isEqualTo("precious");
    }

    @Test
    void aConflictCanBeComparedThenSavedAsACopy() {
        Post original = repo.create("Shared", "v1");
        vm.requestOpen(original.id());
        repo.update(original.withText("Shared", "theirs"));
        editor.contentProperty().set("mine");
        dialogs.chooseAnswers.addAll(java.util.List.of(dev.blogdesk.ui.editor.ConflictChoice.COMPARE, dev.blogdesk.ui.editor.ConflictChoice.SAVE_AS_COPY));
        editor.save();

        assertThat(dialogs.asked).contains("compare:4:" + ("# Shared\n\ntheirs").length());
        assertThat(repo.findById(original.id()).orElseThrow().content()).isEqualTo("theirs");
        Post copy = repo.findById(editor.currentIdProperty().get()).orElseThrow();
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.title()).isEqualTo("Shared (my version)");
        assertThat(copy.content()).isEqualTo("mine");
    }

    @Test
    void aDeleteCanBeUndoneWithEveryFieldBack() {
        org.bson.types.ObjectId id = new org.bson.types.ObjectId();
        repo.insert(new org.bson.Document("_id", id).append("title", "Tagged").append("content", "x")
                .append("date_posted", new java.util.Date(0)).append("tags", java.util.List.of("a", "b")).append("version", 3L));
        vm.postList().refresh();
        vm.requestOpen(id.toHexString());
        dialogs.deleteAnswer = true;
        editor.delete();
        assertThat(repo.findById(id.toHexString())).isEmpty();
        assertThat(editor.undoableDeleteProperty().get()).isNotNull();

        editor.undoDelete();
        org.bson.Document back = repo.document(id.toHexString()).orElseThrow();
        assertThat(back.getList("tags", String.class)).containsExactly("a", "b");
        assertThat(back.get("version")).isEqualTo(3L);
        assertThat(editor.currentIdProperty().get()).isEqualTo(id.toHexString());
        assertThat(editor.undoableDeleteProperty().get()).isNull();
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Tagged");
    }

    @Test
    void exportWritesMarkdownWithFrontMatterAndAStandaloneHtmlPage(@TempDir Path out) throws Exception {
        Post post = repo.create("Export \"me\"", "# Hi\n\n<script>x</script>\n\n**bold**");
        vm.requestOpen(post.id());
        vm.exporter().exportMarkdown(out.resolve("p.md"));
        vm.exporter().exportHtml(out.resolve("p.html"));
        assertThat(java.nio.file.Files.readString(out.resolve("p.md")))
                .startsWith("---\ntitle: \"Export \\\"me\\\"\"\ndate: ").endsWith("---\n\n# Hi\n\n<script>x</script>\n\n**bold**");
        String html = java.nio.file.Files.readString(out.resolve("p.html"));
        assertThat(html).contains("<strong>bold</strong>").contains("<style>").doesNotContain("<script>x");
    }

    @Test
    void theStatusBarCountsWords() {
        vm.requestNewPost();
        type("T", "one two three four");
        assertThat(editor.statsProperty().get()).isEqualTo("4 words · 1 min read");
        type("T", "one");
        assertThat(editor.statsProperty().get()).isEqualTo("1 word · 1 min read");
    }
}
