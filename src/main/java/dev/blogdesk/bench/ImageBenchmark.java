package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.blogdesk.app.LocalImages;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.ImageType;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@code image.insert_ms}: a 5 MB PNG from its bytes to preview HTML that shows it: the type check,
 * GridFS on the embedded store (forced to disk, as every save), and the preview render with the image
 * read back from the store as a data URI. The WebView's own decoding is not in the figure. Baseline:
 * writing and forcing the same bytes to a plain file, the least any durable insert costs.
 */
public final class ImageBenchmark {

    private static final int RUNS = 7;
    private final Path workDir;
    private final PrintStream log;

    public ImageBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    public List<BenchResult> run() throws IOException {
        Files.createDirectories(workDir);
        List<Double> insertMs = new ArrayList<>();
        List<Double> fileMs = new ArrayList<>();
        try (EmbeddedMongo server = EmbeddedMongo.start(workDir.resolve("store"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            PostImages images = new PostImages(client.getDatabase("blogdb"));
            PreviewRenderer renderer = new PreviewRenderer(new MarkdownRenderer());
            renderer.useImageSources(new LocalImages(images, () -> "/uploads/"));
            for (int run = 0; run < RUNS; run++) {
                byte[] png = png(run); // a new image each run: nothing is stored yet or cached
                long started = System.nanoTime();
                ImageType type = ImageType.sniff(png);
                String name = images.put(png, type.contentType()).filename();
                String html = renderer.render("Bench", "Text\n\n![photo](/uploads/" + name + ")\n").blocks().get(1).safeHtml();
                insertMs.add((System.nanoTime() - started) / 1e6);
                if (!html.contains("data:image/png;base64,")) {
                    throw new IllegalStateException("bench image: the preview did not get the stored image");
                }
                fileMs.add(forcedWriteMs(png, workDir.resolve("plain-" + run + ".png")));
                log.printf("bench image run %d: %.1f MB insert %.0f ms (plain file %.0f ms)%n",
                        run + 1, png.length / 1048576.0, insertMs.get(run), fileMs.get(run));
            }
        }
        return List.of(new BenchResult("image.insert_ms", median(insertMs), "ms", median(fileMs)));
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
        BufferedImage image = new BufferedImage(1300, 1000, BufferedImage.TYPE_INT_RGB);
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
