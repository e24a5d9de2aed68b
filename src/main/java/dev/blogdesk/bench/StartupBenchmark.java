package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.importer.ImportProgress;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.search.SearchIndex;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSummary;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench startup} and {@code bench search}: the app started in child JVMs ({@link StartupProbe},
 * {@code -Xmx256m}) on an empty store and on a store of {@code rows} posts, alternately, {@code rounds} times
 * (three by default).
 *
 * <ul>
 *   <li>{@code startup.first_page_ms}: process start to the first page of the list drawn, big store;
 *       baseline: process start to the window drawn, empty store (medians).</li>
 *   <li>{@code open.p95_ms}: a post opened from the list until the editor shows it; baseline: the same
 *       posts fetched by {@code _id} with the bare driver.</li>
 *   <li>{@code search.p95_ms}: the debounced search firing until the list is updated, 1–3 word queries;
 *       baseline: the same kind of query as the store's {@code $regex} scan.</li>
 *   <li>{@code heap.mb}: heap in use after a full GC once all that is done; baseline: the empty app.</li>
 * </ul>
 */
public final class StartupBenchmark {

    /** Untimed first actions in the probe (the JIT compiles what a user repeats all day). */
    private static final int WARM_UP = 10;
    private static final int BASELINE_QUERIES = 3;

    private final Path workDir;
    private final int rows;
    private final int rounds;
    private final int samples;
    private final Path preparedStore;
    private final PrintStream log;

    /** @param preparedStore a data dir that already holds {@code rows} posts (from {@code bench import}), or null */
    /**
     * @param samples searches timed (and half as many post openings) in the last round
     */
    public StartupBenchmark(Path workDir, int rows, int rounds, int samples, Path preparedStore, PrintStream log) {
        this.workDir = workDir;
        this.rows = rows;
        this.rounds = rounds;
        this.samples = samples;
        this.preparedStore = preparedStore;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        Path full = preparedStore != null ? preparedStore : prepare();
        makeDrafts(full);
        Path empty = Files.createDirectories(workDir.resolve("empty"));
        List<String> queries = queries(new Random(7), WARM_UP + samples);

        List<Double> windowMs = new ArrayList<>();
        List<Double> firstPageMs = new ArrayList<>();
        Probe measured = null;
        Probe emptyProbe = null;
        for (int round = 0; round < rounds; round++) {
            emptyProbe = probe(empty, false, List.of());
            windowMs.add(emptyProbe.windowMs);
            boolean last = round == rounds - 1;
            Probe big = probe(full, last, queries);
            firstPageMs.add(big.firstPageMs);
            if (last) {
                measured = big;
            }
            log.printf("bench startup round %d: empty window %.0f ms, %,d posts first page %.0f ms%n",
                    round + 1, emptyProbe.windowMs, rows, big.firstPageMs);
        }
        Baselines baselines = baselines(full, queries);
        double searchP95 = p95(measured.searchMs);
        double openP95 = p95(measured.openMs);
        log.printf("bench search: p95 %.1f ms over %d queries (store $regex p95 %.0f ms over %d)%n",
                searchP95, measured.searchMs.size(), baselines.regexP95, BASELINE_QUERIES);
        log.printf("bench open: p95 %.1f ms (driver find by _id p95 %.2f ms); heap %.0f MB (empty app %.0f MB)%n",
                openP95, baselines.findP95, measured.heapMb, emptyProbe.heapMb);
        return List.of(
                new BenchResult("startup.first_page_ms", BenchResult.median(firstPageMs), "ms", BenchResult.median(windowMs)),
                new BenchResult("open.p95_ms", openP95, "ms", baselines.findP95),
                new BenchResult("search.p95_ms", searchP95, "ms", baselines.regexP95),
                new BenchResult("heap.mb", measured.heapMb, "MB", emptyProbe.heapMb));
    }

    /** A store of {@code rows} generated posts, imported the way a user would (the index builds along). */
    private Path prepare() throws Exception {
        Path file = workDir.resolve("startup-blog.db");
        log.printf("bench startup: generating and importing %,d posts%n", rows);
        ImportBenchmark.generate(file, rows);
        Path dataDir = workDir.resolve("full");
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            SearchIndex index = PostStore.follow(server);
            ImportReport report = new ImportEngine(client.getDatabase("blogdb"), dataDir.resolve("import-work"), ImportTarget.IN_PROCESS)
                    .run(ImportRequest.of(file, null), ImportProgress.NONE);
            if (report.inserted() != rows) {
                throw new IllegalStateException("bench startup: import wrote " + report.inserted() + " of " + rows);
            }
            index.awaitReady(java.time.Duration.ofMinutes(5));
        }
        Files.delete(file);
        return dataDir;
    }

    /** One post in ten becomes a draft, as a real blog has them: the list and the search cover both collections. */
    private void makeDrafts(Path dataDir) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            SearchIndex index = PostStore.follow(server);
            var db = client.getDatabase("blogdb");
            if (db.getCollection(dev.blogdesk.store.PostSchema.DRAFTS).countDocuments() > 0) {
                return;
            }
            dev.blogdesk.store.MongoPostRepository posts = new dev.blogdesk.store.MongoPostRepository(db);
            List<String> ids = new ArrayList<>();
            int i = 0;
            for (org.bson.Document d : db.getCollection(dev.blogdesk.store.PostSchema.COLLECTION).find()
                    .projection(new org.bson.Document("_id", 1))) {
                if (i++ % 10 == 0) {
                    ids.add(dev.blogdesk.store.PostSchema.idOf(d));
                }
            }
            for (String id : ids) {
                posts.unpublish(posts.findById(id).orElseThrow());
            }
            index.awaitReady(java.time.Duration.ofMinutes(5));
            // As a store is once the app has been idle a while: the moves' old pages compacted away.
            server.compactNow();
            log.printf("bench startup: %,d of the posts made drafts%n", ids.size());
        }
    }

    private record Probe(double windowMs, double firstPageMs, List<Double> openMs, List<Double> searchMs, double heapMb) {
    }

    private Probe probe(Path dataDir, boolean measure, List<String> queries) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), dataDir.toString()));
        if (measure) {
            command.add("--measure");
            command.add(String.join("|", queries));
            command.add(Integer.toString(WARM_UP + Math.max(1, samples / 2))); // posts opened, warm-up included
        }
        Path stderr = workDir.resolve("probe-stderr.txt");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Map<String, String> lines = new HashMap<>();
        Map<String, Double> at = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String key = line.split(" ", 2)[0];
                at.put(key, (System.nanoTime() - start) / 1e6);
                lines.put(key, line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "");
            }
        } finally {
            if (!child.waitFor(3, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        if (!lines.containsKey("DONE")) {
            throw new IllegalStateException("bench startup: the app did not start on " + dataDir + " (exit "
                    + child.exitValue() + "): " + tail(stderr));
        }
        return new Probe(at.get("WINDOW"), at.get("FIRST_PAGE"), numbers(lines.get("OPEN")), numbers(lines.get("SEARCH")),
                Double.parseDouble(lines.get("HEAP_MB")));
    }

    private record Baselines(double regexP95, double findP95) {
    }

    /** The store without the app: {@code $regex} scans and finds by {@code _id}, on the same data. */
    private Baselines baselines(Path dataDir, List<String> queries) {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoPostRepository store = new MongoPostRepository(client.getDatabase("blogdb"));
            List<PostSummary> firstPage = store.list(0, 60);
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection(dev.blogdesk.store.PostSchema.COLLECTION);
            List<Double> finds = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                finds.clear();
                for (PostSummary p : firstPage) {
                    long start = System.nanoTime();
                    posts.find(Filters.eq("_id", new ObjectId(p.id()))).first();
                    finds.add((System.nanoTime() - start) / 1e6);
                }
            }
            List<Double> scans = new ArrayList<>();
            for (String query : queries.subList(queries.size() - BASELINE_QUERIES, queries.size())) {
                long start = System.nanoTime();
                store.search(query, 0, 100);
                scans.add((System.nanoTime() - start) / 1e6);
            }
            return new Baselines(p95(scans), p95(finds));
        }
    }

    /** 1–3 word queries as people type them: common and rare words, word starts, titles, misses. */
    static List<String> queries(Random random, int n) {
        String[] words = ImportBenchmark.WORDS;
        String[] misses = {"zebra", "quantum", "kafka", "xylophone", "mongodb"};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = words[random.nextInt(words.length)];
            switch (i % 6) {
                case 0 -> queries.add(w);
                case 1 -> queries.add(w + " " + words[random.nextInt(words.length)]);
                case 2 -> queries.add(w + " " + words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]);
                case 3 -> queries.add(w.substring(0, Math.min(w.length(), 2 + random.nextInt(3))));
                case 4 -> queries.add("\"Post " + (1 + random.nextInt(90_000)) + ":\"");
                default -> queries.add(misses[random.nextInt(misses.length)] + (random.nextBoolean() ? " " + w : ""));
            }
        }
        return queries;
    }

    private static List<Double> numbers(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return Arrays.stream(line.trim().split(" ")).map(Double::parseDouble).toList();
    }

    static double p95(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }


    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
