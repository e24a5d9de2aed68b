package dev.blogdesk.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code blogdesk sync} against {@code blogdesk serve}, as a script would run them. */
class SyncCliIT {

    @TempDir
    Path dir;

    @Test
    void syncReportsItsRoundAsJsonAndFailsWithOneLineWhenTheServerIsAway() throws Exception {
        CliIT cli = new CliIT();
        cli.dataDir = dir.resolve("home");
        Path local = dir.resolve("local");
        // The working copy gets a post through the CLI's own import-free path: export/import are not needed,
        // the embedded store is written by a short-lived serve of the local folder.
        int localPort = CliIT.freePort();
        Process localServe = CliIT.serve(local, localPort);
        ObjectId mine = new ObjectId();
        try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + localPort)) {
            c.getDatabase("blogdb").getCollection("posts").insertOne(new Document("_id", mine).append("title", "Mine")
                    .append("content", "written locally").append("date_posted", new Date()).append("version", 1L));
        } finally {
            localServe.destroy();
            localServe.waitFor();
        }

        int port = CliIT.freePort();
        String uri = "mongodb://127.0.0.1:" + port;
        Process server = CliIT.serve(dir.resolve("remote"), port);
        ObjectId shared = new ObjectId();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
            posts.insertOne(new Document("_id", shared).append("title", "From Flask").append("content", "web")
                    .append("date_posted", new Date()));

            CliIT.Result first = cli.run("sync", "--data-dir", local.toString(), "--mongo-uri", uri, "--json");
            assertThat(first.exit()).as(first.stderr()).isZero();
            Document report = Document.parse(first.stdout().get(0));
            assertThat(report.keySet()).contains("pushed", "pulled", "conflicts", "pending", "conflicted");
            assertThat(report).containsEntry("pushed", 1).containsEntry("pulled", 1).containsEntry("conflicts", 0)
                    .containsEntry("pending", 0);
            assertThat(posts.countDocuments(Filters.eq("_id", mine))).isEqualTo(1);

            // Changed on both sides: reported, not resolved.
            posts.updateOne(Filters.eq("_id", shared), Updates.set("content", "edited on the web"));
            CliIT.Result export = cli.run("export", "--data-dir", local.toString());
            assertThat(export.stdout()).anySatisfy(line -> assertThat(line).contains("From Flask"));
            int localPort2 = CliIT.freePort();
            Process again = CliIT.serve(local, localPort2);
            try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + localPort2)) {
                c.getDatabase("blogdb").getCollection("posts").updateOne(Filters.eq("_id", shared), Updates.set("content", "edited here"));
            } finally {
                again.destroy();
                again.waitFor();
            }
            CliIT.Result conflict = cli.run("sync", "--data-dir", local.toString(), "--mongo-uri", uri, "--json");
            assertThat(conflict.exit()).as(conflict.stderr()).isZero();
            Document conflicted = Document.parse(conflict.stdout().get(0));
            assertThat(conflicted).containsEntry("conflicts", 1).containsEntry("pending", 1);
            assertThat(conflicted.getList("conflicted", String.class)).isEqualTo(List.of(shared.toHexString()));
            assertThat(posts.find(Filters.eq("_id", shared)).first().getString("content")).isEqualTo("edited on the web");
        } finally {
            server.destroy();
            server.waitFor();
        }

        CliIT.Result away = cli.run("sync", "--data-dir", local.toString(), "--mongo-uri",
                "mongodb://user:s3cret@127.0.0.1:" + port + "/blogdb?serverSelectionTimeoutMS=1500", "--json");
        assertThat(away.exit()).isNotZero();
        assertThat(away.stdout()).isEmpty();
        assertThat(away.stderr().strip().lines()).singleElement().asString().contains("not available")
                .doesNotContain("s3cret");
    }
}
