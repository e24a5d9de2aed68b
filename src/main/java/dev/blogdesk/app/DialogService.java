package dev.blogdesk.app;

import java.util.List;
import java.util.Optional;

/** Questions the view models ask the user; the window answers them with dialogs, tests answer them directly. */
public interface DialogService {

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    enum RestoreChoice { RESTORE, DISCARD, LATER }

    /** The current post has unsaved changes: save them, throw them away, or stay. */
    UnsavedChoice askUnsavedChanges(String postTitle);

    boolean confirmDelete(String postTitle);

    /** One answer to offer: the value the caller gets back, and the words on its button. */
    record Choice<T>(T value, String label) {
    }

    /**
     * Offers {@code choices} (first is the default) and returns the chosen value, or empty for cancel.
     * What the caller does depends on the value only, never on a label's wording.
     */
    <T> Optional<T> choose(String title, String message, List<Choice<T>> choices);

    void showError(String title, String message);

    /**
     * After a crash: an unsaved draft of {@code postTitle} was found. {@code differences} says what it
     * changed compared with the stored post (a unified diff, or a sentence when there is none).
     */
    RestoreChoice askRestoreDraft(String postTitle, String savedAt, String differences);

    /** Shows two versions of a post side by side: the user's and the stored one. */
    void showComparison(String title, String mine, String theirs);
}
