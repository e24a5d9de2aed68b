package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;

/** The question before unsaved work would be left: save first, discard, or stay. */
final class UnsavedChanges {

    private UnsavedChanges() {
    }

    /**
     * Runs {@code action} at once when nothing is unsaved; otherwise asks: save first (and run it once
     * the save succeeded), discard, or cancel (then it never runs).
     *
     * @return false when the user cancelled
     */
    static boolean runAfterConfirming(EditorViewModel editor, DialogService dialogs, Runnable action) {
        if (!editor.isDirty()) {
            action.run();
            return true;
        }
        String title = editor.titleProperty().get();
        return switch (dialogs.askUnsavedChanges(title.isBlank() ? "Untitled post" : title)) {
            case SAVE -> {
                if (title.isBlank()) {
                    editor.save(); // says a title is needed; the action waits for the user
                    yield false;
                }
                editor.save(action);
                yield true;
            }
            case DISCARD -> {
                editor.drafts().discard();
                action.run();
                yield true;
            }
            case CANCEL -> false;
        };
    }
}
