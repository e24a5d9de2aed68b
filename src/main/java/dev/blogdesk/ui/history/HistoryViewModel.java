package dev.blogdesk.ui.history;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.app.TextDiff;
import dev.blogdesk.store.Revision;
import dev.blogdesk.store.RevisionText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The history panel (Ctrl+Shift+H): the open post's revisions, newest first, each with its time,
 * what wrote it and the words it added and removed. Selecting one shows its diff against the text in
 * the editor now; Restore hands it to the editor as unsaved changes. Reads run off the FX thread.
 */
public final class HistoryViewModel {

    /** Where revisions come from: the store's {@code post_revisions}, or a fake in tests. */
    public interface Source {
        List<Revision> list(String postId);

        Optional<RevisionText> read(String revisionId);
    }

    /** One line of the list. */
    public record Entry(Revision revision) {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        /** Two lines: when and what wrote it; then the version and the words added and removed. */
        public String label() {
            String when = revision.savedAt() == null ? "undated" : WHEN.format(revision.savedAt().atZone(ZoneId.systemDefault()));
            String origin = revision.origin() == null ? "" : " (" + revision.origin() + ")";
            return when + " · " + revision.source().label() + origin + "\nv" + revision.version()
                    + " · +" + revision.wordsAdded() + " −" + revision.wordsRemoved() + " words";
        }
    }

    private final Source source;
    private final TaskExecutor executor;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper restorable = new ReadOnlyBooleanWrapper();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private ObservableValue<String> postId;
    private Supplier<String> currentText = () -> "";
    private Predicate<RevisionText> restorer = r -> false;
    private RevisionText shown;
    /** Answers to older requests are dropped: the user moved on. */
    private long generation;

    public HistoryViewModel(Source source, TaskExecutor executor) {
        this.source = source;
        this.executor = executor;
        selected.addListener((o, was, now) -> load(now));
        visible.addListener((o, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /**
     * Follows the open post ({@code postId}); {@code saves} changes at each save or move, and
     * {@code text} is the editor's title and text now, which a diff compares against.
     */
    public void follow(ObservableValue<String> postId, ObservableValue<?> saves, Supplier<String> text) {
        this.postId = postId;
        this.currentText = text;
        postId.addListener((o, was, now) -> refreshIfShown());
        saves.addListener((o, was, now) -> refreshIfShown());
    }

    /** Restore hands the revision to {@code restorer}; it returns whether the editor took it. */
    public void restoreWith(Predicate<RevisionText> restorer) {
        this.restorer = restorer;
    }

    private void refreshIfShown() {
        if (visible.get()) {
            refresh();
        }
    }

    /** Reloads the list for the open post. */
    public void refresh() {
        String id = postId == null ? null : postId.getValue();
        long asked = ++generation;
        shown = null;
        restorable.set(false);
        diff.set("");
        if (id == null) {
            entries.clear();
            message.set("Open a saved post to see its history.");
            return;
        }
        message.set("Loading the history…");
        executor.execute(() -> source.list(id), list -> {
            if (asked != generation) {
                return;
            }
            entries.setAll(list.stream().map(Entry::new).toList());
            message.set(list.isEmpty() ? "No revisions yet: the next save adds the first."
                    : list.size() + (list.size() == 1 ? " revision" : " revisions") + ". Select one to compare it with the editor.");
        }, failure -> message.set("Could not read the history: " + failure.getMessage()));
    }

    private void load(Entry entry) {
        long asked = ++generation;
        shown = null;
        restorable.set(false);
        if (entry == null) {
            diff.set("");
            return;
        }
        String now = currentText.get();
        executor.execute(() -> {
            Optional<RevisionText> text = source.read(entry.revision().id());
            return text.map(t -> new Loaded(t, TextDiff.describe("this revision", t.title() + "\n\n" + t.content(),
                    "the editor now", now, "This revision is the same as the text in the editor.")));
        }, loaded -> {
            if (asked != generation) {
                return;
            }
            if (loaded.isEmpty()) {
                diff.set("");
                message.set("That revision is no longer in the store.");
                return;
            }
            shown = loaded.get().text();
            diff.set(loaded.get().diff());
            restorable.set(true);
            message.set("Lines starting with - are in this revision, + in the editor now. Restore puts the revision in the editor.");
        }, failure -> {
            if (asked == generation) {
                diff.set("");
                message.set(failure.getMessage());
            }
        });
    }

    private record Loaded(RevisionText text, String diff) {
    }

    /** Puts the selected revision into the editor as unsaved changes (Ctrl+Z in the editor takes it back). */
    public void restore() {
        if (shown != null && restorer.test(shown)) {
            message.set("Restored into the editor; nothing is saved until you save.");
        }
    }

    public void toggle() {
        visible.set(!visible.get());
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }
}
