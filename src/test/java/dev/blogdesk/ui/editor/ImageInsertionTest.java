package dev.blogdesk.ui.editor;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.LocalImages;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.store.PostImages;
import dev.blogdesk.testing.InMemoryPostRepository;
import dev.blogdesk.testing.ScriptedDialogs;
import dev.blogdesk.testing.TestImages;
import dev.blogdesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Images inserted from a file or the clipboard: checked, stored in GridFS once, linked, shown from the store. */
class ImageInsertionTest {

    @TempDir
    Path dir;
    TestStore store;
    DraftJournal journal;
    EditorViewModel editor;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    ImageInsertion images;
    final List<String> inserted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = TestStore.open(dir.resolve("store"));
        journal = new DraftJournal(dir.resolve("journal"));
        editor = new EditorViewModel(new InMemoryPostRepository(), new DirectTaskExecutor(), dialogs, Debouncer.immediate(),
                new PreviewRenderer(new MarkdownRenderer()), journal);
        images = new ImageInsertion(editor, new PostImages(store.database()), new DirectTaskExecutor(), dialogs, () -> "/uploads/");
        images.setInsertAtCaret(inserted::add);
        editor.newPost();
    }

    @AfterEach
    void tearDown() {
        journal.close();
        store.close();
    }

    @Test
    void aFileBecomesALinkToItsContentNameAndTheSameImageTwiceIsStoredOnce() throws Exception {
        Path photo = Files.write(dir.resolve("holiday-photo_2024.png"), TestImages.png(300, 200, 3));
        images.insertFile(photo);
        images.insertImage(() -> Files.readAllBytes(photo)); // pasted: the same pixels, the same file

        assertThat(inserted).hasSize(2);
        assertThat(inserted.get(0)).matches("!\\[holiday photo 2024]\\(/uploads/[0-9a-f]{64}\\.png\\)");
        assertThat(inserted.get(1)).startsWith("![image](/uploads/").endsWith(inserted.get(0).substring(inserted.get(0).indexOf("](") + 2));
        assertThat(store.database().getCollection("fs.files").countDocuments()).isEqualTo(1);
        assertThat(editor.statusProperty().get()).isEqualTo("Image inserted (it was stored already).");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theLocalStoreShowsTheImageInThePreviewAndOtherImagesStayAsTheyAre() throws Exception {
        Path photo = Files.write(dir.resolve("a.png"), TestImages.png(20, 10, 5));
        images.insertFile(photo);
        PreviewRenderer renderer = new PreviewRenderer(new MarkdownRenderer());
        Path cache = dir.resolve("data/cache/images");
        renderer.useImageSources(LocalImages.asFiles(new PostImages(store.database()), () -> "/uploads/", cache));
        String markdown = inserted.get(0) + "\n\n![remote](https://example.org/x.png)\n\n![missing](/uploads/" + "0".repeat(64) + ".png)";
        String html = renderer.render("t", markdown).blocks().stream()
                .map(dev.blogdesk.markdown.PreviewDocument.Block::safeHtml).reduce("", String::concat);
        String name = inserted.get(0).substring(inserted.get(0).indexOf("/uploads/") + 9, inserted.get(0).length() - 1);
        assertThat(html).contains("src=\"" + cache.resolve("preview-" + name).toUri() + "\"").contains("src=\"https://example.org/x.png\"")
                .contains("src=\"/uploads/" + "0".repeat(64) + ".png\"");
        assertThat(cache.resolve("preview-" + name)).as("small enough: shown as stored").hasBinaryContent(Files.readAllBytes(photo));

        // An exported page carries its images inline instead.
        PreviewRenderer export = new PreviewRenderer(new MarkdownRenderer());
        export.useImageSources(LocalImages.asDataUris(new PostImages(store.database()), () -> "/uploads/"));
        assertThat(export.render("t", markdown).blocks().get(0).safeHtml()).contains("src=\"data:image/png;base64,");
    }

    @Test
    void aFileThatIsNoImageOrTooBigGetsOneSentenceAndNothingIsInserted() throws Exception {
        Path fake = Files.writeString(dir.resolve("notes.png"), "I am text, not a picture");
        images.insertFile(fake);
        Path huge = dir.resolve("huge.jpg");
        try (var out = Files.newOutputStream(huge)) {
            out.write(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            out.write(new byte[20 * 1024 * 1024]);
        }
        images.insertFile(huge);

        assertThat(inserted).isEmpty();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0)).contains("notes.png is not an image").contains("choose an image file instead");
        // Too large: a smaller copy is offered; cancelled, nothing changes and the status says why.
        assertThat(dialogs.asked).containsExactly("choose:Image too large");
        assertThat(editor.statusProperty().get()).contains("“huge.jpg” is 20.0 MB").contains("up to 16 MB");
        // Accepted for a file that is no picture: one sentence, nothing stored.
        dialogs.chooseAnswer = ImageInsertion.LargeImageChoice.SMALLER_COPY;
        images.insertFile(huge);
        assertThat(dialogs.errors).hasSize(2);
        assertThat(dialogs.errors.get(1)).contains("“huge.jpg” could not be read as a picture");
        assertThat(inserted).isEmpty();
        assertThat(store.database().getCollection("fs.files").countDocuments()).isZero();
    }

    @Test
    void aPhotoOverSixteenMegabytesCanGoInAsASmallerCopyAndTheFileIsLeftAlone() throws Exception {
        // Noise does not compress: a 2,600 × 2,600 PNG of it is over 16 MB.
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(2600, 2600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(5);
        for (int y = 0; y < 2600; y++) {
            for (int x = 0; x < 2600; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        Path photo = dir.resolve("big-photo.png");
        javax.imageio.ImageIO.write(noise, "png", photo.toFile());
        assertThat(Files.size(photo)).isGreaterThan(dev.blogdesk.store.PostImages.MAX_BYTES);
        byte[] before = Files.readAllBytes(photo);
        dialogs.chooseAnswer = ImageInsertion.LargeImageChoice.SMALLER_COPY;

        images.insertFile(photo);

        assertThat(dialogs.asked).containsExactly("choose:Image too large");
        assertThat(dialogs.errors).isEmpty();
        assertThat(inserted).hasSize(1);
        assertThat(inserted.get(0)).startsWith("![big photo](/uploads/").endsWith(".jpg)");
        String filename = inserted.get(0).substring("![big photo](/uploads/".length(), inserted.get(0).length() - 1);
        byte[] stored = new PostImages(store.database()).read(filename).orElseThrow();
        assertThat(stored.length).isLessThanOrEqualTo((int) dev.blogdesk.store.PostImages.MAX_BYTES);
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(copy.getWidth()).isEqualTo(2600);
        assertThat(Files.readAllBytes(photo)).as("the original file is only read").isEqualTo(before);
    }

    @Test
    void markdownExportWritesTheImagesBesideTheFileWithRelativeLinks() throws Exception {
        byte[] png = TestImages.png(16, 16, 8);
        images.insertFile(Files.write(dir.resolve("dot.png"), png));
        editor.titleProperty().set("Exported");
        editor.contentProperty().set("Before\n\n" + inserted.get(0) + "\n");
        PostExporter exporter = new PostExporter(editor, new PreviewRenderer(new MarkdownRenderer()), new DirectTaskExecutor(), dialogs);
        exporter.useImages(new PostImages(store.database()), () -> "/uploads/");
        Path out = Files.createDirectories(dir.resolve("export")).resolve("post.md");
        exporter.exportMarkdown(out);

        String name = inserted.get(0).substring(inserted.get(0).indexOf("/uploads/") + 9, inserted.get(0).length() - 1);
        assertThat(Files.readString(out)).contains("status: draft").contains("![dot](" + name + ")").doesNotContain("/uploads/");
        assertThat(out.resolveSibling(name)).hasBinaryContent(png);
    }

    @Test
    void anImageGoesInAsAParagraphOfItsOwnWhereverTheCaretIs() {
        String img = "![a](/uploads/x.png)";
        assertThat(ImageInsertion.asParagraph("", 0, img)).isEqualTo(img + "\n\n");
        assertThat(ImageInsertion.asParagraph("Look:", 5, img)).isEqualTo("\n\n" + img + "\n\n");
        assertThat(ImageInsertion.asParagraph("Look:\n", 6, img)).isEqualTo("\n" + img + "\n\n");
        assertThat(ImageInsertion.asParagraph("Look:\n\n", 7, img)).isEqualTo(img + "\n\n");
        assertThat(ImageInsertion.asParagraph("one two", 3, img)).as("mid-sentence, it splits the paragraph")
                .isEqualTo("\n\n" + img + "\n\n");
        assertThat(ImageInsertion.asParagraph("a\n\nb", 1, img)).isEqualTo("\n\n" + img);
        assertThat(ImageInsertion.asParagraph("a\nb", 2, img)).isEqualTo("\n" + img + "\n\n");
        String twice = "";
        for (int i = 0; i < 2; i++) {
            twice += ImageInsertion.asParagraph(twice, twice.length(), img);
        }
        assertThat(twice).as("one after another, two paragraphs").isEqualTo(img + "\n\n" + img + "\n\n");
    }
}
