package dev.blogdesk.bench;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The app as a user starts it, in a child JVM of {@code bench startup}: the store opened off the FX
 * thread, then the real main window. It reports on stdout when the window is shown and when the
 * list shows its first page (the parent times both from process start), and with {@code --measure},
 * the latency of opening posts and of searching through the view models, and the heap in use after.
 *
 * <p>Lines: {@code WINDOW}, {@code FIRST_PAGE n}, {@code OPEN ms...}, {@code SEARCH ms...},
 * {@code HEAP_MB x}, {@code DONE}.
 */
public final class StartupProbe {

    /** Untimed first actions: the JIT compiles the paths a user repeats all day. */
    private static final int WARM_UP = 10;
    private static final long THINK_MS = 100;
    private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        boolean measure = args.length > 1 && args[1].equals("--measure");
        List<String> queries = args.length > 2 ? List.of(args[2].split("\\|")) : List.of();
        int opens = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP + 60;
        dev.blogdesk.app.Logging.init(dataDir);
        PreviewBenchmark.startToolkit();

        CompletableFuture<MainViewModel> shown = new CompletableFuture<>();
        CompletableFuture<Integer> firstPage = new CompletableFuture<>();
        AppContext[] context = new AppContext[1];
        Thread opener = new Thread(() -> {
            try {
                context[0] = AppContext.openDesktop(dataDir, null);
                Platform.runLater(() -> {
                    Stage stage = new Stage();
                    MainViewModel vm = MainWindow.show(stage, context[0], link -> { }, () -> { });
                    // The window is up; the next pulse has drawn it.
                    Platform.runLater(() -> {
                        out.println("WINDOW");
                        shown.complete(vm);
                    });
                    whenLoaded(vm, () -> firstPage.complete(vm.postList().posts().size()));
                });
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        }, "probe-open-store");
        opener.start();
        MainViewModel vm = shown.get(120, TimeUnit.SECONDS);
        out.println("FIRST_PAGE " + firstPage.get(120, TimeUnit.SECONDS));

        if (measure) {
            out.println("OPEN " + join(openPosts(vm, opens)));
            out.println("SEARCH " + join(search(vm, queries)));
            System.gc();
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.println("HEAP_MB " + used / (1024.0 * 1024.0));
        } else {
            System.gc();
            System.gc();
            out.println("HEAP_MB " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
        }
        onFx(() -> {
            Platform.exit();
            return null;
        });
        context[0].close();
        out.println("DONE");
        System.exit(0);
    }

    /** Runs {@code then} on the FX thread once the list is no longer loading and the change is drawn. */
    private static void whenLoaded(MainViewModel vm, Runnable then) {
        if (!vm.postList().loadingProperty().get() && !vm.postList().posts().isEmpty()) {
            Platform.runLater(then);
            return;
        }
        vm.postList().loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    Platform.runLater(then);
                }
            }
        });
    }

    /**
     * Opens the posts of the first page one after another, from the list into the editor, timing each
     * after {@link #WARM_UP} untimed ones, with a reader's pause in between (so the preview and the
     * highlighting of one post do not land in the next one's figure, as they would not for a person).
     */
    private static List<Double> openPosts(MainViewModel vm, int opens) throws Exception {
        List<PostSummary> page = onFx(() -> new ArrayList<>(vm.postList().posts()));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < Math.min(opens, page.size()); i++) {
            Thread.sleep(THINK_MS);
            String id = page.get(i).id();
            CompletableFuture<Double> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                javafx.beans.value.ChangeListener<String> listener = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String now) {
                        if (id.equals(now)) {
                            o.removeListener(this);
                            // Measured after the next pulse: the editor shows the text.
                            Platform.runLater(() -> done.complete((System.nanoTime() - start) / 1e6));
                        }
                    }
                };
                vm.editor().currentIdProperty().addListener(listener);
                vm.requestOpen(id);
            });
            double ms = done.get(30, TimeUnit.SECONDS);
            if (i >= WARM_UP) {
                times.add(ms);
            }
        }
        return times;
    }

    /**
     * What the search box does when its debounce fires: the list shows the query; timed until drawn.
     * The first {@link #WARM_UP} queries are not timed; a typist's pause separates queries.
     */
    private static List<Double> search(MainViewModel vm, List<String> queries) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i);
            Thread.sleep(THINK_MS);
            CompletableFuture<Double> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                vm.postList().show(query);
                // Loading started with show(); when it ends the page is in the list, drawn at the next pulse.
                vm.postList().loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                        if (!now) {
                            o.removeListener(this);
                            Platform.runLater(() -> done.complete((System.nanoTime() - start) / 1e6));
                        }
                    }
                });
            });
            double ms = done.get(60, TimeUnit.SECONDS);
            if (i >= WARM_UP) {
                times.add(ms);
            }
        }
        return times;
    }

    private static String join(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.3f", v));
        }
        return sb.toString();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
