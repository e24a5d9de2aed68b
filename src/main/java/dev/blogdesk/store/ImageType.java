package dev.blogdesk.store;

import java.util.Locale;

/** The image formats a post can hold (the ones browsers show), by content type and file extension. */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    SVG("image/svg+xml", "svg");

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static ImageType of(String contentType) {
        for (ImageType t : values()) {
            if (t.contentType.equalsIgnoreCase(contentType)) {
                return t;
            }
        }
        throw new StoreException("Not an image BlogDesk can put in a post (" + contentType + "); use PNG, JPEG, GIF, WebP or SVG.");
    }

    public static ImageType ofFilename(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        for (ImageType t : values()) {
            if (lower.endsWith("." + t.extension) || t == JPEG && lower.endsWith(".jpeg")) {
                return t;
            }
        }
        throw new StoreException("Not an image file BlogDesk can put in a post (" + filename + "); use PNG, JPEG, GIF, WebP or SVG.");
    }

    /**
     * The type the first bytes say, or null: a file is taken for what it is, not for its name (a text
     * file renamed .png is refused).
     */
    public static ImageType sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B') {
            return WEBP;
        }
        String text = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.startsWith("<svg") || text.startsWith("<?xml") && text.contains("<svg") ? SVG : null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
