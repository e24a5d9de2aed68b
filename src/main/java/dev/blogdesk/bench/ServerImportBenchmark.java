package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.blogdesk.Launcher;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.importer.ImportProgress;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code import.vs_naive}: the same file imported over the wire into a {@code serve} child process, as
 * {@code import --mongo-uri} does (dates parsed, every document verified; serve answers as a BlogDesk
 * store, so no legacy index is built there),
 * against the seed tutorial's own migration on a fresh {@code serve}: read every row, build documents
 * with the dates left as strings, one {@code insertMany} of everything, nothing verified. Milliseconds;
 * the goal is a ratio of at most 1.0.
 */
final class ServerImportBenchmark {

    private static final Pattern SERVING = Pattern.compile("serving on (mongodb://127\\.0\\.0\\.1:\\d+)/");

    private final Path workDir;
    private final PrintStream log;

    ServerImportBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    BenchResult run(Path file, Path warm) throws Exception {
        naive(warm, "warm-naive");
        blogDesk(warm, "warm-blogdesk");
        double naive = naive(file, "naive");
        double blogDesk = blogDesk(file, "blogdesk");
        log.printf("bench import: into a serve endpoint, the naive migration took %.1f s, BlogDesk's import %.1f s%n", naive, blogDesk);
        return new BenchResult("import.vs_naive", blogDesk * 1000, "ms", naive * 1000);
    }

    /** SELECT * FROM post, documents with string dates, one insertMany of everything: the tutorial's script. */
    private double naive(Path file, String name) throws Exception {
        try (Serve serve = new Serve(workDir.resolve(name)); MongoClient client = MongoClients.create(serve.uri)) {
            MongoDatabase db = client.getDatabase("blogdb");
            long start = System.nanoTime();
            List<Document> docs = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM post")) {
                while (rs.next()) {
                    docs.add(new Document("title", rs.getString("title")).append("content", rs.getString("content"))
                            .append("date_posted", rs.getString("date_posted")));
                }
            }
            db.getCollection("posts").insertMany(docs, new InsertManyOptions().ordered(true));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private double blogDesk(Path file, String name) throws Exception {
        try (Serve serve = new Serve(workDir.resolve(name)); MongoClient client = MongoClients.create(serve.uri)) {
            // As `import --mongo-uri` runs it: it asks what serves the URI, and serve answers as a BlogDesk store.
            ImportEngine engine = new ImportEngine(client.getDatabase("blogdb"), workDir.resolve(name + "-work"), ImportTarget.over(client.getDatabase("blogdb")));
            long start = System.nanoTime();
            ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.verified()) {
                throw new IllegalStateException("bench import: the import into serve did not verify: " + report.summary());
            }
            return seconds;
        }
    }

    /** {@code blogdesk serve} on a free port in its own JVM, stopped on close. */
    private static final class Serve implements AutoCloseable {
        final Process process;
        final String uri;

        Serve(Path dataDir) throws IOException, InterruptedException {
            Files.createDirectories(dataDir);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                    "serve", "--port", "0", "--data-dir", dataDir.toString());
            process = new ProcessBuilder(command).redirectError(dataDir.resolve("serve-stderr.txt").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String found = null;
            String line;
            while (found == null && (line = out.readLine()) != null) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    found = m.group(1);
                }
            }
            if (found == null) {
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("bench import: serve did not start: "
                        + Files.readString(dataDir.resolve("serve-stderr.txt")));
            }
            uri = found;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: serve closes its store cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
