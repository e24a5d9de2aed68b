package dev.blogdesk.ui.editor;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.PreviewDocument;
import dev.blogdesk.markdown.PreviewRenderer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * Renders the open post's preview off the UI thread. While a render runs, further changes coalesce
 * into one more render of the latest text, so a fast typist never queues a render per keystroke.
 */
final class PreviewScheduler {

    private final PreviewRenderer renderer;
    private final TaskExecutor executor;
    private final Consumer<String> problem;
    private final ReadOnlyObjectWrapper<PreviewDocument> preview = new ReadOnlyObjectWrapper<>(PreviewDocument.EMPTY);
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
    private boolean inFlight;
    private String[] pending;

    /** @param problem hears a sentence when rendering failed */
    PreviewScheduler(PreviewRenderer renderer, TaskExecutor executor, Consumer<String> problem) {
        this.renderer = renderer;
        this.executor = executor;
        this.problem = problem;
    }

    /** Renders now if idle, else once the running render is done (only the latest text). */
    void schedule(String title, String content) {
        if (inFlight) {
            pending = new String[] {title, content};
            return;
        }
        inFlight = true;
        executor.execute(() -> renderer.render(title, content), doc -> {
            preview.set(doc);
            stats.set(String.format("%,d %s · %d min read", doc.words(), doc.words() == 1 ? "word" : "words", doc.readingMinutes()));
            done();
        }, failure -> {
            problem.accept("Preview failed: " + failure.getMessage());
            done();
        });
    }

    private void done() {
        inFlight = false;
        String[] next = pending;
        pending = null;
        if (next != null) {
            schedule(next[0], next[1]);
        }
    }

    ReadOnlyObjectProperty<PreviewDocument> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statsProperty() {
        return stats.getReadOnlyProperty();
    }
}
