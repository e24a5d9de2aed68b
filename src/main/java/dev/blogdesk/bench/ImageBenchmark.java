package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.FxTaskExecutor;
import dev.blogdesk.app.LocalImages;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.editor.ImageInsertion;
import dev.blogdesk.ui.editor.LivePreview;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.PostImages;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code image.insert_ms}: a 5 MB PNG pasted until the preview's page holds it: the editor's own path
 * (ImageInsertion: the type check, GridFS on the embedded store, forced to disk as every save; the
 * Markdown inserted; the preview rendered and applied to a WebView), with the FX thread watched the
 * whole time ({@code image.fx_max_ms}, goal ≤ 16 ms). The WebView's decoding of the pixels is not in
 * the figure. Baseline: writing and forcing the same bytes to a plain file, the least any durable
 * insert costs.
 */
public final class ImageBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 7;
    private final Path workDir;
    private final PrintStream log;

    public ImageBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        PreviewBenchmark.startToolkit();
        List<Double> insertMs = new ArrayList<>();
        List<Double> fileMs = new ArrayList<>();
        List<Double> fxMs = new ArrayList<>();
        double fxFirst;
        try (EmbeddedMongo server = EmbeddedMongo.start(workDir.resolve("store"), 0);
             MongoClient client = MongoClients.create(server.connectionString());
             FxTaskExecutor executor = new FxTaskExecutor(2)) {
            PostImages images = new PostImages(client.getDatabase("blogdb"));
            PreviewRenderer renderer = new PreviewRenderer(new MarkdownRenderer());
            LocalImages local = LocalImages.asFiles(images, () -> "/uploads/", workDir.resolve("preview-cache"));
            renderer.useImageSources(local);
            DraftJournal journal = new DraftJournal(workDir.resolve("journal"));
            EditorViewModel editor = new EditorViewModel(null, executor, null, action -> { }, renderer, journal);
            ImageInsertion insertion = new ImageInsertion(editor, images, executor, null, () -> "/uploads/");
            insertion.setOnStored(local::stored);
            // As the editor puts it in at the caret, here the end of the text.
            insertion.setInsertAtCaret(markdown -> {
                String text = editor.contentProperty().get();
                editor.contentProperty().set(text + ImageInsertion.asParagraph(text, text.length(), markdown));
            });
            WebView[] web = new WebView[1];
            Stage[] stage = new Stage[1];
            PreviewBenchmark.onFx(() -> {
                web[0] = new WebView();
                stage[0] = new Stage();
                stage[0].setScene(new Scene(new StackPane(web[0]), 900, 700));
                stage[0].show();
                LivePreview preview = new LivePreview(web[0], link -> { });
                editor.previewProperty().addListener((o, a, doc) -> preview.show(doc, false));
                editor.newPost();
                editor.titleProperty().set("Bench");
            });
            PreviewBenchmark.FxStallProbe probe = new PreviewBenchmark.FxStallProbe();
            probe.start();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                byte[] png = png(run); // a new image each run: nothing is stored yet or cached
                int shown = run + 1;
                long started = System.nanoTime();
                PreviewBenchmark.onFx(() -> insertion.insertImage(() -> png));
                PreviewBenchmark.waitFor(() -> imagesShown(web[0]) == shown, 60_000);
                double ms = (System.nanoTime() - started) / 1e6;
                if (run >= WARM_UP) {
                    insertMs.add(ms);
                    fileMs.add(forcedWriteMs(png, workDir.resolve("plain-" + run + ".png")));
                    double fx = probe.sinceLast();
                    fxMs.add(fx);
                    log.printf("bench image run %d: %.1f MB pasted until shown %.0f ms (plain file %.0f ms), FX thread busy at most %.1f ms%n",
                            run - WARM_UP + 1, png.length / 1048576.0, ms, fileMs.get(fileMs.size() - 1), fx);
                } else {
                    log.printf("bench image warm-up %d: FX thread busy at most %.1f ms%n", run + 1, probe.sinceLast());
                }
            }
            fxFirst = probe.stop();
            PreviewBenchmark.onFx(() -> stage[0].close());
            journal.close();
        }
        // Like the insert times, the FX figure leaves out the warm-up pastes: the first one after start-up
        // (JIT, the WebView's image pipeline) is logged but not the figure.
        double fxMax = fxMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        log.printf("bench image: FX thread busy at most %.1f ms over the measured pastes, %.1f ms including the warm-up%n",
                fxMax, fxFirst);
        return List.of(new BenchResult("image.insert_ms", BenchResult.median(insertMs), "ms", BenchResult.median(fileMs)),
                new BenchResult("image.fx_max_ms", fxMax, "ms", 16));
    }

    /** How many stored images (copies in the preview cache) the preview's page holds; read on the FX thread. */
    private static int imagesShown(WebView web) {
        java.util.concurrent.CompletableFuture<Integer> count = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            int n = 0;
            var doc = web.getEngine().getDocument();
            if (doc != null) {
                var imgs = doc.getElementsByTagName("img");
                for (int i = 0; i < imgs.getLength(); i++) {
                    if (((org.w3c.dom.Element) imgs.item(i)).getAttribute("src").startsWith("file:")) {
                        n++;
                    }
                }
            }
            count.complete(n);
        });
        try {
            return count.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        }
    }

    private static double forcedWriteMs(byte[] bytes, Path file) throws IOException {
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /** About 5 MB of PNG: noise does not compress. */
    private static byte[] png(long seed) throws IOException {
        BufferedImage image = new BufferedImage(1480, 1150, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 << 20);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

}
