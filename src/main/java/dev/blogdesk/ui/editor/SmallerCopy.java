package dev.blogdesk.ui.editor;

import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;

import dev.blogdesk.app.ImageScaling;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A copy of a photo too large to keep (over 16 MB) that fits: at most {@value #MAX_EDGE} pixels on its
 * long side, as JPEG (quality 0.9), or PNG when it has transparency; halved again until it fits. The
 * original file is only read.
 */
final class SmallerCopy {

    static final int MAX_EDGE = 4096;

    private SmallerCopy() {
    }

    /** The copy's bytes; throws {@link StoreException} with one sentence when the file is no image Java can read. */
    static byte[] of(Path file, String name) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (javax.imageio.IIOException damaged) {
            image = null; // a header with no picture behind it, or a damaged one
        }
        if (image == null) {
            throw new StoreException("“" + name + "” could not be read as a picture (BlogDesk can shrink JPEG, PNG, GIF "
                    + "and BMP files); make it smaller in an image editor and insert it again.");
        }
        int edge = Math.min(MAX_EDGE, Math.max(image.getWidth(), image.getHeight()));
        while (true) {
            byte[] bytes = ImageScaling.encode(ImageScaling.scaled(image, edge), 0.9f);
            if (bytes.length <= PostImages.MAX_BYTES || edge < 64) {
                return bytes;
            }
            edge /= 2;
        }
    }
}
