package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.PreviewRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * File → Export Post: the open post as Markdown with front matter, or as one standalone, sanitized HTML
 * page with the preview's styles; written off the UI thread.
 */
public final class PostExporter {

    private final EditorViewModel editor;
    private final PreviewRenderer renderer;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    public PostExporter(EditorViewModel editor, PreviewRenderer renderer, TaskExecutor executor, DialogService dialogs) {
        this.editor = editor;
        this.renderer = renderer;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    public void exportMarkdown(Path target) {
        String text = markdown(editor.titleProperty().get(), editor.contentProperty().get(), editor.datePosted());
        export(target, () -> text);
    }

    public void exportHtml(Path target) {
        String title = editor.titleProperty().get();
        String content = editor.contentProperty().get();
        export(target, () -> renderer.render(title, content).toHtml(false));
    }

    /** Front matter (title, date), the form static site generators read, then the Markdown as written. */
    static String markdown(String title, String content, Instant datePosted) {
        String date = datePosted == null ? "" : "date: " + datePosted + "\n";
        return "---\ntitle: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n" + date + "---\n\n" + content;
    }

    private void export(Path target, Callable<String> text) {
        executor.execute(() -> {
            Files.writeString(target, text.call(), StandardCharsets.UTF_8);
            return target;
        }, done -> editor.showStatus("Exported to " + done + "."),
                failure -> dialogs.showError("Could not export the post", failure.getMessage()));
    }
}
