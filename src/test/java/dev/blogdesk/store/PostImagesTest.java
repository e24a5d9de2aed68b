package dev.blogdesk.store;

import com.mongodb.client.gridfs.GridFSBuckets;
import dev.blogdesk.testing.TestImages;
import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images in GridFS's bucket fs, named by their content, as Flask-PyMongo's send_file reads them. */
class PostImagesTest {

    @TempDir
    static Path dataDir;
    static TestStore store;
    static PostImages images;

    @BeforeAll
    static void open() {
        store = TestStore.open(dataDir);
        images = new PostImages(store.database());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.database().getCollection("fs.files").deleteMany(new Document());
        store.database().getCollection("fs.chunks").deleteMany(new Document());
    }

    @Test
    void theSameImageIsStoredOnceUnderItsContentNameWithItsTypeAndReadsBackWhole() {
        byte[] png = TestImages.png(640, 480, 7);
        PostImages.Stored first = images.put(png, "image/png");
        PostImages.Stored again = images.put(png.clone(), "image/png");

        assertThat(first.added()).isTrue();
        assertThat(again.added()).as("stored once").isFalse();
        assertThat(again.filename()).isEqualTo(first.filename()).matches("[0-9a-f]{64}\\.png");
        assertThat(store.database().getCollection("fs.files").countDocuments()).isEqualTo(1);
        Document file = store.database().getCollection("fs.files").find().first();
        assertThat(file.getString("contentType")).as("where PyMongo's GridFS reads it").isEqualTo("image/png");
        assertThat(file.get("metadata", Document.class).getString("contentType")).isEqualTo("image/png");
        assertThat(images.read(first.filename())).get().isEqualTo(png);
        assertThat(images.read("0".repeat(64) + ".png")).isEmpty();

        // What the Flask blog's route does: find the file by name through GridFS.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GridFSBuckets.create(store.database()).downloadToStream(first.filename(), out);
        assertThat(out.toByteArray()).isEqualTo(png);
    }

    @Test
    void anImageUpToEightMegabytesIsOneChunkAndTheLargestOneTwoThatReadBackWhole() {
        byte[] photo = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(3).nextBytes(photo);
        byte[] largest = new byte[(int) PostImages.MAX_BYTES];
        new java.util.Random(4).nextBytes(largest);
        String photoName = images.put(photo, "image/jpeg").filename();
        String largestName = images.put(largest, "image/png").filename();

        assertThat(chunksOf(photoName)).as("one forced write for the bytes").isEqualTo(1);
        assertThat(chunksOf(largestName)).isEqualTo(2);
        assertThat(images.read(photoName)).get().isEqualTo(photo);
        assertThat(images.read(largestName)).get().isEqualTo(largest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GridFSBuckets.create(store.database()).downloadToStream(largestName, out);
        assertThat(out.toByteArray()).as("as any GridFS reader gets it").isEqualTo(largest);
        assertThat(PostImages.chunkSizeFor(10)).as("the upload's buffer is no larger than the image").isEqualTo(10);
    }

    private long chunksOf(String filename) {
        Object id = store.database().getCollection("fs.files").find(new Document("filename", filename)).first().get("_id");
        return store.database().getCollection("fs.chunks").countDocuments(new Document("files_id", id));
    }

    @Test
    void aBigImageAndATypeThatIsNoImageAreRefusedInOneSentence() {
        assertThatThrownBy(() -> images.put(new byte[(int) PostImages.MAX_BYTES + 1], "image/jpeg"))
                .hasMessageContaining("16.0 MB").hasMessageContaining("up to 16 MB").hasMessageContaining("Make it smaller");
        assertThatThrownBy(() -> images.put("hello".getBytes(), "text/plain"))
                .hasMessageContaining("Not an image").hasMessageContaining("PNG, JPEG");
        assertThat(store.database().getCollection("fs.files").countDocuments()).isZero();
        assertThat(ImageType.sniff(TestImages.png(2, 2, 1))).isEqualTo(ImageType.PNG);
        assertThat(ImageType.sniff("just text".getBytes())).isNull();
    }
}
