package dev.blogdesk.app;

import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The preview's images from the local store, so they show offline: a {@code src} under the image URL
 * prefix ({@code /uploads/} by default) naming a stored image becomes a {@code data:} URI. Images never
 * change, so each is encoded once and kept while it fits the budget. Called off the FX thread.
 */
public final class LocalImages implements UnaryOperator<String> {

    private static final Logger log = LoggerFactory.getLogger(LocalImages.class);
    private static final long BUDGET_CHARS = 64L * 1024 * 1024;

    private final PostImages images;
    private final Supplier<String> prefix;
    private long cachedChars;
    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true);

    public LocalImages(PostImages images, Supplier<String> prefix) {
        this.images = images;
        this.prefix = prefix;
    }

    /** The URL prefix in use, for the renderer to find candidate {@code src} values quickly. */
    public String prefix() {
        return prefix.get();
    }

    /** A data URI for {@code src} if it names a stored image; otherwise {@code src} unchanged. */
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
            return images.read(name).map(bytes -> remember(name, "data:" + PostImages.contentTypeOf(name) + ";base64,"
                    + Base64.getEncoder().encodeToString(bytes))).orElse(src);
        } catch (StoreException e) {
            log.warn("Image {} not shown from the store: {}", name, e.getMessage());
            return src;
        }
    }

    private String remember(String name, String uri) {
        synchronized (cache) {
            cache.put(name, uri);
            cachedChars += uri.length();
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
        return uri;
    }
}
