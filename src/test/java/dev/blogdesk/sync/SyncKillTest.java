package dev.blogdesk.sync;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.testing.ChildJvm;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's JVM killed with kill -9 in the middle of a sync, then started again. */
class SyncKillTest {

    @TempDir
    Path dir;

    @Test
    void nothingIsLostOrDuplicatedAfterAKillDuringASync() throws Exception {
        Path localDir = dir.resolve("local");
        try (StoreConnection local = StoreConnection.openEmbedded(localDir, false)) {
            List<Document> posts = new ArrayList<>();
            for (int i = 0; i < 8000; i++) {
                posts.add(new Document("_id", new ObjectId()).append("title", "Post " + i)
                        .append("content", "text ".repeat(300) + i).append("date_posted", new Date()).append("version", 1L));
            }
            local.database().getCollection("posts").insertMany(posts);
        }
        try (EmbeddedMongo remoteServer = EmbeddedMongo.start(dir.resolve("remote"), 0);
             MongoClient client = MongoClients.create(remoteServer.connectionString())) {
            MongoCollection<Document> remote = client.getDatabase("blogdb").getCollection("posts");
            Process child = ChildJvm.start(SyncChild.class, localDir.toString(), remoteServer.connectionString());
            try (BufferedReader out = ChildJvm.stdout(child)) {
                assertThat(out.readLine()).isEqualTo("READY");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (remote.countDocuments() < 2000 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                child.destroyForcibly(); // kill -9 in the middle of the push
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(remote.countDocuments()).as("the kill came mid-push").isBetween(2000L, 7999L);

            try (StoreConnection local = StoreConnection.openEmbedded(localDir, false);
                 SyncRemote syncRemote = SyncRemote.open(new ConnectionProfile(remoteServer.connectionString(), "blogdb", "posts"))) {
                SyncReport again = SyncEngine.of(local).round(syncRemote);
                assertThat(again.conflicts()).isZero();
                assertThat(again.pending()).isZero();
                assertThat(contents(local.database().getCollection("posts"))).hasSize(8000)
                        .isEqualTo(contents(remote));
            }
        }
    }

    private static Map<Object, String> contents(MongoCollection<Document> posts) {
        Map<Object, String> byId = new HashMap<>();
        for (Document d : posts.find()) {
            assertThat(byId.put(d.get("_id"), d.getString("title") + "|" + d.getString("content"))).as("duplicate").isNull();
        }
        return byId;
    }
}
