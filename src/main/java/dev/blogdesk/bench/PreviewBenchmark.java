package dev.blogdesk.bench;

import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewDocument;
import dev.blogdesk.markdown.PreviewRenderer;
import dev.blogdesk.app.FxTaskExecutor;
import dev.blogdesk.ui.editor.EditorViewModel;
import dev.blogdesk.ui.editor.LivePreview;
import dev.blogdesk.ui.editor.MarkdownEditor;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench preview}: types into the real editor (RichTextFX area, view model, renderer, WebView
 * preview) at 10 KB, 100 KB and 1 MB, and measures keystroke-to-preview latency and the longest time
 * the FX thread was busy while typing (a probe posts to the FX thread every 2 ms and records how late
 * it runs). Baseline, in the same run: the naive preview, re-rendering the whole post and reloading the
 * page on every change.
 */
public final class PreviewBenchmark {

    static final int[] SIZES = {10 * 1024, 100 * 1024, 1024 * 1024};
    static final String[] NAMES = {"10kb", "100kb", "1mb"};

    private final Path workDir;
    private final PrintStream log;

    public PreviewBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    record Measured(double latencyP95, double latencyMedian, double fxMax) {
    }

    public List<BenchResult> run() throws Exception {
        startToolkit();
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            String text = generate(SIZES[i]);
            int keystrokes = SIZES[i] >= 1024 * 1024 ? 10 : 20;
            measure(generate(8 * 1024), true, 5); // warm-up of both paths
            measure(generate(8 * 1024), false, 5);
            Measured live = measure(text, true, keystrokes);
            Measured naive = measure(text, false, keystrokes);
            log.printf("bench preview %s: latency p95 %.1f ms (naive %.1f), FX thread max %.1f ms (naive %.1f)%n",
                    NAMES[i], live.latencyP95(), naive.latencyP95(), live.fxMax(), naive.fxMax());
            results.add(new BenchResult("preview.latency_p95_ms." + NAMES[i], live.latencyP95(), "ms", naive.latencyP95()));
            results.add(new BenchResult("preview.fx_max_ms." + NAMES[i], live.fxMax(), "ms", naive.fxMax()));
        }
        return results;
    }

    /** Starts JavaFX; without a display, on the headless Monocle platform. */
    static void startToolkit() throws InterruptedException {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await(30, TimeUnit.SECONDS);
    }

    private Measured measure(String text, boolean incremental, int keystrokes) throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(2);
        DraftJournal journal = new DraftJournal(workDir.resolve("journal"));
        EditorViewModel vm = new EditorViewModel(null, executor, null, action -> { }, new PreviewRenderer(new MarkdownRenderer()), journal);
        AtomicLong appliedWords = new AtomicLong(-1);
        AtomicLong appliedAt = new AtomicLong();
        Stage[] stage = new Stage[1];
        MarkdownEditor[] editor = new MarkdownEditor[1];
        // The live path runs as the app does, spelling included; the naive baseline has none.
        // -Dblogdesk.bench.spelling=false measures the live path without it, for comparison.
        boolean spell = incremental && Boolean.parseBoolean(System.getProperty("blogdesk.bench.spelling", "true"));
        dev.blogdesk.ui.editor.SpellingViewModel spelling = spell ? SpellBenchmark.englishSpelling(executor) : null;
        onFx(() -> {
            editor[0] = new MarkdownEditor(vm.contentProperty(), executor);
            if (spelling != null) {
                editor[0].useSpelling(spelling);
            }
            WebView web = new WebView();
            HBox box = new HBox(editor[0].node(), web);
            HBox.setHgrow(editor[0].node(), Priority.ALWAYS);
            HBox.setHgrow(web, Priority.ALWAYS);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(box, 1200, 800));
            stage[0].show();
            if (incremental) {
                LivePreview preview = new LivePreview(web, link -> { });
                vm.previewProperty().addListener((o, a, doc) -> {
                    preview.show(doc, false);
                    if (!web.getEngine().getLoadWorker().isRunning()) {
                        applied(doc, appliedWords, appliedAt);
                    }
                });
                web.getEngine().getLoadWorker().stateProperty().addListener((o, a, s) -> {
                    if (s == Worker.State.SUCCEEDED) {
                        applied(vm.previewProperty().get(), appliedWords, appliedAt);
                    }
                });
            } else {
                vm.previewProperty().addListener((o, a, doc) -> web.getEngine().loadContent(doc.toHtml(false)));
                web.getEngine().getLoadWorker().stateProperty().addListener((o, a, s) -> {
                    if (s == Worker.State.SUCCEEDED) {
                        applied(vm.previewProperty().get(), appliedWords, appliedAt);
                    }
                });
            }
            vm.newPost();
            vm.titleProperty().set("Benchmark");
            vm.contentProperty().set(text);
        });
        long baseWords = new PreviewRenderer(new MarkdownRenderer()).render("Benchmark", text).words();
        waitFor(() -> appliedWords.get() == baseWords, 60_000);
        Thread.sleep(300);

        FxStallProbe probe = new FxStallProbe();
        probe.start();
        List<Double> latencies = new ArrayList<>();
        int caret = text.indexOf("\n\n", text.length() / 2) + 2;
        for (int k = 1; k <= keystrokes; k++) {
            long expected = baseWords + k;
            long[] t0 = new long[1];
            int at = caret;
            onFx(() -> {
                t0[0] = System.nanoTime();
                editor[0].area().insertText(at, "w ");
            });
            waitFor(() -> appliedWords.get() >= expected, 60_000);
            latencies.add((appliedAt.get() - t0[0]) / 1e6);
            Thread.sleep(150); // a steady typist, so every keystroke is measured on its own
        }
        double fxMax = probe.stop();
        onFx(() -> stage[0].close());
        executor.close();
        journal.close();
        Collections.sort(latencies);
        return new Measured(latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1), latencies.get(latencies.size() / 2), fxMax);
    }

    private static void applied(PreviewDocument doc, AtomicLong words, AtomicLong at) {
        if (doc != null) {
            at.set(System.nanoTime());
            words.set(doc.words());
        }
    }

    /** Posts to the FX thread every 2 ms; the longest delay is the longest time the thread was busy. */
    static final class FxStallProbe {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong maxNanos = new AtomicLong();
        private final AtomicLong windowNanos = new AtomicLong();
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    long posted = System.nanoTime();
                    CountDownLatch ran = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        long waited = System.nanoTime() - posted;
                        maxNanos.accumulateAndGet(waited, Math::max);
                        windowNanos.accumulateAndGet(waited, Math::max);
                        ran.countDown();
                    });
                    try {
                        ran.await();
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-stall-probe");
            thread.setDaemon(true);
            thread.start();
        }

        /** The longest wait since the last call (or the start), in ms; the overall maximum is kept as well. */
        double sinceLast() {
            return windowNanos.getAndSet(0) / 1e6;
        }

        double stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
            return maxNanos.get() / 1e6;
        }
    }

    static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("bench preview: the preview did not update within " + timeoutMillis + " ms");
            }
            Thread.sleep(1);
        }
    }

    /** A realistic post of about {@code bytes}: headings, paragraphs, lists, code, tables, links. */
    static String generate(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 2048);
        String[] words = "the post about markdown editors and fast previews while typing long articles with links code and tables".split(" ");
        java.util.Random random = new java.util.Random(42);
        for (int section = 1; sb.length() < bytes; section++) {
            sb.append("## Section ").append(section).append("\n\n");
            for (int p = 0; p < 3; p++) {
                for (int w = 0; w < 60; w++) {
                    sb.append(words[random.nextInt(words.length)]).append(w % 17 == 16 ? ", *emphasis* and **bold** " : " ");
                }
                sb.append("[a link](https://example.com/").append(section).append(").\n\n");
            }
            sb.append("- item one\n- item `two`\n- [x] done\n\n```java\nint section = ").append(section).append(";\n```\n\n");
            sb.append("| a | b |\n|---|---|\n| ").append(section).append(" | x |\n\n");
        }
        return sb.toString();
    }
}
