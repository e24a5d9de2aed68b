package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.importer.ImportProgress;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.search.SearchIndex;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.StoreConnection;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code bench store}: what durability and compactness cost.
 * <ul>
 *   <li>{@code store.save_p95_ms}: one post saved (the editor's conditional update), forced to the device
 *   before the reply; baseline: the same saves into a store that commits but does not force.</li>
 *   <li>{@code import.vs_memory}: the BlogDesk import (durable, search index on) in docs/s; baseline: the
 *   same documents inserted raw into mongo-java-server's in-memory backend, the upper bound.</li>
 *   <li>{@code store.bytes_ratio}: bytes on disk (store file and search index) after that import and
 *   1,000 edits, once the idle compaction ran; baseline: the posts' BSON bytes. With it the store file
 *   and the index alone, and the day's backup against the store.</li>
 * </ul>
 */
public final class StoreBenchmark {

    private static final int SAVES = 300;
    private static final int EDITS = 1_000;

    private final Path workDir;
    private final int rows;
    private final PrintStream log;

    public StoreBenchmark(Path workDir, int rows, PrintStream log) {
        this.workDir = workDir;
        this.rows = rows;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        List<BenchResult> results = new ArrayList<>();
        results.add(saves());
        Path file = workDir.resolve("bench-blog.db");
        log.printf("bench store: generating %,d rows in %s%n", rows, file);
        ImportBenchmark.generate(file, rows);
        List<Document> docs = ImportBenchmark.documentsOf(file, workDir.resolve("prep"));
        double memoryRate = intoMemory(docs);
        docs.clear();
        List<BenchResult> sizes = new ArrayList<>();
        results.add(new BenchResult("import.vs_memory", importAndEdit(file, sizes), "docs/s", memoryRate));
        results.addAll(sizes);
        return results;
    }

    /** Alternates forced and unforced saves, so both meet the same noise. */
    private BenchResult saves() {
        long[] forced = new long[SAVES];
        long[] unforced = new long[SAVES];
        try (EmbeddedMongo durable = EmbeddedMongo.start(workDir.resolve("forced"), 0);
             EmbeddedMongo fast = EmbeddedMongo.startUnforcedForBenchmark(workDir.resolve("unforced"));
             MongoClient a = MongoClients.create(durable.connectionString());
             MongoClient b = MongoClients.create(fast.connectionString())) {
            MongoPostRepository forcedPosts = new MongoPostRepository(a.getDatabase(StoreConnection.DEFAULT_DATABASE));
            MongoPostRepository unforcedPosts = new MongoPostRepository(b.getDatabase(StoreConnection.DEFAULT_DATABASE));
            Post p = forcedPosts.create("Saved again and again", "first words");
            Post q = unforcedPosts.create("Saved again and again", "first words");
            for (int i = -50; i < SAVES; i++) { // 50 warm-up saves each
                long t0 = System.nanoTime();
                p = forcedPosts.update(p.withText(p.title(), p.content() + " more"));
                long t1 = System.nanoTime();
                q = unforcedPosts.update(q.withText(q.title(), q.content() + " more"));
                long t2 = System.nanoTime();
                if (i >= 0) {
                    forced[i] = t1 - t0;
                    unforced[i] = t2 - t1;
                }
            }
        }
        double f = p95(forced);
        double u = p95(unforced);
        log.printf("bench store: save p95 %.2f ms forced, %.2f ms without the force%n", f, u);
        return new BenchResult("store.save_p95_ms", f, "ms", u);
    }

    private static double p95(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    }

    private double intoMemory(List<Document> docs) {
        try (InMemoryServer server = new InMemoryServer(); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> posts = client.getDatabase(StoreConnection.DEFAULT_DATABASE).getCollection(PostSchema.COLLECTION);
            long start = System.nanoTime();
            for (int i = 0; i < docs.size(); i += ImportEngine.BATCH_SIZE) {
                posts.insertMany(docs.subList(i, Math.min(docs.size(), i + ImportEngine.BATCH_SIZE)),
                        new InsertManyOptions().ordered(false));
            }
            double rate = docs.size() / ((System.nanoTime() - start) / 1e9);
            log.printf("bench store: %,.0f docs/s into the in-memory backend%n", rate);
            return rate;
        }
    }

    /** Imports {@code file} as the app does, edits 1,000 posts, lets compaction run, and measures the disk. */
    private double importAndEdit(Path file, List<BenchResult> results) throws IOException {
        Path dataDir = workDir.resolve("imported");
        double rate;
        long bson = 0;
        long text = 0;
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            SearchIndex index = PostStore.follow(server);
            ImportEngine engine = new ImportEngine(client.getDatabase(StoreConnection.DEFAULT_DATABASE), workDir.resolve("work"), ImportTarget.IN_PROCESS);
            long start = System.nanoTime();
            ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
            rate = report.inserted() / ((System.nanoTime() - start) / 1e9);
            if (!report.verified() || report.inserted() != rows) {
                throw new IllegalStateException("bench store: the import did not verify: " + report.summary());
            }
            log.printf("bench store: imported %,d posts at %,.0f docs/s%n", rows, rate);
            MongoPostRepository posts = new MongoPostRepository(client.getDatabase(StoreConnection.DEFAULT_DATABASE));
            List<String> ids = client.getDatabase(StoreConnection.DEFAULT_DATABASE).getCollection(PostSchema.COLLECTION)
                    .find().projection(new Document("_id", 1)).map(d -> d.getObjectId("_id").toHexString()).into(new ArrayList<>());
            Random random = new Random(1);
            for (int i = 0; i < EDITS; i++) {
                Post p = posts.findById(ids.get(random.nextInt(ids.size()))).orElseThrow();
                posts.update(p.withText(p.title(), p.content() + "\n\nAn edit, " + i + ", with a few more words."));
            }
            for (RawBsonDocument doc : client.getDatabase(StoreConnection.DEFAULT_DATABASE)
                    .getCollection(PostSchema.COLLECTION, RawBsonDocument.class).find().batchSize(500)) {
                bson += doc.getByteBuffer().remaining();
                text += doc.getString(PostSchema.TITLE).getValue().length() + doc.getString(PostSchema.CONTENT).getValue().length();
            }
            index.awaitCurrent(Duration.ofMinutes(5));
            server.compactNow(); // what housekeeping does at the first idle moment
        }
        long storeBytes = Files.size(dataDir.resolve("store/blogdesk.mv.db"));
        long indexBytes = sizeOf(dataDir.resolve("store/search-index"));
        long backupBytes;
        // Housekeeping may have taken the day's backup at an idle moment during the import: measure one of the final store.
        dev.blogdesk.store.Folders.deleteTree(dataDir.resolve("store/backups"));
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, 0)) {
            backupBytes = Files.size(server.takeDailyBackup().orElseThrow());
        }
        log.printf("bench store: %,d bytes of BSON (%,d characters of text): store %,d, index %,d, backup %,d bytes%n",
                bson, text, storeBytes, indexBytes, backupBytes);
        results.add(new BenchResult("store.bytes_ratio", storeBytes + indexBytes, "bytes", bson));
        results.add(new BenchResult("store.file_ratio", storeBytes, "bytes", bson));
        results.add(new BenchResult("index.text_ratio", indexBytes, "bytes", text));
        results.add(new BenchResult("backup.store_ratio", backupBytes, "bytes", storeBytes));
        return rate;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
