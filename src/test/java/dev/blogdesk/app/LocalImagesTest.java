package dev.blogdesk.app;

import dev.blogdesk.testing.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the preview shows of a stored picture. */
class LocalImagesTest {

    @Test
    void aLargePictureIsPreviewedFromASmallerCopyWhileTheStoreKeepsItWhole() throws Exception {
        byte[] big = TestImages.png(1600, 900, 3);
        byte[] shown = LocalImages.forPreview("x.png", big);
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown));
        assertThat(copy.getWidth()).isEqualTo(800);
        assertThat(copy.getHeight()).isEqualTo(450);
        assertThat(shown.length).isLessThan(big.length);
        assertThat(LocalImages.forPreview("y.png", TestImages.png(640, 480, 4))).as("small enough as it is")
                .isEqualTo(TestImages.png(640, 480, 4));
        assertThat(LocalImages.forPreview("z.gif", big)).as("a GIF may move: as stored").isSameAs(big);
        assertThat(LocalImages.forPreview("w.png", "not a picture".getBytes())).isEqualTo("not a picture".getBytes());
        assertThat(dev.blogdesk.store.ImageType.sniff(shown)).as("the copy of a PNG without transparency is a JPEG")
                .isEqualTo(dev.blogdesk.store.ImageType.JPEG);
    }

    @Test
    void aPastedPhotoWithAnOpaqueAlphaChannelIsPreviewedAsJpegAndOneThatShowsTransparencyAsPng() throws Exception {
        java.awt.image.BufferedImage pasted = new java.awt.image.BufferedImage(1200, 900, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 1200; x++) {
                pasted.setRGB(x, y, 0xFF000000 | (x * 7 + y * 13) & 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pasted, "png", png);
        assertThat(dev.blogdesk.store.ImageType.sniff(LocalImages.forPreview("p.png", png.toByteArray())))
                .isEqualTo(dev.blogdesk.store.ImageType.JPEG);
        pasted.setRGB(5, 5, 0x00FFFFFF);
        png.reset();
        javax.imageio.ImageIO.write(pasted, "png", png);
        assertThat(dev.blogdesk.store.ImageType.sniff(LocalImages.forPreview("p.png", png.toByteArray())))
                .isEqualTo(dev.blogdesk.store.ImageType.PNG);
    }
}
