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
    }
}
