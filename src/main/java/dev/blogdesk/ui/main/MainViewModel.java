package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.postlist.PostListViewModel;
import dev.blogdesk.ui.search.SearchViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import java.util.Objects;

/** The main window: post list + search + editor, and the rules that tie them together. */
public final class MainViewModel {

    private final PostListViewModel postList;
    private final SearchViewModel search;
    private final EditorViewModel editor;
    private final String storeDescription;
    private final StringBinding windowTitle;

    public MainViewModel(PostRepository repository, TaskExecutor executor, DialogService dialogs,
                         Debouncer searchDebouncer, Debouncer previewDebouncer, String storeDescription) {
        this.storeDescription = storeDescription;
        postList = new PostListViewModel(repository, executor);
        search = new SearchViewModel(postList, searchDebouncer);
        editor = new EditorViewModel(repository, executor, dialogs, previewDebouncer, new MarkdownRenderer());
        editor.setOnSaved(saved -> postList.refresh());
        editor.setOnDeleted(id -> postList.refresh());
        windowTitle = Bindings.createStringBinding(() -> {
            if (!editor.openProperty().get()) {
                return "BlogDesk";
            }
            String t = editor.titleProperty().get().isBlank() ? "Untitled post" : editor.titleProperty().get();
            return (editor.isDirty() ? "• " : "") + t + " — BlogDesk";
        }, editor.openProperty(), editor.titleProperty(), editor.dirtyProperty());
    }

    /** Loads the first page of the list. */
    public void start() {
        postList.show(search.textProperty().get());
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

    public String storeDescription() {
        return storeDescription;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }
}
