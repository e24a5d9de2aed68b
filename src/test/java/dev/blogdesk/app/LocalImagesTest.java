package dev.blogdesk.app;

import dev.blogdesk.testing.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the preview shows of a stored picture. */
class LocalImagesTest {

    @Test
    void aLargePictureIsPreviewedFromASmallerCopyWhileTheStoreKeepsItWhole() throws Exception {
        byte[] big = TestImages.png(1600, 900, 3);
        ImageScaling.Encoded shown = LocalImages.forPreview("x.png", big);
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown.bytes()));
        assertThat(copy.getWidth()).isEqualTo(800);
        assertThat(copy.getHeight()).isEqualTo(450);
        assertThat(copy.getRGB(400, 225)).as("the same picture, scaled").isEqualTo(scaledPixel(big, 400, 225));
        assertThat(LocalImages.forPreview("y.png", TestImages.png(640, 480, 4)).bytes()).as("small enough as it is")
                .isEqualTo(TestImages.png(640, 480, 4));
        assertThat(LocalImages.forPreview("z.gif", big).bytes()).as("a GIF may move: as stored").isSameAs(big);
        assertThat(LocalImages.forPreview("z.gif", big).extension()).isEqualTo("gif");
        assertThat(LocalImages.forPreview("w.png", "not a picture".getBytes()).bytes()).isEqualTo("not a picture".getBytes());
        // What the WebView takes in on the FX thread with the least work: a PNG with nothing to inflate.
        assertThat(shown.extension()).isEqualTo("png");
        assertThat(dev.blogdesk.store.ImageType.sniff(shown.bytes())).isEqualTo(dev.blogdesk.store.ImageType.PNG);
        assertThat(shown.bytes().length).as("uncompressed 24-bit pixels").isGreaterThanOrEqualTo(800 * 450 * 3);
        assertThat(LocalImages.forPreview("x.jpg", jpeg(big)).extension()).as("a JPEG's copy too").isEqualTo("png");
    }

    @Test
    void aPastedPhotoWithAnOpaqueAlphaChannelIsPreviewedWithoutItAndOneThatShowsTransparencyKeepsIt() throws Exception {
        java.awt.image.BufferedImage pasted = new java.awt.image.BufferedImage(1200, 900, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 1200; x++) {
                pasted.setRGB(x, y, 0xFF000000 | (x * 7 + y * 13) & 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pasted, "png", png);
        java.awt.image.BufferedImage opaque = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                LocalImages.forPreview("p.png", png.toByteArray()).bytes()));
        assertThat(opaque.getColorModel().hasAlpha()).as("an opaque alpha channel is dropped: a quarter fewer bytes").isFalse();
        pasted.setRGB(5, 5, 0x00FFFFFF);
        png.reset();
        javax.imageio.ImageIO.write(pasted, "png", png);
        ImageScaling.Encoded transparent = LocalImages.forPreview("p.png", png.toByteArray());
        assertThat(transparent.extension()).isEqualTo("png");
        assertThat(dev.blogdesk.store.ImageType.sniff(transparent.bytes())).isEqualTo(dev.blogdesk.store.ImageType.PNG);
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(transparent.bytes()));
        assertThat(copy.getWidth()).isEqualTo(800);
        assertThat(copy.getColorModel().hasAlpha()).as("the transparency is kept").isTrue();
        assertThat(transparent.bytes().length).as("stored, not deflated").isGreaterThanOrEqualTo(800 * 600 * 4);
    }

    private static byte[] jpeg(byte[] png) throws java.io.IOException {
        return ImageScaling.encode(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)), 0.9f);
    }

    private static int scaledPixel(byte[] png, int x, int y) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        return ImageScaling.scaled(image, 800).getRGB(x, y);
    }
}
