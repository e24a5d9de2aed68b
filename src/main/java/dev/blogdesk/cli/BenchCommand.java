package dev.blogdesk.cli;

import dev.blogdesk.bench.BenchResult;
import dev.blogdesk.bench.ImportBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs benchmarks, each against a baseline measured in the same run. Available: import, search, startup, preview, sync, store, image (default: all).")
final class BenchCommand implements Callable<Integer> {

    static final List<String> AVAILABLE = List.of("import", "search", "startup", "preview", "sync", "store", "image", "history", "spell");

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Benchmarks to run: ${COMPLETION-CANDIDATES} or all.")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per figure per line: name, value, unit, baseline, ratio.")
    boolean json;

    @Option(names = "--rows", defaultValue = "100000", description = "Posts to generate: rows of the import's blog.db, and the store start-up and search run on (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--rounds", defaultValue = "3", description = "App starts per store for startup and search; the figures are their medians (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--samples", defaultValue = "120", description = "Searches timed by search (and half as many post openings by startup); p95s are over them (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Scratch folder for generated data (default: a new temp folder, removed afterwards).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --samples must be at least 1");
        }
        List<String> selected = names.isEmpty() || names.contains("all") ? AVAILABLE : names;
        for (String name : selected) {
            if (!AVAILABLE.contains(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Unknown benchmark '" + name + "' (available: " + String.join(", ", AVAILABLE) + ", all)");
            }
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("blogdesk-bench");
        dev.blogdesk.app.Logging.init(dir);
        try {
            List<BenchResult> results = new ArrayList<>();
            // The short one first: it should not inherit the heap and caches the import leaves behind.
            if (selected.contains("sync")) {
                results.addAll(new dev.blogdesk.bench.SyncBenchmark(dir.resolve("sync"), System.err).run());
            }
            Path imported = null;
            if (selected.contains("import")) {
                ImportBenchmark importBench = new ImportBenchmark(dir.resolve("import"), rows, System.err);
                results.addAll(importBench.run());
                imported = importBench.importedStore();
            }
            if (selected.contains("search") || selected.contains("startup")) {
                // One set of app starts measures both; a store the import bench just filled is reused.
                List<BenchResult> startup = new dev.blogdesk.bench.StartupBenchmark(dir.resolve("startup"), rows, rounds,
                        samples, imported, System.err).run();
                for (BenchResult r : startup) {
                    boolean isSearch = r.name().startsWith("search.");
                    if (isSearch ? selected.contains("search") : selected.contains("startup")) {
                        results.add(r);
                    }
                }
            }
            if (selected.contains("store")) {
                results.addAll(new dev.blogdesk.bench.StoreBenchmark(dir.resolve("store"), rows, System.err).run());
            }
            if (selected.contains("history")) {
                results.addAll(new dev.blogdesk.bench.HistoryBenchmark(dir.resolve("history"), System.err).run());
            }
            if (selected.contains("image")) {
                results.addAll(new dev.blogdesk.bench.ImageBenchmark(dir.resolve("image"), System.err).run());
            }
            if (selected.contains("preview")) {
                results.addAll(new dev.blogdesk.bench.PreviewBenchmark(dir.resolve("preview"), System.err).run());
            }
            if (selected.contains("spell")) {
                results.addAll(new dev.blogdesk.bench.SpellBenchmark(System.err).run());
            }
            if (selected.contains("image") || selected.contains("preview") || selected.contains("spell")) {
                javafx.application.Platform.exit(); // both start JavaFX (headless without a display)
            }
            for (BenchResult r : results) {
                System.out.println(json ? r.toJson() : r.toLine());
            }
            return 0;
        } finally {
            if (workDir == null) {
                dev.blogdesk.store.Folders.deleteTree(dir);
            }
        }
    }

}
