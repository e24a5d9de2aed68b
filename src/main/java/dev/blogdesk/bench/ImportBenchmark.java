package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.importer.ImportProgress;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import org.bson.Document;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code bench import}: generates a Flask-style {@code blog.db}, then times (a) a raw unordered
 * {@code insertMany} of the very documents the import builds, into a fresh embedded store, with the
 * import's batch size, and (b) the full BlogDesk import of the file (snapshot, read, write, indexes,
 * verification) into another fresh store. Figure {@code import.throughput}: docs/s, baseline raw docs/s.
 */
public final class ImportBenchmark {

    /** The generated posts' vocabulary: common English words. */
    static final String[] WORDS = "the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part".split(" ");

    private final Path workDir;
    private final int rows;
    private final PrintStream log;

    public ImportBenchmark(Path workDir, int rows, PrintStream log) {
        this.workDir = workDir;
        this.rows = rows;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("bench-blog.db");
        log.printf("bench import: generating %,d rows in %s%n", rows, file);
        generate(file, rows);
        // Warm the JIT on both paths so neither pays for it alone.
        Path warm = workDir.resolve("warm.db");
        generate(warm, Math.min(rows, 5_000));
        raw(warm, "warm-raw");
        blogDesk(warm, "warm-import");

        double rawRate = raw(file, "raw");
        double importRate = blogDesk(file, "import");
        log.printf("bench import: raw insertMany %,.0f docs/s, BlogDesk import %,.0f docs/s%n", rawRate, importRate);
        BenchResult vsNaive = new ServerImportBenchmark(workDir.resolve("serve"), log).run(file, warm);
        return List.of(new BenchResult("import.throughput", importRate, "docs/s", rawRate), vsNaive);
    }

    /** Builds the import's documents (dry run, nothing written), then times inserting them raw. */
    private double raw(Path file, String name) throws Exception {
        List<Document> docs = documentsOf(file, workDir.resolve(name + "-prep"));
        try (Store store = new Store(workDir.resolve(name))) {
            MongoCollection<Document> posts = store.client.getDatabase("blogdb").getCollection(dev.blogdesk.store.PostSchema.COLLECTION);
            long start = System.nanoTime();
            for (int i = 0; i < docs.size(); i += ImportEngine.BATCH_SIZE) {
                posts.insertMany(docs.subList(i, Math.min(docs.size(), i + ImportEngine.BATCH_SIZE)),
                        new InsertManyOptions().ordered(false));
            }
            return docs.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The documents the import builds from {@code file} (a dry run into a scratch store: nothing written). */
    static List<Document> documentsOf(Path file, Path scratch) {
        List<Document> docs = new ArrayList<>();
        try (Store prep = new Store(scratch)) {
            new ImportEngine(prep.client.getDatabase("blogdb"), scratch.resolve("work"), ImportTarget.IN_PROCESS)
                    .run(ImportRequest.of(file, null).asDryRun().sampling(Integer.MAX_VALUE, docs::add), ImportProgress.NONE);
        }
        return docs;
    }

    /** The data dir the timed BlogDesk import wrote, with all its posts (and their search index). */
    public Path importedStore() {
        return workDir.resolve("import");
    }

    private double blogDesk(Path file, String name) throws Exception {
        try (Store store = new Store(workDir.resolve(name))) {
            ImportEngine engine = new ImportEngine(store.client.getDatabase("blogdb"), workDir.resolve(name + "-work"), ImportTarget.IN_PROCESS);
            long start = System.nanoTime();
            ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.verified() || report.inserted() != report.read()) {
                throw new IllegalStateException("bench import: the import did not verify: " + report.summary());
            }
            return report.inserted() / seconds;
        }
    }

    static void generate(Path file, int rows) throws Exception {
        Files.deleteIfExists(file);
        Random random = new Random(20261125);
        String[] words = WORDS;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE post (id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, content TEXT NOT NULL, "
                        + "date_posted DATETIME NOT NULL, PRIMARY KEY (id))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO post VALUES (?, ?, ?, ?)")) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= rows; i++) {
                    sb.setLength(0);
                    int length = 500 + random.nextInt(3500);
                    while (sb.length() < length) {
                        sb.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
                    }
                    ps.setInt(1, i);
                    ps.setString(2, "Post " + i + ": " + words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]);
                    ps.setString(3, sb.toString());
                    ps.setString(4, String.format("20%02d-%02d-%02d %02d:%02d:%02d.%06d", 10 + random.nextInt(15),
                            1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                            random.nextInt(60), random.nextInt(1_000_000)));
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** A fresh embedded store in its own folder. */
    private static final class Store implements AutoCloseable {
        final EmbeddedMongo server;
        final MongoClient client;

        Store(Path dir) {
            server = EmbeddedMongo.start(dir, 0);
            PostStore.follow(server); // the search index keeps up, as in the app
            client = MongoClients.create(server.connectionString());
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
