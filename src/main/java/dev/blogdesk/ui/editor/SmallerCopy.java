package dev.blogdesk.ui.editor;

import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
        boolean alpha = image.getColorModel().hasAlpha();
        int edge = Math.min(MAX_EDGE, Math.max(image.getWidth(), image.getHeight()));
        while (true) {
            byte[] bytes = encode(scaled(image, edge, alpha), alpha);
            if (bytes.length <= PostImages.MAX_BYTES || edge < 64) {
                return bytes;
            }
            edge /= 2;
        }
    }

    private static BufferedImage scaled(BufferedImage image, int edge, boolean alpha) {
        double scale = Math.min(1.0, edge / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, boolean alpha) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (alpha) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
