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
 * {@code image.insert_ms}: a 5 MB PNG pasted until the preview shows it decoded (the page knows its
 * natural size): the editor's own path (ImageInsertion: the type check, GridFS on the embedded store,
 * forced to disk as every save, the preview's copy; the Markdown inserted; the preview rendered and
 * applied to a WebView), with the FX thread watched from each paste until shortly after it is shown
 * ({@code image.fx_max_ms}, goal ≤ 16 ms). Baseline: writing and forcing the same bytes to a plain file,
 * the least any durable insert costs.
 */
public final class ImageBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 7;
    private static final int POLL_MS = 5;
    /** How long the FX thread is still watched after the picture is shown: a few frames at 60 per second. */
    private static final int PAINTED_MS = 100;
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
            // A new image each run, so nothing is stored or cached yet; all made before the clock starts, so
            // making them (half a second of CPU each) is not in the FX thread's figure.
            List<byte[]> pngs = new ArrayList<>();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                pngs.add(png(run));
            }
            PreviewBenchmark.FxStallProbe probe = new PreviewBenchmark.FxStallProbe();
            probe.start();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                byte[] png = pngs.get(run);
                probe.sinceLast(); // the FX figure of this paste starts now
                long started = System.nanoTime();
                PreviewBenchmark.onFx(() -> insertion.insertImage(() -> png));
                awaitShown(web[0], run + 1, 60_000);
                double ms = (System.nanoTime() - started) / 1e6;
                // The watch goes on while the picture is painted on the next frames.
                Thread.sleep(PAINTED_MS);
                double fx = probe.sinceLast();
                if (run >= WARM_UP) {
                    insertMs.add(ms);
                    fileMs.add(forcedWriteMs(png, workDir.resolve("plain-" + run + ".png")));
                    fxMs.add(fx);
                    log.printf("bench image run %d: %.1f MB pasted until shown %.0f ms (plain file %.0f ms), FX thread busy at most %.1f ms%n",
                            run - WARM_UP + 1, png.length / 1048576.0, ms, fileMs.get(fileMs.size() - 1), fx);
                } else {
                    log.printf("bench image warm-up %d: FX thread busy at most %.1f ms%n", run + 1, fx);
                }
            }
            fxFirst = probe.stop();
            PreviewBenchmark.onFx(() -> stage[0].close());
            journal.close();
        }
        // Like the insert times, the FX figure leaves out the warm-up pastes: the first one after start-up
        // (JIT, the WebView's image pipeline) is logged but not the figure. Each paste is watched from the
        // paste until shortly after it is shown; the bench's own work between pastes is not in it.
        double fxMax = fxMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        log.printf("bench image: FX thread busy at most %.1f ms over the measured pastes, %.1f ms including the warm-up%n",
                fxMax, fxFirst);
        return List.of(new BenchResult("image.insert_ms", BenchResult.median(insertMs), "ms", BenchResult.median(fileMs)),
                new BenchResult("image.fx_max_ms", fxMax, "ms", 16));
    }

    /**
     * Waits until the preview's page shows {@code count} stored images (copies in the preview cache)
     * decoded, their natural size known. The preview runs no page scripts, so no load event can call back:
     * this asks the page every {@value #POLL_MS} ms (each question is work for the FX thread, so not every
     * millisecond).
     */
    private static void awaitShown(WebView web, int count, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (imagesShown(web) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("bench image: the preview did not show the pasted image within " + timeoutMillis + " ms");
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static int imagesShown(WebView web) throws Exception {
        java.util.concurrent.CompletableFuture<Integer> count = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            Object n = web.getEngine().executeScript("(function () { var n = 0; var imgs = document.images;"
                    + " for (var i = 0; i < imgs.length; i++) {"
                    + " if (imgs[i].src.indexOf('file:') === 0 && imgs[i].complete && imgs[i].naturalWidth > 0) { n++; } }"
                    + " return n; })()");
            count.complete(n instanceof Number number ? number.intValue() : -1);
        });
        return count.get(10, java.util.concurrent.TimeUnit.SECONDS);
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
