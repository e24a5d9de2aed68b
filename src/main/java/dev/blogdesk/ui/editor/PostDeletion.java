package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;
import dev.blogdesk.store.DeletedPost;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Delete Post (asked first) and Undo Delete for the editor's post: the deleted post is kept whole until undone. */
final class PostDeletion {

    private final EditorViewModel editor;
    private final PostRepository repository;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<DeletedPost> undoable = new ReadOnlyObjectWrapper<>();

    PostDeletion(EditorViewModel editor, PostRepository repository, DialogService dialogs) {
        this.editor = editor;
        this.repository = repository;
        this.dialogs = dialogs;
    }

    void delete() {
        if (!editor.openProperty().get() || editor.busyProperty().get()) {
            return;
        }
        Post current = editor.stored();
        String title = editor.titleProperty().get();
        if (current == null) {
            // Never stored: nothing to delete in the store, only the draft to throw away.
            if (!editor.isDirty() || dialogs.confirmDelete(title.isBlank() ? "this new post" : title)) {
                editor.drafts().discard();
                editor.close();
            }
            return;
        }
        if (!dialogs.confirmDelete(current.title())) {
            return;
        }
        String key = editor.drafts().key();
        editor.whileBusy(() -> repository.deleteForUndo(current.id()), deleted -> {
            editor.drafts().discard(key);
            editor.close();
            undoable.set(deleted.orElse(null));
            editor.deletedOrRestored(current.id(), "Deleted “" + current.title() + "”.");
        }, failure -> {
            editor.showStatus("Not deleted: " + failure.getMessage());
            dialogs.showError("Could not delete the post", failure.getMessage());
        });
    }

    void undoDelete() {
        DeletedPost deleted = undoable.get();
        if (deleted == null || editor.busyProperty().get()) {
            return;
        }
        editor.runAfterConfirmingUnsaved(() -> editor.whileBusy(() -> {
            repository.restore(deleted);
            return deleted;
        }, restored -> {
            undoable.set(null);
            editor.deletedOrRestored(restored.id(), "Restored “" + restored.title() + "”.");
            editor.open(restored.id());
        }, failure -> dialogs.showError("Could not restore the post", failure.getMessage())));
    }

    /** The post that {@link #undoDelete} would bring back, or null. */
    ReadOnlyObjectProperty<DeletedPost> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }
}
