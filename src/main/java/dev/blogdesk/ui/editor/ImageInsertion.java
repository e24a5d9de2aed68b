package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.store.ImageType;
import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Images into the open post: pasted (Ctrl+V), dropped on the editor, or chosen with Insert Image…
 * (Ctrl+Shift+G). The image is checked (an image by its bytes, at most 16 MB), stored in GridFS
 * ({@link PostImages}, once per content) off the FX thread, and {@code ![alt](/uploads/<file>)} goes in
 * at the caret. Anything else gets one sentence and changes nothing.
 */
public final class ImageInsertion {

    private final EditorViewModel editor;
    private final PostImages images;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Supplier<String> prefix;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private Consumer<String> insertAtCaret = markdown -> { };
    private java.util.function.BiConsumer<String, byte[]> onStored = (name, bytes) -> { };

    /**
     * @param images null when the store keeps no images (then inserting says so)
     * @param prefix the image URL prefix from Settings ({@code /uploads/} by default)
     */
    public ImageInsertion(EditorViewModel editor, PostImages images, TaskExecutor executor, DialogService dialogs,
                          Supplier<String> prefix) {
        this.editor = editor;
        this.images = images;
        this.executor = executor;
        this.dialogs = dialogs;
        this.prefix = prefix;
    }

    /** Hears each image as it is stored, with its bytes, off the FX thread and while the store writes (the preview keeps them). */
    public void setOnStored(java.util.function.BiConsumer<String, byte[]> onStored) {
        this.onStored = onStored;
    }

    /** The editor view puts the Markdown in at the caret. */
    /**
     * What goes in at {@code caret} of {@code text} for an image's Markdown: the image as a paragraph of
     * its own, with a blank line before and after it. Images written one after another would otherwise
     * join one paragraph, and the preview would redraw, and decode on the FX thread, every picture in it
     * for each new one.
     */
    public static String asParagraph(String text, int caret, String markdown) {
        String before = caret == 0 || text.startsWith("\n\n", caret - 2) || caret == 1 && text.charAt(0) == '\n' ? ""
                : text.charAt(caret - 1) == '\n' ? "\n" : "\n\n";
        String after = text.startsWith("\n\n", caret) ? "" : text.startsWith("\n", caret) ? "\n" : "\n\n";
        return before + markdown + after;
    }

    public void setInsertAtCaret(Consumer<String> insertAtCaret) {
        this.insertAtCaret = insertAtCaret;
    }

    /** A dropped or chosen file; one over 16 MB is offered as a smaller copy. */
    public void insertFile(Path file) {
        String name = file.getFileName() == null ? "image" : file.getFileName().toString();
        store(() -> read(file, name), altOf(name), name, tooLarge -> offerSmallerCopy(file, name, tooLarge));
    }

    /** What to do with a photo over the limit: a typed answer, never a button label. */
    enum LargeImageChoice { SMALLER_COPY, CANCEL }

    private void offerSmallerCopy(Path file, String name, TooLargeException tooLarge) {
        var answer = dialogs.choose("Image too large", tooLarge.getMessage() + " Insert a smaller copy instead (at most "
                        + String.format("%,d", SmallerCopy.MAX_EDGE) + " pixels on its long side, as JPEG unless it has "
                        + "transparency)? The file itself is not changed.",
                java.util.List.of(new DialogService.Choice<>(LargeImageChoice.SMALLER_COPY, "Insert a Smaller Copy"),
                        new DialogService.Choice<>(LargeImageChoice.CANCEL, "Cancel")));
        if (answer.orElse(LargeImageChoice.CANCEL) == LargeImageChoice.SMALLER_COPY) {
            store(() -> SmallerCopy.of(file, name), altOf(name), name, other -> showFailure(other));
        } else {
            editor.showStatus("Image not inserted: " + tooLarge.getMessage());
        }
    }

    /** A pasted image; {@code png} encodes it (off the FX thread). */
    public void insertImage(Callable<byte[]> png) {
        store(png, "image", "The pasted image", this::showFailure);
    }

    private void showFailure(Throwable failure) {
        editor.showStatus("Image not inserted: " + failure.getMessage());
        dialogs.showError("Image not inserted", failure.getMessage());
    }

    /** A file over the limit, refused before it is read whole. */
    static final class TooLargeException extends StoreException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private void store(Callable<byte[]> bytes, String alt, String what, Consumer<TooLargeException> whenTooLarge) {
        if (!editor.openProperty().get()) {
            return;
        }
        if (images == null) {
            dialogs.showError("Image not inserted", "This store keeps no images; open the embedded store or a MongoDB server.");
            return;
        }
        working.set(true);
        editor.showStatus("Storing the image…");
        executor.execute(() -> {
            byte[] data = bytes.call();
            ImageType type = ImageType.sniff(data);
            if (type == null) {
                throw new StoreException(what + " is not an image BlogDesk can show (PNG, JPEG, GIF, WebP or SVG); "
                        + "choose an image file instead.");
            }
            // The preview's copy is made on the other core while the store writes: each takes ~150 ms for 5 MB.
            String filename = PostImages.nameFor(data, type);
            CompletableFuture<Void> copied = CompletableFuture.runAsync(() -> onStored.accept(filename, data));
            PostImages.Stored stored = images.put(data, type.contentType());
            try {
                copied.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return new Inserted("![" + alt + "](" + prefix.get() + stored.filename() + ")", stored.added());
        }, inserted -> {
            working.set(false);
            insertAtCaret.accept(inserted.markdown());
            editor.showStatus(inserted.added() ? "Image stored and inserted." : "Image inserted (it was stored already).");
        }, failure -> {
            working.set(false);
            if (failure instanceof TooLargeException tooLarge) {
                whenTooLarge.accept(tooLarge);
            } else {
                showFailure(failure);
            }
        });
    }

    private record Inserted(String markdown, boolean added) {
    }

    /** The file's bytes, refusing a file over the limit before reading it whole. */
    private static byte[] read(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size > PostImages.MAX_BYTES) {
            throw new TooLargeException("“" + name + "” is " + PostImages.megabytes(size) + " MB; BlogDesk keeps images up to 16 MB.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /** "holiday-photo.jpg" → "holiday photo": the alt text a reader (and a screen reader) gets. */
    static String altOf(String filename) {
        String base = filename.replaceAll("\\.[A-Za-z0-9]+$", "").replaceAll("[-_]+", " ").strip();
        return base.isEmpty() ? "image" : base.replaceAll("[\\[\\]]", "");
    }

    /** True while an image is being stored. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
