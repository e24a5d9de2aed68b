package dev.blogdesk.ui.editor;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.PreviewDocument;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.store.DeletedPost;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.VersionConflictException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The open post: its title and Markdown, whether they differ from what is stored, the rendered
 * preview, and the commands save, delete (with undo), new and open. Store calls and rendering run
 * through the {@link TaskExecutor}; questions go through the {@link DialogService}. Every change is
 * written to the {@link DraftJournal} about a second after typing stops, so a crash loses nothing.
 */
public final class EditorViewModel {

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final PreviewScheduler previews;
    private final SaveConflicts conflicts;
    private final PostPublishing publishing;
    private final PostDeletion deletion;
    private final RevisionRestore restoring = new RevisionRestore(this);

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty content = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Post> stored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSaved = new ReadOnlyStringWrapper("");
    // What the editor text is compared against to know whether it is dirty.
    private final StringProperty baselineTitle = new SimpleStringProperty("");
    private final StringProperty baselineContent = new SimpleStringProperty("");
    private final BooleanBinding dirty;
    private DetailsSource details = DetailsSource.keepingStored();
    private final javafx.beans.property.BooleanProperty detailsDirty = new javafx.beans.property.SimpleBooleanProperty();

    private Consumer<Post> onSaved = p -> { };
    private Consumer<String> onDeleted = id -> { };
    private final DraftKeeper drafts;

    public EditorViewModel(PostRepository repository, TaskExecutor executor, DialogService dialogs,
                           Debouncer journalDebouncer, PreviewRenderer renderer, DraftJournal journal) {
        this.repository = repository;
        this.executor = executor;
        this.dialogs = dialogs;
        this.drafts = new DraftKeeper(journal, journalDebouncer);
        this.previews = new PreviewScheduler(renderer, executor, status::set);
        this.conflicts = new SaveConflicts(repository, executor, dialogs);
        dirty = Bindings.createBooleanBinding(
                () -> open.get() && (!Objects.equals(title.get(), baselineTitle.get())
                        || !Objects.equals(content.get(), baselineContent.get()) || detailsDirty.get()),
                open, title, content, baselineTitle, baselineContent, detailsDirty);
        title.addListener((o, a, b) -> textChanged());
        content.addListener((o, a, b) -> textChanged());
        publishing = new PostPublishing(this, repository, dialogs);
        deletion = new PostDeletion(this, repository, dialogs);
    }

    public PostPublishing publishing() {
        return publishing;
    }

    /** Restoring a revision from the history into the editor. */
    public RevisionRestore restoring() {
        return restoring;
    }

    /** The details panel: saved with the text, and unsaved details make the post dirty. */
    public void useDetails(DetailsSource source) {
        details = source;
        detailsDirty.bind(source.dirtyProperty());
    }

    public void setOnSaved(Consumer<Post> onSaved) {
        this.onSaved = onSaved;
    }

    public void setOnDeleted(Consumer<String> onDeleted) {
        this.onDeleted = onDeleted;
    }

    /** Starts a new, empty post (not stored until saved). */
    public void newPost() {
        setStored(null);
        details.show(null);
        drafts.keyForNewPost();
        setText("", "");
        open.set(true);
        lastSaved.set("");
        status.set("New post — give it a title, write, and press Ctrl+S to save.");
    }

    /** Loads the post with {@code id} from the store into the editor. */
    public void open(String id) {
        whileBusy(() -> repository.findById(id), found -> {
            if (found.isEmpty()) {
                status.set("That post no longer exists; it was deleted elsewhere.");
                return;
            }
            show(found.get());
            status.set("");
        }, failure -> {
            status.set("Could not open the post: " + failure.getMessage());
            dialogs.showError("Could not open the post", failure.getMessage());
        });
    }

    /** Reopens a post if it still exists (the one open at the last quit); says nothing if it is gone. */
    public void openQuietly(String id) {
        executor.execute(() -> repository.findById(id), found -> found.ifPresent(post -> {
            if (!open.get()) {
                show(post);
            }
        }), failure -> status.set("Could not reopen the last post: " + failure.getMessage()));
    }

    private void show(Post post) {
        restoring.reset();
        setStored(post);
        details.show(post);
        drafts.key(post.id());
        setText(post.title(), post.content());
        open.set(true);
        lastSaved.set(SavedTimes.of(post));
    }

    /**
     * Puts a recovered draft into the editor, over the stored post it was edited from (if that still
     * exists). The editor is dirty: nothing is saved until the user saves.
     */
    public void restore(DraftJournal.Draft draft, Optional<Post> storedPost) {
        if (storedPost.isPresent()) {
            show(storedPost.get());
            // Saving goes against the version the draft was edited from: if the post moved on, that is a conflict.
            Post base = storedPost.get();
            setStored(base.withVersion(draft.postId() != null ? draft.baseVersion() : base.version()));
        } else {
            setStored(null);
            details.show(null);
            open.set(true);
            setText("", "");
        }
        drafts.key(draft.key());
        title.set(draft.title());
        content.set(draft.content());
        status.set("Restored the unsaved draft from " + SavedTimes.time(draft.savedAt())
                + ". Save to keep it.");
    }

    /** Closes the editor without asking (callers ask first with {@link #runAfterConfirmingUnsaved}). */
    public void close() {
        setStored(null);
        details.show(null);
        drafts.key(null);
        setText("", "");
        open.set(false);
        lastSaved.set("");
    }

    public void save() {
        save(() -> { });
    }

    /** Saves, then runs {@code afterSuccess}; on failure the text stays in the editor and the journal. */
    public void save(Runnable afterSuccess) {
        if (!open.get() || busy.get()) {
            return;
        }
        String t = title.get();
        String c = content.get();
        if (t == null || t.isBlank()) {
            status.set("Not saved: a post needs a title.");
            dialogs.showError("Not saved", "A post needs a title. Type one above the text, then save again.");
            return;
        }
        Post current = stored.get();
        Post toSave = asEdited();
        DetailsSource from = details;
        writeDraftNow();
        whileBusy(() -> {
            Post unique = from.withUniqueSlug(toSave, repository);
            return current == null ? repository.create(unique) : repository.update(unique, restoring.sourceOfNextSave());
        }, saved -> savedOk(saved, afterSuccess),
                failure -> {
                    if (failure instanceof VersionConflictException) {
                        status.set("Not saved: the post was changed elsewhere.");
                        conflicts.resolve(toSave, write -> store(write, afterSuccess), mine -> {
                            drafts.discard();
                            open(mine.id());
                        });
                    } else {
                        status.set("Not saved: " + failure.getMessage());
                        if (conflicts.askAfterFailure(failure.getMessage()).orElse(null) == FailedSaveChoice.RETRY) {
                            save(afterSuccess);
                        }
                    }
                });
    }

    private void store(java.util.concurrent.Callable<Post> write, Runnable afterSuccess) {
        whileBusy(write, saved -> savedOk(saved, afterSuccess), failure -> {
            status.set("Not saved: " + failure.getMessage());
            dialogs.showError("Could not save the post", failure.getMessage() + "\n\nYour text is still in the editor.");
        });
    }

    private void savedOk(Post saved, Runnable afterSuccess) {
        restoring.reset();
        String oldKey = drafts.key();
        setStored(saved);
        details.saved(saved);
        drafts.key(saved.id());
        // The user may have typed while the save ran: only what was saved becomes the baseline.
        baselineTitle.set(saved.title());
        baselineContent.set(saved.content());
        // Typed during the save: the rest stays journaled (under the post's id once it has one).
        if (isDirty()) {
            writeDraftNow();
        }
        if (!isDirty() || !Objects.equals(oldKey, drafts.key())) {
            drafts.discard(oldKey);
        }
        String time = SavedTimes.now();
        status.set("Saved at " + time);
        lastSaved.set("Last saved " + time);
        onSaved.accept(saved);
        afterSuccess.run();
    }

    /** Asks for confirmation, then deletes the open post; {@link #undoDelete} brings it back. */
    public void delete() {
        deletion.delete();
    }

    /** Puts the last deleted post back, exactly as it was, and opens it. */
    public void undoDelete() {
        deletion.undoDelete();
    }

    /** The post's draft journal key and files ({@link PostDeletion}). */
    DraftKeeper drafts() {
        return drafts;
    }

    /** A post was deleted or brought back ({@link PostDeletion}): the list follows. */
    void deletedOrRestored(String id, String message) {
        status.set(message);
        onDeleted.accept(id);
    }

    Post stored() {
        return stored.get();
    }

    /** The stored post now moved to {@code moved.status()} ({@link PostPublishing}); the text is unchanged. */
    void moved(Post moved, String message) {
        setStored(moved);
        details.saved(moved);
        status.set(message);
        lastSaved.set("Last saved " + SavedTimes.now());
        onSaved.accept(moved);
    }

    /** Store work, with the editor busy (Save and Delete disabled) until it is done either way. */
    <T> void whileBusy(java.util.concurrent.Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        busy.set(true);
        executor.execute(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            failed.accept(failure);
        });
    }

    /**
     * Runs {@code action} at once when nothing is unsaved; otherwise asks: save first (and run it
     * once the save succeeded), discard, or cancel (then it never runs).
     *
     * @return false when the user cancelled
     */
    public boolean runAfterConfirmingUnsaved(Runnable action) {
        return UnsavedChanges.runAfterConfirming(this, dialogs, action);
    }

    private void setText(String newTitle, String newContent) {
        baselineTitle.set(newTitle);
        baselineContent.set(newContent);
        title.set(newTitle);
        content.set(newContent);
    }

    private void setStored(Post post) {
        stored.set(post);
        currentId.set(post == null ? null : post.id());
    }

    private void textChanged() {
        previews.schedule(title.get(), content.get());
        if (open.get()) {
            drafts.changed(this::writeDraftNow);
        }
    }

    /** Writes the draft now if there is unsaved text; otherwise removes a stale one. */
    private void writeDraftNow() {
        drafts.writeNow(isDirty(), stored.get(), title.get(), content.get());
    }

    /** The open post as it would be saved now: text, details, date, status (export writes this). */
    public Post asEdited() {
        Post current = stored.get();
        return (current == null ? Post.unsaved(title.get(), content.get()) : current.withText(title.get(), content.get()))
                .withDetails(details.current(), details.date());
    }

    /** Says {@code message} in the status bar (for the editor's helpers, such as export). */
    void showStatus(String message) {
        status.set(message);
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty contentProperty() {
        return content;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The post as stored (null for one never saved): its status, version and dates. */
    public ReadOnlyObjectProperty<Post> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentIdProperty() {
        return currentId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreviewDocument> previewProperty() {
        return previews.previewProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Word count and reading time of the open post. */
    public ReadOnlyStringProperty statsProperty() {
        return previews.statsProperty();
    }

    public ReadOnlyStringProperty lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    /** The post that {@link #undoDelete} would bring back, or null. */
    public ReadOnlyObjectProperty<DeletedPost> undoableDeleteProperty() {
        return deletion.undoableProperty();
    }
}
