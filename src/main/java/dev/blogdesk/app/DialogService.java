package dev.blogdesk.app;

import java.util.List;
import java.util.Optional;

/** Questions the view models ask the user; the window answers them with dialogs, tests answer them directly. */
public interface DialogService {

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** The current post has unsaved changes: save them, throw them away, or stay. */
    UnsavedChoice askUnsavedChanges(String postTitle);

    boolean confirmDelete(String postTitle);

    /** Offers {@code choices} (first is the default) and returns the chosen one, or empty for cancel. */
    Optional<String> choose(String title, String message, List<String> choices);

    void showError(String title, String message);
}
