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

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The open post: its title and Markdown, whether they differ from what is stored, the rendered
 * preview, and the commands save, delete (with undo), new and open. Store calls and rendering run
 * through the {@link TaskExecutor}; questions go through the {@link DialogService}. Every change is
 * written to the {@link DraftJournal} about a second after typing stops, so a crash loses nothing.
 */
public final class EditorViewModel {

    static final String OVERWRITE = "Overwrite with my version";
    static final String SAVE_AS_COPY = "Save mine as a new post";
    static final String SHOW_THEIRS = "Compare with the stored version";
    static final String LOAD_STORED = "Discard mine, load the stored version";
    static final String RETRY = "Try again";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Debouncer journalDebouncer;
    private final PreviewRenderer renderer;
    private final DraftJournal journal;

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty content = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Post> stored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<PreviewDocument> preview = new ReadOnlyObjectWrapper<>(PreviewDocument.EMPTY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSaved = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeletedPost> undoableDelete = new ReadOnlyObjectWrapper<>();
    // What the editor text is compared against to know whether it is dirty.
    private final StringProperty baselineTitle = new SimpleStringProperty("");
    private final StringProperty baselineContent = new SimpleStringProperty("");
    private final BooleanBinding dirty;

    private Consumer<Post> onSaved = p -> { };
    private Consumer<String> onDeleted = id -> { };
    private boolean renderInFlight;
    private boolean renderPending;
    private String draftKey;

    public EditorViewModel(PostRepository repository, TaskExecutor executor, DialogService dialogs,
                           Debouncer journalDebouncer, PreviewRenderer renderer, DraftJournal journal) {
        this.repository = repository;
        this.executor = executor;
        this.dialogs = dialogs;
        this.journalDebouncer = journalDebouncer;
        this.renderer = renderer;
        this.journal = journal;
        dirty = Bindings.createBooleanBinding(
                () -> open.get() && (!Objects.equals(title.get(), baselineTitle.get())
                        || !Objects.equals(content.get(), baselineContent.get())),
                open, title, content, baselineTitle, baselineContent);
        title.addListener((o, a, b) -> textChanged());
        content.addListener((o, a, b) -> textChanged());
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
        draftKey = "new-" + UUID.randomUUID();
        setText("", "");
        open.set(true);
        lastSaved.set("");
        status.set("New post — give it a title, write, and press Ctrl+S to save.");
    }

    /** Loads the post with {@code id} from the store into the editor. */
    public void open(String id) {
        busy.set(true);
        executor.execute(() -> repository.findById(id), found -> {
            busy.set(false);
            if (found.isEmpty()) {
                status.set("That post no longer exists; it was deleted elsewhere.");
                return;
            }
            show(found.get());
            status.set("");
        }, failure -> {
            busy.set(false);
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
        setStored(post);
        draftKey = post.id();
        setText(post.title(), post.content());
        open.set(true);
        lastSaved.set(post.updatedAt() == null ? "" : "Last saved " + TIME.format(post.updatedAt().atZone(java.time.ZoneId.systemDefault())));
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
            setStored(new Post(base.id(), base.title(), base.content(), base.datePosted(), base.updatedAt(),
                    draft.postId() != null ? draft.baseVersion() : base.version()));
        } else {
            setStored(null);
            open.set(true);
            setText("", "");
        }
        draftKey = draft.key();
        title.set(draft.title());
        content.set(draft.content());
        status.set("Restored the unsaved draft from " + TIME.format(draft.savedAt().atZone(java.time.ZoneId.systemDefault()))
                + ". Save to keep it.");
    }

    /** Closes the editor without asking (callers ask first with {@link #runAfterConfirmingUnsaved}). */
    public void close() {
        setStored(null);
        draftKey = null;
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
        busy.set(true);
        writeDraftNow();
        executor.execute(() -> current == null ? repository.create(t, c) : repository.update(current.withText(t, c)),
                saved -> savedOk(saved, afterSuccess),
                failure -> {
                    busy.set(false);
                    if (failure instanceof VersionConflictException) {
                        resolveConflict(current.withText(t, c), afterSuccess);
                    } else {
                        status.set("Not saved: " + failure.getMessage());
                        Optional<String> choice = dialogs.choose("Could not save the post", failure.getMessage()
                                + "\n\nYour text is still in the editor and in the local draft journal; nothing is lost.",
                                List.of(RETRY));
                        if (choice.isPresent()) {
                            save(afterSuccess);
                        }
                    }
                });
    }

    private void resolveConflict(Post mine, Runnable afterSuccess) {
        status.set("Not saved: the post was changed elsewhere.");
        Optional<String> choice = dialogs.choose("The post was changed elsewhere",
                "“" + mine.title() + "” was changed or deleted by someone else since you opened it.\n"
                        + "Your text is still in the editor.", List.of(OVERWRITE, SAVE_AS_COPY, SHOW_THEIRS, LOAD_STORED));
        if (choice.isEmpty()) {
            return;
        }
        switch (choice.get()) {
            case OVERWRITE -> store(() -> repository.overwrite(mine), afterSuccess);
            case SAVE_AS_COPY -> store(() -> repository.create(mine.title() + " (my version)", mine.content()), afterSuccess);
            case SHOW_THEIRS -> executor.execute(() -> repository.findById(mine.id()), theirs -> {
                dialogs.showComparison("“" + mine.title() + "”: your version and the stored one", mine.content(),
                        theirs.map(p -> "# " + p.title() + "\n\n" + p.content()).orElse("(The post was deleted.)"));
                resolveConflict(mine, afterSuccess);
            }, failure -> dialogs.showError("Could not load the stored version", failure.getMessage()));
            default -> {
                journal.deleteAsync(draftKey);
                open(mine.id());
            }
        }
    }

    private void store(java.util.concurrent.Callable<Post> write, Runnable afterSuccess) {
        busy.set(true);
        executor.execute(write, saved -> savedOk(saved, afterSuccess), failure -> {
            busy.set(false);
            status.set("Not saved: " + failure.getMessage());
            dialogs.showError("Could not save the post", failure.getMessage() + "\n\nYour text is still in the editor.");
        });
    }

    private void savedOk(Post saved, Runnable afterSuccess) {
        busy.set(false);
        String oldKey = draftKey;
        setStored(saved);
        draftKey = saved.id();
        // The user may have typed while the save ran: only what was saved becomes the baseline.
        baselineTitle.set(saved.title());
        baselineContent.set(saved.content());
        // Typed during the save: the rest stays journaled (under the post's id once it has one).
        if (isDirty()) {
            writeDraftNow();
        }
        if (!isDirty() || !Objects.equals(oldKey, draftKey)) {
            journal.deleteAsync(oldKey);
        }
        String time = LocalTime.now().format(TIME);
        status.set("Saved at " + time);
        lastSaved.set("Last saved " + time);
        onSaved.accept(saved);
        afterSuccess.run();
    }

    /** Asks for confirmation, then deletes the open post; {@link #undoDelete} brings it back. */
    public void delete() {
        if (!open.get() || busy.get()) {
            return;
        }
        Post current = stored.get();
        if (current == null) {
            // Never stored: nothing to delete in the store, only the draft to throw away.
            if (!isDirty() || dialogs.confirmDelete(title.get().isBlank() ? "this new post" : title.get())) {
                journal.deleteAsync(draftKey);
                close();
            }
            return;
        }
        if (!dialogs.confirmDelete(current.title())) {
            return;
        }
        busy.set(true);
        String key = draftKey;
        executor.execute(() -> repository.deleteForUndo(current.id()), deleted -> {
            busy.set(false);
            journal.deleteAsync(key);
            close();
            undoableDelete.set(deleted.orElse(null));
            status.set("Deleted “" + current.title() + "”.");
            onDeleted.accept(current.id());
        }, failure -> {
            busy.set(false);
            status.set("Not deleted: " + failure.getMessage());
            dialogs.showError("Could not delete the post", failure.getMessage());
        });
    }

    /** Puts the last deleted post back, exactly as it was, and opens it. */
    public void undoDelete() {
        DeletedPost deleted = undoableDelete.get();
        if (deleted == null || busy.get()) {
            return;
        }
        runAfterConfirmingUnsaved(() -> {
            busy.set(true);
            executor.execute(() -> {
                repository.restore(deleted);
                return deleted;
            }, restored -> {
                busy.set(false);
                undoableDelete.set(null);
                status.set("Restored “" + restored.title() + "”.");
                onDeleted.accept(restored.id());
                open(restored.id());
            }, failure -> {
                busy.set(false);
                dialogs.showError("Could not restore the post", failure.getMessage());
            });
        });
    }

    /**
     * Runs {@code action} at once when nothing is unsaved; otherwise asks: save first (and run it
     * once the save succeeded), discard, or cancel (then it never runs).
     *
     * @return false when the user cancelled
     */
    public boolean runAfterConfirmingUnsaved(Runnable action) {
        if (!isDirty()) {
            action.run();
            return true;
        }
        String name = title.get().isBlank() ? "Untitled post" : title.get();
        switch (dialogs.askUnsavedChanges(name)) {
            case SAVE -> {
                if (title.get().isBlank()) {
                    save();
                    return false;
                }
                save(action);
                return true;
            }
            case DISCARD -> {
                journal.deleteAsync(draftKey);
                action.run();
                return true;
            }
            default -> {
                return false;
            }
        }
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
        schedulePreview();
        if (open.get() && draftKey != null) {
            journalDebouncer.submit(this::writeDraftNow);
        }
    }

    /** Writes the draft now if there is unsaved text; otherwise removes a stale one. */
    private void writeDraftNow() {
        if (draftKey == null) {
            return;
        }
        if (isDirty()) {
            Post base = stored.get();
            journal.saveAsync(new DraftJournal.Draft(draftKey, base == null ? null : base.id(), base == null ? 0 : base.version(),
                    title.get(), content.get(), Instant.now()));
        } else {
            journal.deleteAsync(draftKey);
        }
    }

    /** Renders now if idle; while a render runs, further changes coalesce into one more render of the latest text. */
    private void schedulePreview() {
        if (renderInFlight) {
            renderPending = true;
            return;
        }
        renderInFlight = true;
        String t = title.get();
        String c = content.get();
        executor.execute(() -> renderer.render(t, c), doc -> {
            preview.set(doc);
            stats.set(String.format("%,d words · %d min read", doc.words(), doc.readingMinutes()));
            renderDone();
        }, failure -> {
            status.set("Preview failed: " + failure.getMessage());
            renderDone();
        });
    }

    private void renderDone() {
        renderInFlight = false;
        if (renderPending) {
            renderPending = false;
            schedulePreview();
        }
    }

    /** The open post as Markdown with front matter (title, date), the form static site generators read. */
    public void exportMarkdown(java.nio.file.Path target) {
        String text = exportedMarkdown();
        export(target, () -> text);
    }

    /** The open post as one standalone, sanitized HTML page with the preview's styles. */
    public void exportHtml(java.nio.file.Path target) {
        String t = title.get();
        String c = content.get();
        export(target, () -> renderer.render(t, c).toHtml(false));
    }

    String exportedMarkdown() {
        Post post = stored.get();
        String date = post == null || post.datePosted() == null ? "" : "date: " + post.datePosted() + "\n";
        return "---\ntitle: \"" + title.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n" + date + "---\n\n" + content.get();
    }

    private void export(java.nio.file.Path target, java.util.concurrent.Callable<String> text) {
        executor.execute(() -> {
            java.nio.file.Files.writeString(target, text.call(), java.nio.charset.StandardCharsets.UTF_8);
            return target;
        }, done -> status.set("Exported to " + done + "."),
                failure -> dialogs.showError("Could not export the post", failure.getMessage()));
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

    public ReadOnlyStringProperty currentIdProperty() {
        return currentId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreviewDocument> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Word count and reading time of the open post. */
    public ReadOnlyStringProperty statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    /** The post that {@link #undoDelete} would bring back, or null. */
    public ReadOnlyObjectProperty<DeletedPost> undoableDeleteProperty() {
        return undoableDelete.getReadOnlyProperty();
    }
}
