package dev.blogdesk.ui.postlist;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.store.PostImages;
import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The list's thumbnails: a post's first stored image, read and scaled down off the FX thread, then kept
 * (a few hundred small images) so scrolling back shows them at once.
 */
public final class Thumbnails {

    static final int SIZE = 44;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Thumbnails.class);
    private static final int KEPT = 400;

    private final Function<String, Optional<byte[]>> read;
    private final TaskExecutor executor;
    private final Map<String, Image> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEPT;
        }
    };

    public Thumbnails(Function<String, Optional<byte[]>> read, TaskExecutor executor) {
        this.read = read;
        this.executor = executor;
    }

    /** Thumbnails from the store's images. */
    public static Thumbnails of(PostImages images, TaskExecutor executor) {
        return new Thumbnails(images::read, executor);
    }

    /** No images: no thumbnails. */
    public static Thumbnails none(TaskExecutor executor) {
        return new Thumbnails(name -> Optional.empty(), executor);
    }

    /** Hands {@code show} the thumbnail of {@code filename}: at once if kept, else once read (never if missing). */
    void load(String filename, Consumer<Image> show) {
        Image known = kept.get(filename);
        if (known != null) {
            show.accept(known);
            return;
        }
        executor.execute(() -> read.apply(filename)
                        .map(bytes -> new Image(new ByteArrayInputStream(bytes), SIZE * 2, SIZE * 2, true, true)),
                image -> image.filter(i -> !i.isError()).ifPresent(i -> {
                    kept.put(filename, i);
                    show.accept(i);
                }),
                // A thumbnail that cannot be read is not shown; the post still is, and the log says why.
                failure -> log.info("Thumbnail {} not shown: {}", filename, failure.toString()));
    }
}
