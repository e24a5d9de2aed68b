package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.Revision;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code history.bytes_per_revision}: a 10 KB post saved 200 times, a few words changed each time,
 * through the repository on the embedded store; the stored revisions' BSON bytes over their number
 * (goal ≤ 2 KB). Baseline: what keeping each revision as a whole copy would cost (the post
 * document's own size). {@code history.read_ms}: rebuilding a revision (median over all 200), against
 * reading the post itself.
 */
public final class HistoryBenchmark {

    private static final int SAVES = 200;
    private final Path workDir;
    private final PrintStream log;

    public HistoryBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        try (EmbeddedMongo server = EmbeddedMongo.start(workDir.resolve("store"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("blogdb");
            MongoPostRepository repo = new MongoPostRepository(db);
            Random random = new Random(14);
            StringBuilder text = new StringBuilder();
            String[] words = {"blog", "writing", "MongoDB", "editor", "the", "post", "draft", "history", "a", "of"};
            while (text.length() < 10_000) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ".\n\n" : " ");
            }
            Post post = repo.create("A long post", text.toString());
            for (int save = 0; save < SAVES - 1; save++) {
                for (int edit = 0; edit < 3; edit++) {
                    int at = random.nextInt(text.length() - 20);
                    int end = text.indexOf(" ", at + 1);
                    text.replace(at, end < 0 ? at : end, " " + words[random.nextInt(words.length)] + save);
                }
                post = repo.update(post.withText("A long post", text.toString()));
            }
            long bytes = 0;
            long count = 0;
            var raw = db.getCollection(PostRevisions.COLLECTION, RawBsonDocument.class);
            for (RawBsonDocument d : raw.find(new Document(PostRevisions.POST_ID, new ObjectId(post.id())))) {
                bytes += d.getByteBuffer().remaining();
                count++;
            }
            RawBsonDocument whole = db.getCollection("drafts", RawBsonDocument.class)
                    .find(new Document("_id", new ObjectId(post.id()))).first();
            double perRevision = bytes / (double) count;
            log.printf("bench history: %d revisions of a %,d-character post take %,d bytes (%.0f each; a whole copy is %,d)%n",
                    count, text.length(), bytes, perRevision, whole.getByteBuffer().remaining());

            PostRevisions history = repo.revisions();
            List<Double> readMs = new ArrayList<>();
            List<Double> postMs = new ArrayList<>();
            for (Revision r : history.list(post.id())) {
                long started = System.nanoTime();
                history.read(r.id()).orElseThrow();
                readMs.add((System.nanoTime() - started) / 1e6);
                started = System.nanoTime();
                repo.findById(post.id()).orElseThrow();
                postMs.add((System.nanoTime() - started) / 1e6);
            }
            return List.of(new BenchResult("history.bytes_per_revision", perRevision, "bytes", whole.getByteBuffer().remaining()),
                    new BenchResult("history.read_ms", BenchResult.median(readMs), "ms", BenchResult.median(postMs)));
        }
    }
}
