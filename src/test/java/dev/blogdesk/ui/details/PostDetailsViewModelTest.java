package dev.blogdesk.ui.details;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostDetails;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.InMemoryPostRepository;
import dev.blogdesk.testing.ScriptedDialogs;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.main.MainViewModel;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags, slug, excerpt, author and date: edited in the panel, saved with the post, on an in-memory repository. */
class PostDetailsViewModelTest {

    final InMemoryPostRepository repo = new InMemoryPostRepository();
    @TempDir
    Path journalDir;
    DraftJournal journal;
    MainViewModel vm;
    EditorViewModel editor;
    PostDetailsViewModel details;

    @BeforeEach
    void setUp() {
        journal = new DraftJournal(journalDir);
        vm = new MainViewModel(repo, new DirectTaskExecutor(), new ScriptedDialogs(), Debouncer.immediate(),
                Debouncer.immediate(), journal, "test store");
        vm.defaultAuthorProperty().set("Ada Lovelace");
        editor = vm.editor();
        details = vm.details();
        vm.start();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private Document stored() {
        return repo.document(editor.currentIdProperty().get()).orElseThrow();
    }

    @Test
    void aNewPostGetsTheDefaultAuthorAndASlugThatFollowsItsTitleUntilTyped() {
        vm.requestNewPost();
        assertThat(details.authorProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(editor.isDirty()).as("the default author is not an edit").isFalse();
        editor.titleProperty().set("Crème brûlée & Straße: a 2nd try!");
        assertThat(details.slugProperty().get()).isEqualTo("creme-brulee-and-strasse-a-2nd-try");

        details.slugProperty().set("My Own Slug");
        editor.titleProperty().set("A new title");
        assertThat(details.slugProperty().get()).as("typed by the user: kept").isEqualTo("My Own Slug");
        editor.save();
        assertThat(stored().getString(PostSchema.SLUG)).isEqualTo("my-own-slug");
        assertThat(stored().getString(PostSchema.AUTHOR)).isEqualTo("Ada Lovelace");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aSlugAnotherPostHasIsMadeUniqueAndTheUserIsTold() {
        repo.create(Post.unsaved("Hello", "x").withDetails(new PostDetails(List.of(), "hello", "", ""), null));
        vm.requestNewPost();
        editor.titleProperty().set("Hello");
        editor.save();
        assertThat(stored().getString(PostSchema.SLUG)).isEqualTo("hello-2");
        assertThat(details.slugProperty().get()).isEqualTo("hello-2");
        assertThat(details.noteProperty().get()).contains("hello").contains("hello-2");
    }

    @Test
    void tagsAreAddedOnceWithCompletionFromTheTagsInUseAndClickingOneListsItsPosts() {
        repo.create(Post.unsaved("Old", "x").withDetails(new PostDetails(List.of("Java", "JavaFX", "MongoDB"), "", "", ""), null));
        vm.requestNewPost();
        editor.titleProperty().set("New");
        assertThat(details.completions("jav")).containsExactly("Java", "JavaFX");
        details.addTag("java"); // the spelling in use wins
        details.addTag("  JAVA ");
        details.addTag("travel");
        assertThat(details.tags()).containsExactly("Java", "travel");
        assertThat(details.completions("jav")).containsExactly("JavaFX");
        details.removeTag("travel");
        editor.save();
        assertThat(stored().getList(PostSchema.TAGS, String.class)).containsExactly("Java");
        assertThat(editor.isDirty()).isFalse();

        details.tagClicked("Java");
        assertThat(vm.search().textProperty().get()).isEqualTo("tag:Java");
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactlyInAnyOrder("Old", "New");
        details.tagClicked("MongoDB");
        assertThat(vm.postList().posts()).extracting(PostSummary::title).containsExactly("Old");
    }

    @Test
    void openingAPostWithoutDetailsChangesNothingAndADateChangeKeepsTheTimeOfDay() {
        Instant posted = Instant.parse("2019-06-01T08:30:00Z");
        ObjectId id = new ObjectId();
        repo.insert(new Document("_id", id).append("title", "From Flask").append("content", "old")
                .append("date_posted", Date.from(posted)));
        editor.open(id.toHexString());
        assertThat(editor.isDirty()).as("opening a post never edits it").isFalse();
        assertThat(details.authorProperty().get()).as("only new posts get the default author").isEmpty();
        ZoneId zone = ZoneId.systemDefault();
        assertThat(details.dateProperty().get()).isEqualTo(posted.atZone(zone).toLocalDate());

        LocalDate earlier = LocalDate.of(2018, 12, 24);
        details.dateProperty().set(earlier);
        details.excerptProperty().set("A short summary.");
        assertThat(editor.isDirty()).isTrue();
        editor.save();
        Instant saved = stored().getDate(PostSchema.DATE_POSTED).toInstant();
        assertThat(saved).isEqualTo(ZonedDateTime.of(earlier, posted.atZone(zone).toLocalTime(), zone).toInstant());
        assertThat(stored().getString(PostSchema.EXCERPT)).isEqualTo("A short summary.");
        assertThat(stored().getString(PostSchema.SLUG)).as("a slug from the title at the first save").isEqualTo("from-flask");
        assertThat(stored().containsKey(PostSchema.TAGS)).as("no empty fields added").isFalse();
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void anImportedPostNobodyHasEditedSaysWhenItWasImportedUntilItIsSaved() {
        ObjectId id = new ObjectId();
        Instant imported = Instant.parse("2026-11-30T09:15:00Z");
        repo.insert(new Document("_id", id).append("title", "Old post").append("content", "from SQLite")
                .append("date_posted", Date.from(Instant.parse("2015-01-01T00:00:00Z"))).append("updated_at", Date.from(imported))
                .append("version", 1L).append("legacy", new Document("source", "blog.db").append("table", "post").append("id", 7)));
        editor.open(id.toHexString());
        assertThat(editor.lastSavedProperty().get()).isEqualTo("Imported " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").format(imported.atZone(ZoneId.systemDefault())));

        editor.contentProperty().set("from SQLite, edited");
        editor.save();
        assertThat(editor.lastSavedProperty().get()).startsWith("Last saved ");
        editor.open(id.toHexString());
        assertThat(editor.lastSavedProperty().get()).as("edited since the import").startsWith("Last saved ");
    }
}
