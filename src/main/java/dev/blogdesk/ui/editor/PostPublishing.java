package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.VersionConflictException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/**
 * Publish and Unpublish (Ctrl+Shift+P) for the open post. A new post is a draft; publishing moves it
 * into {@code blogdb.posts}, where the Flask blog lists it. Unsaved text is saved first, so what goes
 * public is what the user sees.
 */
public final class PostPublishing {

    private final EditorViewModel editor;
    private final PostRepository repository;
    private final DialogService dialogs;
    private final StringBinding actionLabel;
    private final StringBinding badge;
    private final BooleanBinding disabled;

    PostPublishing(EditorViewModel editor, PostRepository repository, DialogService dialogs) {
        this.editor = editor;
        this.repository = repository;
        this.dialogs = dialogs;
        var stored = editor.storedProperty();
        actionLabel = Bindings.createStringBinding(() -> isDraft(stored.get()) ? "Publish" : "Unpublish", stored);
        badge = Bindings.createStringBinding(() -> !editor.openProperty().get() ? ""
                : isDraft(stored.get()) ? "Draft" : "Published", stored, editor.openProperty());
        disabled = editor.openProperty().not().or(editor.busyProperty());
    }

    private static boolean isDraft(Post post) {
        return post == null || post.isDraft();
    }

    /** Publishes a draft or unpublishes a published post, saving unsaved text first. */
    public void toggle() {
        if (disabled.get()) {
            return;
        }
        if (editor.storedProperty().get() == null || editor.isDirty()) {
            editor.save(this::moveStored);
        } else {
            moveStored();
        }
    }

    private void moveStored() {
        Post post = editor.storedProperty().get();
        if (post == null) {
            return;
        }
        boolean publishing = post.isDraft();
        editor.whileBusy(() -> publishing ? repository.publish(post) : repository.unpublish(post),
                moved -> editor.moved(moved, publishing
                        ? "Published: the blog lists “" + moved.title() + "” now."
                        : "Unpublished: “" + moved.title() + "” is a draft again; the blog no longer lists it."),
                failure -> {
                    String what = publishing ? "Not published" : "Not unpublished";
                    if (failure instanceof VersionConflictException) {
                        dialogs.showError(what, "The post was changed or moved elsewhere since you opened it. "
                                + "Open it again from the list, then try once more.");
                    } else {
                        dialogs.showError(what, failure.getMessage() + "\n\nThe post is unchanged.");
                    }
                    editor.showStatus(what + ": " + failure.getMessage());
                });
    }

    /** "Publish" for a draft (and a new post), "Unpublish" for a published post. */
    public StringBinding actionLabelProperty() {
        return actionLabel;
    }

    /** "Draft" or "Published" for the open post; empty when none is open. */
    public StringBinding badgeProperty() {
        return badge;
    }

    public BooleanBinding disabledProperty() {
        return disabled;
    }
}
