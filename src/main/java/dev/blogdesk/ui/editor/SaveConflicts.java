package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What a failed save asks the user: after a version conflict, overwrite, keep both, compare first or
 * load the stored version; after any other failure, try again. The user's text is never dropped
 * unless they chose to load the stored version.
 */
final class SaveConflicts {

    private static final List<DialogService.Choice<ConflictChoice>> CONFLICT_CHOICES = List.of(
            new DialogService.Choice<>(ConflictChoice.OVERWRITE, "Overwrite with my version"),
            new DialogService.Choice<>(ConflictChoice.SAVE_AS_COPY, "Save mine as a new post"),
            new DialogService.Choice<>(ConflictChoice.COMPARE, "Compare with the stored version"),
            new DialogService.Choice<>(ConflictChoice.LOAD_STORED, "Discard mine, load the stored version"));
    private static final List<DialogService.Choice<FailedSaveChoice>> FAILED_SAVE_CHOICES = List.of(
            new DialogService.Choice<>(FailedSaveChoice.RETRY, "Try again"));

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    SaveConflicts(PostRepository repository, TaskExecutor executor, DialogService dialogs) {
        this.repository = repository;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /**
     * {@code mine} could not be saved: someone changed or deleted the post since it was opened.
     *
     * @param write      runs the write the user chose (overwrite, or a new post with their text)
     * @param loadStored the user gave up their text for the stored version
     */
    void resolve(Post mine, Consumer<Callable<Post>> write, Consumer<Post> loadStored) {
        Optional<ConflictChoice> choice = dialogs.choose("The post was changed elsewhere",
                "“" + mine.title() + "” was changed or deleted by someone else since you opened it.\n"
                        + "Your text is still in the editor.", CONFLICT_CHOICES);
        if (choice.isEmpty()) {
            return; // cancelled: the text stays in the editor, unsaved
        }
        switch (choice.get()) {
            case OVERWRITE -> write.accept(() -> repository.overwrite(mine));
            case SAVE_AS_COPY -> write.accept(() -> repository.create(mine.title() + " (my version)", mine.content()));
            case COMPARE -> executor.execute(() -> repository.findById(mine.id()), theirs -> {
                dialogs.showComparison("“" + mine.title() + "”: your version and the stored one", mine.content(),
                        theirs.map(p -> "# " + p.title() + "\n\n" + p.content()).orElse("(The post was deleted.)"));
                resolve(mine, write, loadStored);
            }, failure -> dialogs.showError("Could not load the stored version", failure.getMessage()));
            case LOAD_STORED -> loadStored.accept(mine);
        }
    }

    /** Any other failure: the text is safe; may we try again? */
    Optional<FailedSaveChoice> askAfterFailure(String reason) {
        return dialogs.choose("Could not save the post", reason
                + "\n\nYour text is still in the editor and in the local draft journal; nothing is lost.", FAILED_SAVE_CHOICES);
    }
}
