package dev.blogdesk.ui.editor;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewPage;
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

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The open post: its title and Markdown, whether they differ from what is stored, the rendered
 * preview, and the commands save, delete, new and open. Store calls and rendering run through the
 * {@link TaskExecutor}; questions go through the {@link DialogService}.
 */
public final class EditorViewModel {

    static final String OVERWRITE = "Overwrite with my version";
    static final String LOAD_STORED = "Discard mine, load the stored version";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Debouncer previewDebouncer;
    private final MarkdownRenderer renderer;

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty content = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Post> stored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper(PreviewPage.wrap("", ""));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    // What the editor text is compared against to know whether it is dirty.
    private final StringProperty baselineTitle = new SimpleStringProperty("");
    private final StringProperty baselineContent = new SimpleStringProperty("");
    private final BooleanBinding dirty;

    private Consumer<Post> onSaved = p -> { };
    private Consumer<String> onDeleted = id -> { };
    private long previewGeneration;

    public EditorViewModel(PostRepository repository, TaskExecutor executor, DialogService dialogs,
                           Debouncer previewDebouncer, MarkdownRenderer renderer) {
        this.repository = repository;
        this.executor = executor;
        this.dialogs = dialogs;
        this.previewDebouncer = previewDebouncer;
        this.renderer = renderer;
        dirty = Bindings.createBooleanBinding(
                () -> open.get() && (!Objects.equals(title.get(), baselineTitle.get())
                        || !Objects.equals(content.get(), baselineContent.get())),
                open, title, content, baselineTitle, baselineContent);
        title.addListener((o, a, b) -> schedulePreview());
        content.addListener((o, a, b) -> schedulePreview());
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
        setText("", "");
        open.set(true);
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
            setStored(found.get());
            setText(found.get().title(), found.get().content());
            open.set(true);
            status.set("");
        }, failure -> {
            busy.set(false);
            status.set("Could not open the post: " + failure.getMessage());
            dialogs.showError("Could not open the post", failure.getMessage());
        });
    }

    /** Closes the editor without asking (callers ask first with {@link #runAfterConfirmingUnsaved}). */
    public void close() {
        setStored(null);
        setText("", "");
        open.set(false);
    }

    public void save() {
        save(() -> { });
    }

    /** Saves, then runs {@code afterSuccess}; on failure the text stays in the editor and the user is told. */
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
        executor.execute(() -> current == null ? repository.create(t, c) : repository.update(current.withText(t, c)),
                saved -> savedOk(saved, afterSuccess),
                failure -> {
                    busy.set(false);
                    if (failure instanceof VersionConflictException) {
                        resolveConflict(current.withText(t, c), afterSuccess);
                    } else {
                        status.set("Not saved: " + failure.getMessage());
                        dialogs.showError("Could not save the post",
                                failure.getMessage() + "\n\nYour text is still in the editor. Try saving again.");
                    }
                });
    }

    private void resolveConflict(Post mine, Runnable afterSuccess) {
        status.set("Not saved: the post was changed elsewhere.");
        Optional<String> choice = dialogs.choose("The post was changed elsewhere",
                "“" + mine.title() + "” was changed or deleted by someone else since you opened it.\n"
                        + "Your text is still in the editor.", List.of(OVERWRITE, LOAD_STORED));
        if (choice.isEmpty()) {
            return;
        }
        if (choice.get().equals(OVERWRITE)) {
            busy.set(true);
            executor.execute(() -> repository.overwrite(mine), saved -> savedOk(saved, afterSuccess), failure -> {
                busy.set(false);
                status.set("Not saved: " + failure.getMessage());
                dialogs.showError("Could not save the post", failure.getMessage());
            });
        } else {
            open(mine.id());
        }
    }

    private void savedOk(Post saved, Runnable afterSuccess) {
        busy.set(false);
        setStored(saved);
        // The user may have typed while the save ran: only what was saved becomes the baseline.
        baselineTitle.set(saved.title());
        baselineContent.set(saved.content());
        status.set("Saved at " + LocalTime.now().format(TIME));
        onSaved.accept(saved);
        afterSuccess.run();
    }

    /** Asks for confirmation, then deletes the open post. */
    public void delete() {
        if (!open.get() || busy.get()) {
            return;
        }
        Post current = stored.get();
        if (current == null) {
            // Never stored: nothing to delete in the store, only the draft to throw away.
            if (!isDirty() || dialogs.confirmDelete(title.get().isBlank() ? "this new post" : title.get())) {
                close();
            }
            return;
        }
        if (!dialogs.confirmDelete(current.title())) {
            return;
        }
        busy.set(true);
        executor.execute(() -> repository.delete(current.id()), deleted -> {
            busy.set(false);
            close();
            status.set("Deleted “" + current.title() + "”.");
            onDeleted.accept(current.id());
        }, failure -> {
            busy.set(false);
            status.set("Not deleted: " + failure.getMessage());
            dialogs.showError("Could not delete the post", failure.getMessage());
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

    private void schedulePreview() {
        String t = title.get();
        String c = content.get();
        previewDebouncer.submit(() -> {
            long gen = ++previewGeneration;
            executor.execute(() -> PreviewPage.wrap(t, renderer.toSafeHtml(c)), html -> {
                if (gen == previewGeneration) {
                    previewHtml.set(html);
                }
            }, failure -> status.set("Preview failed: " + failure.getMessage()));
        });
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

    public ReadOnlyObjectProperty<Post> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentIdProperty() {
        return currentId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewHtmlProperty() {
        return previewHtml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
