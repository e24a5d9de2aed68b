package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.TextDiff;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.postlist.PostListViewModel;
import dev.blogdesk.ui.search.SearchViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The main window: post list + search + editor, and the rules that tie them together. */
public final class MainViewModel {

    private final PostListViewModel postList;
    private final SearchViewModel search;
    private final EditorViewModel editor;
    private final dev.blogdesk.ui.editor.PostExporter exporter;
    private final String storeDescription;
    private final StringBinding windowTitle;
    private final StringBinding statusText;
    private final javafx.beans.binding.BooleanBinding firstRun;
    private final javafx.beans.property.StringProperty siteUrl = new javafx.beans.property.SimpleStringProperty("");
    /** Says when the list hides the post just saved; cleared by the editor's next message. */
    private final javafx.beans.property.StringProperty listNote = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.StringProperty defaultAuthor = new javafx.beans.property.SimpleStringProperty("");
    private final dev.blogdesk.ui.details.PostDetailsViewModel details;
    private final PreviewRenderer renderer;
    private dev.blogdesk.ui.editor.ImageInsertion images;

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final DraftJournal journal;

    public MainViewModel(PostRepository repository, TaskExecutor executor, DialogService dialogs,
                         Debouncer searchDebouncer, Debouncer journalDebouncer, DraftJournal journal, String storeDescription) {
        this.repository = repository;
        this.executor = executor;
        this.dialogs = dialogs;
        this.journal = journal;
        this.storeDescription = storeDescription;
        postList = new PostListViewModel(repository, executor);
        search = new SearchViewModel(postList, searchDebouncer);
        renderer = new PreviewRenderer(new MarkdownRenderer());
        editor = new EditorViewModel(repository, executor, dialogs, journalDebouncer, renderer, journal);
        details = new dev.blogdesk.ui.details.PostDetailsViewModel(repository, executor, defaultAuthor::get,
                editor.titleProperty(), java.time.ZoneId.systemDefault());
        editor.useDetails(details);
        // Clicking a tag lists its posts: the search box says so, and Esc shows all again.
        details.setOnTagClicked(tag -> search.textProperty().set(dev.blogdesk.store.SearchQuery.tagFilter(tag)));
        exporter = new dev.blogdesk.ui.editor.PostExporter(editor, renderer, executor, dialogs);
        images = new dev.blogdesk.ui.editor.ImageInsertion(editor, null, executor, dialogs, () -> "/uploads/");
        editor.setOnSaved(saved -> postList.refreshShowing(saved.id(),
                why -> listNote.set("“" + saved.title() + "” is saved, but " + why + ".")));
        editor.statusProperty().addListener((o, was, now) -> listNote.set(""));
        editor.setOnDeleted(id -> postList.refresh());
        windowTitle = Bindings.createStringBinding(() -> {
            if (!editor.openProperty().get()) {
                return "BlogDesk";
            }
            String t = editor.titleProperty().get().isBlank() ? "Untitled post" : editor.titleProperty().get();
            return (editor.isDirty() ? "• " : "") + t + " — BlogDesk";
        }, editor.openProperty(), editor.titleProperty(), editor.dirtyProperty());
        // A list that cannot load says so first; otherwise what the editor last did.
        statusText = Bindings.createStringBinding(() -> {
            String error = postList.errorProperty().get();
            return !error.isEmpty() ? error : !listNote.get().isEmpty() ? listNote.get() : editor.statusProperty().get();
        }, postList.errorProperty(), editor.statusProperty(), listNote);
        firstRun = Bindings.createBooleanBinding(() -> postList.posts().isEmpty() && !postList.loadingProperty().get()
                        && postList.query().isBlank() && postList.importedFromProperty().get() == null
                        && postList.errorProperty().get().isEmpty(),
                postList.posts(), postList.loadingProperty(), postList.importedFromProperty(), postList.errorProperty());
    }

    /** The status bar's message. */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** No posts at all yet (not merely none matching): the empty editor welcomes instead of instructing. */
    public javafx.beans.binding.BooleanBinding firstRunProperty() {
        return firstRun;
    }

    public StringBinding welcomeTitleProperty() {
        return Bindings.when(firstRun).then("Welcome to BlogDesk").otherwise("No post open");
    }

    public StringBinding welcomeTextProperty() {
        return Bindings.when(firstRun)
                .then("Write your first post, or bring your old blog along: BlogDesk imports Flask and other SQLite blogs "
                        + "without losing a row, and keeps everything on your disk (or on your MongoDB server).")
                .otherwise("Select a post on the left, or start a new one.");
    }

    /**
     * Images go into {@code store} (GridFS {@code fs}) and link under {@code prefix}; the preview shows
     * them from there, offline too, through copies in {@code previewCache}.
     */
    public void useImages(dev.blogdesk.store.PostImages store, java.util.function.Supplier<String> prefix,
                          java.nio.file.Path previewCache) {
        images = new dev.blogdesk.ui.editor.ImageInsertion(editor, store, executor, dialogs, prefix);
        dev.blogdesk.app.LocalImages local = dev.blogdesk.app.LocalImages.asFiles(store, prefix, previewCache);
        images.setOnStored(local::stored); // the preview shows a new image without reading it back
        renderer.useImageSources(local);
        exporter.useImages(store, prefix);
    }

    /** Paste, drop and Insert Image…. */
    /** Spelling in the editor and the title (Settings chooses the language). */
    public void useSpelling(dev.blogdesk.ui.editor.SpellingViewModel spelling) {
        this.spelling = spelling;
    }

    public dev.blogdesk.ui.editor.SpellingViewModel spelling() {
        return spelling;
    }

    private dev.blogdesk.ui.editor.SpellingViewModel spelling;

    public dev.blogdesk.ui.editor.ImageInsertion images() {
        return images;
    }

    /** The author a new post starts with (Settings). */
    public javafx.beans.property.StringProperty defaultAuthorProperty() {
        return defaultAuthor;
    }

    /** The open post's tags, slug, excerpt, author and date. */
    public dev.blogdesk.ui.details.PostDetailsViewModel details() {
        return details;
    }

    /** The blog's public address: relative images and links in the preview resolve against it. */
    public javafx.beans.property.StringProperty siteUrlProperty() {
        return siteUrl;
    }

    /** Loads the first page of the list, then offers to restore drafts a crash left behind. */
    public void start() {
        start(null);
    }

    /** As {@link #start()}, and reopens {@code lastPostId} (the post open when BlogDesk last closed) if no draft is restored. */
    public void start(String lastPostId) {
        postList.show(search.textProperty().get());
        offerDraftRecovery(lastPostId);
    }

    private record Recovery(DraftJournal.Draft draft, Optional<Post> stored, String differences) {
    }

    /**
     * Every draft in the journal is offered: restore (into the editor; only one can be open, the
     * others are offered again next time), discard, or decide later. The diffs are built off the FX thread.
     */
    void offerDraftRecovery(String lastPostId) {
        executor.execute(() -> {
            List<Recovery> found = new ArrayList<>();
            for (DraftJournal.Draft d : journal.list()) {
                Optional<Post> post = d.postId() == null ? Optional.empty() : repository.findById(d.postId());
                String storedText = post.map(p -> p.title() + "\n\n" + p.content()).orElse("");
                String label = post.isPresent() ? "stored version" : d.postId() == null ? "(never saved)" : "(deleted since)";
                found.add(new Recovery(d, post, TextDiff.describe(label, storedText, "your draft", d.title() + "\n\n" + d.content())));
            }
            return found;
        }, found -> {
            boolean restored = false;
            for (Recovery r : found) {
                String name = r.draft().title().isBlank() ? "Untitled post" : r.draft().title();
                String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(r.draft().savedAt().atZone(java.time.ZoneId.systemDefault()));
                switch (dialogs.askRestoreDraft(name, when, r.differences())) {
                    case RESTORE -> {
                        if (!restored) {
                            editor.restore(r.draft(), r.stored());
                            restored = true;
                        }
                    }
                    case DISCARD -> journal.deleteAsync(r.draft().key());
                    case LATER -> { } // offered again at the next start
                }
            }
            if (!restored && lastPostId != null && !lastPostId.isBlank()) {
                editor.openQuietly(lastPostId);
            }
        }, failure -> dialogs.showError("Unsaved drafts could not be checked", failure.getMessage()
                + "\nThey are still in the drafts folder of the data folder."));
    }

    /**
     * The user picked a post in the list.
     *
     * @return false when they chose to stay on the current post (the list should select it again)
     */
    public boolean requestOpen(String id) {
        if (id == null || Objects.equals(id, editor.currentIdProperty().get())) {
            return true;
        }
        return editor.runAfterConfirmingUnsaved(() -> editor.open(id));
    }

    public boolean requestNewPost() {
        return editor.runAfterConfirmingUnsaved(editor::newPost);
    }

    /** Import asks about unsaved work first: a re-import may update the open post. */
    public boolean requestImport(Runnable openWizard) {
        return editor.runAfterConfirmingUnsaved(openWizard);
    }

    /** After an import: the list shows just the imported posts until the user searches or clears. */
    public void showImported(String source) {
        search.clear();
        postList.showImported(source);
    }

    /** The window is closing: runs {@code quit} once unsaved work is saved or knowingly discarded. */
    public boolean requestQuit(Runnable quit) {
        return editor.runAfterConfirmingUnsaved(quit);
    }

    public PostListViewModel postList() {
        return postList;
    }

    public SearchViewModel search() {
        return search;
    }

    public EditorViewModel editor() {
        return editor;
    }

    /** File → Export Post. */
    public dev.blogdesk.ui.editor.PostExporter exporter() {
        return exporter;
    }

    public String storeDescription() {
        return storeDescription;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }
}
