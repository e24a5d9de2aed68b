package dev.blogdesk.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.sync.ConnectionProfile;
import dev.blogdesk.sync.SyncEngine;
import dev.blogdesk.sync.SyncRemote;
import dev.blogdesk.sync.SyncReport;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

/**
 * {@code bench sync}: {@code sync.push_1000} is the push of 1,000 posts edited while the server was
 * away, timed inside a real sync round after it came back; the baseline is a raw unordered
 * {@code bulkWrite} replacing the same 1,000 documents in the same collection of the same server,
 * right after, on the server restarted again so that both meet it cold, and each with both stores'
 * search indexes idle. Medians of 15 of each, after five warm-up rounds: a push runs code the edits
 * before it do not, and the baseline's client code (the driver encoding documents) is already hot
 * from those edits.
 */
public final class SyncBenchmark {

    private static final int POSTS = 1_000;
    private static final int ROUNDS = 15;
    private static final int WARM_UPS = 5;

    private final Path workDir;
    private final PrintStream log;

    public SyncBenchmark(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        Files.createDirectories(workDir);
        Random random = new Random(11);
        List<Double> pushes = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        Path remoteDir = workDir.resolve("remote");
        EmbeddedMongo server = EmbeddedMongo.start(remoteDir, 0);
        int port = server.port();
        try (StoreConnection local = StoreConnection.openEmbedded(workDir.resolve("local"), false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> localPosts = local.database().getCollection(dev.blogdesk.store.PostSchema.COLLECTION);
            List<Document> posts = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                posts.add(new Document("_id", new ObjectId()).append("title", "Post " + i)
                        .append("content", text(random)).append("date_posted", new Date()).append("version", 1L));
            }
            localPosts.insertMany(posts);
            ConnectionProfile profile = new ConnectionProfile(server.connectionString(), "blogdb", "posts");
            sync(local, profile);
            for (int round = -WARM_UPS; round < ROUNDS; round++) {
                // Offline: the server goes away, every post is edited here, the server comes back.
                server.close();
                List<Document> edited = new ArrayList<>();
                for (Document p : localPosts.find()) {
                    Document e = new Document(p).append("content", text(random)).append("version", p.getLong("version") + 1);
                    localPosts.replaceOne(Filters.eq("_id", p.get("_id")), e);
                    edited.add(e);
                }
                server = EmbeddedMongo.start(remoteDir, port);
                // Neither store runs a search index here (a real server has none, and a push writes
                // nothing locally): each timed part meets committed stores and an idle machine.
                settle(local.embedded().orElseThrow(), server);
                SyncReport report;
                double pushMs;
                try (SyncRemote remote = SyncRemote.open(profile)) {
                    report = engine(local).round(remote);
                    pushMs = report.pushTime().toNanos() / 1e6;
                }
                if (report.pushed() != POSTS || report.conflicts() != 0) {
                    throw new IllegalStateException("bench sync: expected " + POSTS + " pushed: " + report.summary());
                }
                List<WriteModel<Document>> replaces = new ArrayList<>();
                for (Document e : edited) {
                    replaces.add(new ReplaceOneModel<>(Filters.eq("_id", e.get("_id")), new Document(e).append("updated_at", new Date())));
                }
                // The baseline meets the server as the push did: just restarted, nothing of the
                // collection in its cache yet (after the push it would all be warm).
                server.close();
                server = EmbeddedMongo.start(remoteDir, port);
                try (MongoClient fresh = MongoClients.create(server.connectionString())) {
                    // The same collection the push wrote (so the server does the same work for both),
                    // and the same contents: the server's posts end up as they were.
                    MongoCollection<Document> target = fresh.getDatabase("blogdb").getCollection("posts");
                    target.find().first(); // connected, as the sync is when it starts pushing
                    settle(local.embedded().orElseThrow(), server);
                    long start = System.nanoTime();
                    target.bulkWrite(replaces, new BulkWriteOptions().ordered(false));
                    double rawMs = (System.nanoTime() - start) / 1e6;
                    if (round >= 0) {
                        pushes.add(pushMs);
                        raws.add(rawMs);
                        log.printf("bench sync round %d: push %.0f ms, raw bulkWrite %.0f ms%n", round + 1, pushMs, rawMs);
                    }
                }
            }
        } finally {
            server.close();
        }
        return List.of(new BenchResult("sync.push_1000", BenchResult.median(pushes), "ms", BenchResult.median(raws)));
    }

    private static void settle(EmbeddedMongo... stores) {
        for (EmbeddedMongo store : stores) {
            store.changeFeed().commitState();
        }
    }

    private static void sync(StoreConnection local, ConnectionProfile profile) {
        try (SyncRemote remote = SyncRemote.open(profile)) {
            engine(local).round(remote);
        }
    }

    private static SyncEngine engine(StoreConnection local) {
        return SyncEngine.of(local);
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = 500 + random.nextInt(3500);
        while (sb.length() < length) {
            sb.append(ImportBenchmark.WORDS[random.nextInt(ImportBenchmark.WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

}
