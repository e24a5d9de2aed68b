package dev.blogdesk.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of target/blogdesk.jar, as a user or a script runs it. */
class CliIT {

    @TempDir
    Path dataDir;
    // ImportCliIT sets this to its own folder to reuse run()

    record Result(int exit, List<String> stdout, String stderr) {
    }

    static List<String> java(String... args) {
        return JarLauncher.command(args);
    }

    /** Runs the jar with BLOGDESK_HOME on the test's temp dir, so nothing is written outside it. */
    Result run(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(args));
        pb.environment().put("BLOGDESK_HOME", dataDir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        var out = new java.util.concurrent.CompletableFuture<List<String>>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out.complete(r.lines().toList());
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        reader.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out.get(60, TimeUnit.SECONDS), err);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process serve(Path dataDir, int port) throws Exception {
        Process p = new ProcessBuilder(java("serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).contains("serving on mongodb://127.0.0.1:" + port);
        return p;
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a folder");
        Result r = run("export", "--data-dir", file.resolve("blog").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.stdout()).as("logging never writes to stdout").isEmpty();
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .startsWith("blogdesk: Cannot create the data folder " + file.resolve("blog"));
    }

    @Test
    void serveOnABusyPortNamesThePortAndTheWayOut() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Result r = run("serve", "--port", Integer.toString(port), "--data-dir", dataDir.resolve("served").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.stderr().strip().lines()).singleElement().asString()
                    .contains("Port " + port + " on 127.0.0.1 is already in use").contains("--port")
                    .doesNotContain("BindException");
        }
    }

    @Test
    void theDesktopAppWithoutADisplaySaysSoInOneLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java("--data-dir", dataDir.resolve("desk").toString()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(stderr.strip().lines()).singleElement().asString()
                .startsWith("blogdesk: there is no display").contains("blogdesk export");
    }

    @Test
    void exportOfAnEmptyStoreSucceedsWithNoOutput() throws Exception {
        Result r = run("export", "--data-dir", dataDir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEmpty();
        assertThat(dataDir.resolve("logs/blogdesk.log")).exists();
    }

    @Test
    void serveSpeaksMongoDbTheWayTheFlaskBlogUsesIt() throws Exception {
        int port = freePort();
        Process server = serve(dataDir, port);
        ObjectId id;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            // What Flask-PyMongo's blog does: mongo.db.posts.insert_one / find / find($regex) / update_one / delete_one
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            Date posted = Date.from(java.time.Instant.parse("2018-05-04T16:01:12.123Z"));
            id = posts.insertOne(new Document("title", "First Flask post").append("content", "Written by pymongo ✓")
                    .append("date_posted", posted)).getInsertedId().asObjectId().getValue();
            posts.insertOne(new Document("title", "Doomed").append("content", "to be deleted").append("date_posted", new Date()));

            assertThat(posts.find().into(new ArrayList<>())).hasSize(2);
            assertThat(posts.find(Filters.regex("title", Pattern.compile("flask", Pattern.CASE_INSENSITIVE))).first().getString("title"))
                    .isEqualTo("First Flask post");
            assertThat(posts.find(new Document("$or", List.of(new Document("title", new Document("$regex", "pymongo").append("$options", "i")),
                    new Document("content", new Document("$regex", "pymongo").append("$options", "i"))))).into(new ArrayList<>())).hasSize(1);
            assertThat(posts.updateOne(Filters.eq("_id", id), Updates.set("content", "Edited by pymongo ✓")).getModifiedCount()).isEqualTo(1);
            assertThat(posts.deleteOne(Filters.eq("title", "Doomed")).getDeletedCount()).isEqualTo(1);

            // While serve holds the store, the CLI shares it instead of failing on the lock.
            Result whileServing = run("search", "edited", "--json", "--data-dir", dataDir.toString());
            assertThat(whileServing.exit()).isZero();
            assertThat(whileServing.stdout()).singleElement().asString().contains("Edited by pymongo");

            // A second server on the same data dir is refused with one clear line, never a stack trace.
            Result second = run("serve", "--port", Integer.toString(freePort()), "--data-dir", dataDir.toString());
            assertThat(second.exit()).isNotZero();
            assertThat(second.stderr().strip().lines()).singleElement().asString()
                    .contains("already running").contains("mongodb://127.0.0.1:" + port);
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook closes the store cleanly
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        Result export = run("export", "--data-dir", dataDir.toString());
        assertThat(export.exit()).isZero();
        assertThat(export.stdout()).hasSize(1);
        Document doc = Document.parse(export.stdout().get(0));
        assertThat(doc.getObjectId("_id")).isEqualTo(id);
        assertThat(doc.getString("content")).isEqualTo("Edited by pymongo ✓");
        assertThat(doc.get("date_posted")).isEqualTo(Date.from(java.time.Instant.parse("2018-05-04T16:01:12.123Z")));
        assertThat(export.stdout().get(0)).contains("\"date_posted\": {\"$date\": \"2018-05-04T16:01:12.123Z\"}");
    }

    @Test
    void draftsStayOutOfWhatTheFlaskBlogReadsAndTheCommandLineMovesThem() throws Exception {
        // An image as the editor stores it, before the server starts.
        byte[] png = dev.blogdesk.testing.TestImages.png(40, 30, 9);
        String imageName;
        try (dev.blogdesk.app.PostStore local = dev.blogdesk.app.PostStore.openEmbedded(dataDir, false)) {
            imageName = new dev.blogdesk.store.PostImages(local.database()).put(png, "image/png").filename();
        }
        int port = freePort();
        Process server = serve(dataDir, port);
        ObjectId draftId = new ObjectId();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase("blogdb");
            // A draft as BlogDesk stores it, and a post the Flask blog wrote.
            db.getCollection("drafts").insertOne(new Document("_id", draftId).append("title", "Half done")
                    .append("content", "secret words").append("date_posted", new Date()).append("status", "draft")
                    .append("version", 1L));
            db.getCollection("posts").insertOne(new Document("title", "Live").append("content", "public words")
                    .append("date_posted", Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z"))));
            assertThat(db.getCollection("posts").find().into(new ArrayList<>()))
                    .as("what the Flask blog lists: posts.find()").extracting(d -> d.getString("title")).containsExactly("Live");
            // Flask-PyMongo's send_file(filename): GridFS's bucket fs, by filename, with the content type.
            java.io.ByteArrayOutputStream image = new java.io.ByteArrayOutputStream();
            com.mongodb.client.gridfs.GridFSBuckets.create(db).downloadToStream(imageName, image);
            assertThat(image.toByteArray()).isEqualTo(png);
            assertThat(db.getCollection("fs.files").find(Filters.eq("filename", imageName)).first().getString("contentType"))
                    .isEqualTo("image/png");
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        Result all = run("export", "--data-dir", dataDir.toString());
        assertThat(all.stdout()).extracting(l -> Document.parse(l).getString("status")).containsExactly("draft", "published");
        Result drafts = run("export", "--status", "draft", "--data-dir", dataDir.toString());
        assertThat(drafts.stdout()).singleElement().satisfies(l -> assertThat(Document.parse(l).getString("title")).isEqualTo("Half done"));
        Result found = run("search", "words", "--json", "--data-dir", dataDir.toString());
        assertThat(found.stdout()).hasSize(2);
        Result bad = run("export", "--status", "secret", "--data-dir", dataDir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--status must be draft or published");

        Result published = run("publish", draftId.toHexString(), "--data-dir", dataDir.toString());
        assertThat(published.exit()).isZero();
        assertThat(published.stderr()).contains("Published 'Half done'");
        server = serve(dataDir, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase("blogdb");
            Document live = db.getCollection("posts").find(Filters.eq("_id", draftId)).first();
            assertThat(live).isNotNull();
            assertThat(live.getString("status")).isEqualTo("published");
            assertThat(db.getCollection("drafts").countDocuments()).isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(run("unpublish", draftId.toHexString(), "--data-dir", dataDir.toString()).exit()).isZero();
        assertThat(run("export", "--status", "published", "--data-dir", dataDir.toString()).stdout())
                .extracting(l -> Document.parse(l).getString("title")).containsExactly("Live");
        Result missing = run("publish", new ObjectId().toHexString(), "--data-dir", dataDir.toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.stderr().strip().lines()).singleElement().asString().contains("No post has the id");
    }

    @Test
    void searchMatchesLiteralTextAndPrintsDocumentsInResultOrder() throws Exception {
        int port = freePort();
        Process server = serve(dataDir, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            posts.insertOne(new Document("title", "Old C++ post").append("content", "x").append("date_posted",
                    Date.from(java.time.Instant.parse("2010-01-01T00:00:00Z"))));
            posts.insertOne(new Document("title", "New C++ post").append("content", "y").append("date_posted",
                    Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z"))));
            posts.insertOne(new Document("title", "Plain C post").append("content", "z").append("date_posted", new Date()));
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        Result json = run("search", "c++", "--json", "--data-dir", dataDir.toString());
        assertThat(json.exit()).isZero();
        assertThat(json.stdout()).extracting(l -> Document.parse(l).getString("title")).containsExactly("New C++ post", "Old C++ post");

        Result limited = run("search", "C++", "--limit", "1", "--data-dir", dataDir.toString());
        assertThat(limited.stdout()).singleElement().asString().startsWith("2020-01-01T00:00:00Z").endsWith("New C++ post");

        Result none = run("search", ".*", "--data-dir", dataDir.toString());
        assertThat(none.exit()).isZero();
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void anUnreachableServerIsOneClearLineAndTheCredentialsNeverShow() throws Exception {
        int closedPort = freePort();
        Result r = run("export", "--mongo-uri", "mongodb://alice:hunter2secret@127.0.0.1:" + closedPort + "/blogdb?serverSelectionTimeoutMS=1500");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr().strip().lines()).singleElement().asString().startsWith("blogdesk: ").doesNotContain("hunter2secret");
        assertThat(r.stdout()).isEmpty();

        Result bad = run("export", "--mongo-uri", "not-a-uri://x:topsecret@");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.stderr().strip().lines()).singleElement().asString().contains("not valid").doesNotContain("topsecret");
    }

    @Test
    void theLogNeverHoldsCredentials() throws Exception {
        int closedPort = freePort();
        // With --mongo-uri, logs still go to the data dir: BLOGDESK_HOME, set by run().
        Result r = run("export", "--mongo-uri", "mongodb://bob:pa55w0rdXYZ@127.0.0.1:" + closedPort
                + "/blogdb?serverSelectionTimeoutMS=1000");
        assertThat(r.exit()).isNotZero();
        String log = Files.readString(dataDir.resolve("logs/blogdesk.log"));
        assertThat(log).contains("bob:***@127.0.0.1").doesNotContain("pa55w0rdXYZ");
    }
}
