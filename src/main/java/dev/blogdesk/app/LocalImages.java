package dev.blogdesk.app;

import dev.blogdesk.store.Folders;
import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Stored images where a rendered post shows them, so they show offline: a {@code src} under the image
 * URL prefix ({@code /uploads/} by default) naming a stored image becomes either a file in a cache
 * folder of the data folder (the preview: the WebView loads it like any image, off the FX thread,
 * where a multi-megabyte data URI would be parsed on it) or a {@code data:} URI (HTML export, which
 * must stand alone). Images never change, so each is copied or encoded once. Called off the FX thread.
 */
public final class LocalImages implements UnaryOperator<String> {

    private static final Logger log = LoggerFactory.getLogger(LocalImages.class);
    private static final long BUDGET_CHARS = 64L * 1024 * 1024;
    /** The long side of the preview's copy of a large picture: wider than the preview pane on most screens. */
    static final int PREVIEW_EDGE = 800;
    /** The preview's copies are named apart from the stored images, so the two are never taken for each other. */
    private static final String PREVIEW_PREFIX = "preview-";
    /** What a preview copy may be: a stored image's own type (a large one's copy is an uncompressed PNG). */
    private static final java.util.List<String> COPY_EXTENSIONS = java.util.List.of("png", "jpg", "gif", "webp", "svg");

    private final PostImages images;
    private final Supplier<String> prefix;
    /** Where the preview's copies go; null: data URIs. */
    private final Path cacheDir;
    private long cachedChars;
    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true);

    private LocalImages(PostImages images, Supplier<String> prefix, Path cacheDir) {
        this.images = images;
        this.prefix = prefix;
        this.cacheDir = cacheDir;
    }

    /** For the preview: each image as a file in {@code cacheDir} (a folder of the data folder). */
    public static LocalImages asFiles(PostImages images, Supplier<String> prefix, Path cacheDir) {
        return new LocalImages(images, prefix, cacheDir);
    }

    /** For HTML export: each image inline, as a data URI. */
    public static LocalImages asDataUris(PostImages images, Supplier<String> prefix) {
        return new LocalImages(images, prefix, null);
    }

    /** The stored image's URL for {@code src} if it names one; otherwise {@code src} unchanged. */
    @Override
    public String apply(String src) {
        String at = prefix.get();
        if (src == null || !src.startsWith(at)) {
            return src;
        }
        String name = src.substring(at.length());
        // Only what the store names images (a SHA-256 and an extension): nothing a URL could smuggle in.
        if (!PostImages.isContentName(name)) {
            return src;
        }
        synchronized (cache) {
            String known = cache.get(name);
            if (known != null) {
                return known;
            }
        }
        try {
            return images.read(name).map(bytes -> remember(name, urlOf(name, bytes))).orElse(src);
        } catch (StoreException | UncheckedIOException e) {
            log.warn("Image {} not shown from the store: {}", name, e.getMessage());
            return src;
        }
    }

    /** An image just stored from these bytes: shown without reading it back. */
    public void stored(String filename, byte[] bytes) {
        if (PostImages.isContentName(filename)) {
            try {
                remember(filename, urlOf(filename, bytes));
            } catch (UncheckedIOException e) {
                log.warn("Image {} not copied for the preview: {}", filename, e.getMessage());
            }
        }
    }

    private String urlOf(String name, byte[] bytes) {
        if (cacheDir == null) {
            return "data:" + PostImages.contentTypeOf(name) + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
        try {
            // The copy is named by the stored image's hash and by what it holds (a large JPEG's copy is a PNG).
            String hash = name.substring(0, name.indexOf('.'));
            for (String extension : COPY_EXTENSIONS) {
                Path made = cacheDir.resolve(PREVIEW_PREFIX + hash + "." + extension);
                if (Files.exists(made)) {
                    return made.toUri().toString();
                }
            }
            ImageScaling.Encoded shown = forPreview(name, bytes);
            Path file = cacheDir.resolve(PREVIEW_PREFIX + hash + "." + shown.extension());
            Files.createDirectories(cacheDir);
            // Whole or not at all: a half-written copy is never shown (the name says what it holds).
            Path part = Files.createTempFile(cacheDir, name, ".part");
            Files.write(part, shown.bytes());
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(Folders.writeFailureMessage(cacheDir, e), e);
        }
    }

    /**
     * What the preview shows of an image: the stored bytes, or for a PNG or JPEG over {@value #PREVIEW_EDGE}
     * pixels on its long side a copy of that size that needs no decompressing (see
     * {@link ImageScaling#encodeForDecoding}). The WebView decodes a picture on the FX thread: a 5 MB PNG
     * held it for 370 ms, and even an 800-pixel JPEG copy for 15–37 ms; the uncompressed copy takes about
     * half of that. GIFs (which may move), WebP and SVG are shown as stored; export and the blog always get the
     * stored image.
     */
    static ImageScaling.Encoded forPreview(String name, byte[] bytes) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        ImageScaling.Encoded asStored = new ImageScaling.Encoded(bytes, extension);
        if (!(extension.equals("png") || extension.equals("jpg"))) {
            return asStored;
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null || Math.max(image.getWidth(), image.getHeight()) <= PREVIEW_EDGE) {
                return asStored;
            }
            return ImageScaling.encodeForDecoding(ImageScaling.scaled(image, PREVIEW_EDGE));
        } catch (IOException | RuntimeException e) {
            log.warn("Image {} shown at full size: a smaller copy could not be made ({})", name, e.getMessage());
            return asStored;
        }
    }

    private String remember(String name, String url) {
        synchronized (cache) {
            String was = cache.put(name, url);
            cachedChars += url.length() - (was == null ? 0 : was.length());
            var oldest = cache.entrySet().iterator();
            while (cachedChars > BUDGET_CHARS && oldest.hasNext()) {
                var e = oldest.next();
                if (e.getKey().equals(name)) {
                    break;
                }
                cachedChars -= e.getValue().length();
                oldest.remove();
            }
        }
        return url;
    }
}
