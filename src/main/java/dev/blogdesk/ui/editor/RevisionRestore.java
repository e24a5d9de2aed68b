package dev.blogdesk.ui.editor;

import dev.blogdesk.store.Post;
import dev.blogdesk.store.RevisionSource;
import dev.blogdesk.store.RevisionText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Restoring a revision from the history: its title and text go into the editor as unsaved changes,
 * the text as one edit that Ctrl+Z takes back. Nothing is stored until the user saves; that save's
 * revision says it was a restore.
 */
public final class RevisionRestore {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EditorViewModel editor;
    /** Replaces the editor's text as one undoable edit; the view sets it (without a view: a plain set). */
    private Consumer<String> replaceText;
    private boolean restoredSinceSave;

    RevisionRestore(EditorViewModel editor) {
        this.editor = editor;
        this.replaceText = text -> editor.contentProperty().set(text);
    }

    /** How the editor view replaces the text so that undo brings the old text back. */
    public void replaceTextWith(Consumer<String> undoableReplace) {
        this.replaceText = undoableReplace;
    }

    /** Puts {@code revision} into the editor if it is a revision of the open post; says what happened. */
    public boolean restore(RevisionText revision) {
        Post stored = editor.stored();
        if (stored == null || !stored.id().equals(revision.revision().postId())) {
            editor.showStatus("That revision belongs to another post; open it first.");
            return false;
        }
        editor.titleProperty().set(revision.title());
        if (!revision.content().equals(editor.contentProperty().get())) {
            replaceText.accept(revision.content());
        }
        restoredSinceSave = true;
        String when = revision.revision().savedAt() == null ? "an earlier version"
                : "the version of " + WHEN.format(revision.revision().savedAt().atZone(ZoneId.systemDefault()));
        editor.showStatus("Restored " + when + " into the editor. Ctrl+Z takes it back; save to keep it.");
        return true;
    }

    /** What the next save's revision says it was. */
    RevisionSource sourceOfNextSave() {
        return restoredSinceSave ? RevisionSource.RESTORE : RevisionSource.SAVE;
    }

    /** A save landed, or another post was opened: later saves are ordinary ones again. */
    void reset() {
        restoredSinceSave = false;
    }
}
