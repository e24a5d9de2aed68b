package dev.blogdesk.ui.outline;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.Outline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.IntConsumer;

/**
 * The outline panel: the open post's headings, the one whose section holds the caret, and a way to
 * jump to one. Headings are found off the FX thread; while one search runs, later edits wait for it
 * and only the newest text is searched next.
 */
public final class OutlineViewModel {

    private final TaskExecutor executor;
    private final ObservableList<Outline.Heading> headings = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private IntConsumer navigator = offset -> { };
    private ObservableValue<String> text;
    private boolean running;
    private boolean stale;
    private int caret;

    public OutlineViewModel(TaskExecutor executor) {
        this.executor = executor;
        visible.addListener((o, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** Follows the editor's text; {@code moveTo} puts the caret (and so the preview) at a source offset. */
    public void follow(ObservableValue<String> content, IntConsumer moveTo) {
        this.text = content;
        this.navigator = moveTo;
        content.addListener((o, was, now) -> {
            if (visible.get()) {
                refresh();
            }
        });
    }

    private void refresh() {
        if (text == null) {
            return;
        }
        if (running) {
            stale = true;
            return;
        }
        running = true;
        String source = text.getValue() == null ? "" : text.getValue();
        executor.execute(() -> Outline.of(source), found -> {
            running = false;
            headings.setAll(found);
            updateCurrent();
            if (stale) {
                stale = false;
                refresh();
            }
        }, failure -> running = false);
    }

    /** The caret moved to {@code offset}: the section it is in becomes the current one. */
    public void caretMoved(int offset) {
        caret = offset;
        updateCurrent();
    }

    private void updateCurrent() {
        int at = -1;
        for (int i = 0; i < headings.size() && headings.get(i).offset() <= caret; i++) {
            at = i;
        }
        current.set(at);
    }

    /** Moves the caret and the preview to the heading at {@code index}. */
    public void navigate(int index) {
        if (index >= 0 && index < headings.size()) {
            navigator.accept(headings.get(index).offset());
        }
    }

    public void toggle() {
        visible.set(!visible.get());
    }

    public ObservableList<Outline.Heading> headings() {
        return headings;
    }

    /** The index of the heading whose section holds the caret, or -1 (before the first heading). */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** For the view's list: the heading's text indented by its level. */
    public static String label(Outline.Heading h) {
        return "    ".repeat(Math.max(0, h.level() - 1)) + h.text();
    }

    /** What the panel says while the post has no headings. */
    public static final String EMPTY = "No headings yet: lines starting with # appear here.";
}
