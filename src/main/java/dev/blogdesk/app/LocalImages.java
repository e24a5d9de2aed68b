package dev.blogdesk.app;

import dev.blogdesk.store.Folders;
import dev.blogdesk.store.ImageType;
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
            // The copy is named by the stored image's hash and by what it holds (a large PNG's copy is a JPEG).
            String hash = name.substring(0, name.indexOf('.'));
            for (ImageType type : ImageType.values()) {
                Path made = cacheDir.resolve(PREVIEW_PREFIX + hash + "." + type.extension());
                if (Files.exists(made)) {
                    return made.toUri().toString();
                }
            }
            byte[] shown = forPreview(name, bytes);
            ImageType type = ImageType.sniff(shown);
            Path file = cacheDir.resolve(PREVIEW_PREFIX + (type == null ? name : hash + "." + type.extension()));
            Files.createDirectories(cacheDir);
            // Whole or not at all: a half-written copy is never shown (the name says what it holds).
            Path part = Files.createTempFile(cacheDir, name, ".part");
            Files.write(part, shown);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(Folders.writeFailureMessage(cacheDir, e), e);
        }
    }

    /**
     * What the preview shows of an image: the stored bytes, or a copy at most {@value #PREVIEW_EDGE}
     * pixels on its long side for a larger PNG, JPEG or BMP. The WebView decodes a picture on the FX
     * thread, and a 5 MB PNG held it for 370 ms; the copy decodes in a few. GIFs (which may move), WebP
     * and SVG are shown as stored; export and the blog always get the stored image.
     */
    static byte[] forPreview(String name, byte[] bytes) {
        if (!(name.endsWith(".png") || name.endsWith(".jpg"))) {
            return bytes;
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null || Math.max(image.getWidth(), image.getHeight()) <= PREVIEW_EDGE) {
                return bytes;
            }
            return ImageScaling.encode(ImageScaling.scaled(image, PREVIEW_EDGE), 0.85f);
        } catch (IOException | RuntimeException e) {
            log.warn("Image {} shown at full size: a smaller copy could not be made ({})", name, e.getMessage());
            return bytes;
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
