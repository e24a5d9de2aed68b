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
    private PreviewRenderer renderer;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private dev.blogdesk.store.PostImages images;
    private java.util.function.Supplier<String> imagePrefix = () -> "/uploads/";

    public PostExporter(EditorViewModel editor, PreviewRenderer renderer, TaskExecutor executor, DialogService dialogs) {
        this.editor = editor;
        this.renderer = renderer;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Markdown export writes the post's stored images beside the file (HTML export embeds them). */
    public void useImages(dev.blogdesk.store.PostImages store, java.util.function.Supplier<String> prefix) {
        this.images = store;
        this.imagePrefix = prefix;
        // Its own renderer: an exported page must carry its images inline, not point into the data folder.
        this.renderer = new PreviewRenderer(new dev.blogdesk.markdown.MarkdownRenderer());
        renderer.useImageSources(dev.blogdesk.app.LocalImages.asDataUris(store, prefix));
    }

    public void exportMarkdown(Path target) {
        dev.blogdesk.store.Post post = editor.asEdited();
        String prefix = imagePrefix.get();
        export(target, () -> {
            // Each stored image goes beside the .md, and its link becomes relative, so the file stands alone.
            String content = post.content();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\]\\(" + java.util.regex.Pattern.quote(prefix)
                    + "([0-9a-f]{64}\\.[a-z]+)\\)").matcher(content);
            while (images != null && link.find()) {
                String name = link.group(1);
                java.util.Optional<byte[]> bytes = images.read(name);
                if (bytes.isPresent()) {
                    Files.write(target.resolveSibling(name), bytes.get());
                    content = content.replace("](" + prefix + name + ")", "](" + name + ")");
                }
            }
            return markdown(post.title(), content, post.datePosted(), post.details(), post.status().value());
        });
    }

    public void exportHtml(Path target) {
        String title = editor.titleProperty().get();
        String content = editor.contentProperty().get();
        export(target, () -> renderer.render(title, content).toHtml(false));
    }

    /**
     * Front matter (title, date, status, and the details that are set: slug, author, tags, excerpt), the
     * form static site generators read, then the Markdown as written.
     */
    static String markdown(String title, String content, Instant datePosted, dev.blogdesk.store.PostDetails details,
                           String status) {
        StringBuilder front = new StringBuilder("---\ntitle: ").append(quoted(title)).append('\n');
        if (datePosted != null) {
            front.append("date: ").append(datePosted).append('\n');
        }
        front.append("status: ").append(status).append('\n');
        if (!details.slug().isEmpty()) {
            front.append("slug: ").append(quoted(details.slug())).append('\n');
        }
        if (!details.author().isEmpty()) {
            front.append("author: ").append(quoted(details.author())).append('\n');
        }
        if (!details.tags().isEmpty()) {
            front.append("tags: [").append(String.join(", ", details.tags().stream().map(PostExporter::quoted).toList()))
                    .append("]\n");
        }
        if (!details.excerpt().isEmpty()) {
            front.append("excerpt: ").append(quoted(details.excerpt())).append('\n');
        }
        return front.append("---\n\n").append(content).toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private void export(Path target, Callable<String> text) {
        executor.execute(() -> {
            Files.writeString(target, text.call(), StandardCharsets.UTF_8);
            return target;
        }, done -> editor.showStatus("Exported to " + done + "."),
                failure -> dialogs.showError("Could not export the post", failure.getMessage()));
    }
}
