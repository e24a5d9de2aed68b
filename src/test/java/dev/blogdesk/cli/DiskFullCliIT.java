package dev.blogdesk.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import dev.blogdesk.testing.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** serve on a disk that fills up: it exits with the sentence instead of staying up refusing everything. */
class DiskFullCliIT {

    @TempDir
    Path tmp;
    private SmallDisk small;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        small = SmallDisk.mount(tmp.resolve("small-disk"), "8m");
        disk = small.root();
    }

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            small.close();
        }
    }

    @Test
    void serveExitsWithTheSentenceWhenTheDiskFills() throws Exception {
        Path data = disk.resolve("blogdesk");
        int port = CliIT.freePort();
        Process serve = new ProcessBuilder(CliIT.java("serve", "--data-dir", data.toString(), "--port", Integer.toString(port)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("serve.err").toFile()).start();
        try {
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=20000")) {
                MongoCollection<Document> posts = client.getDatabase("blogdb").getCollection("posts");
                posts.insertOne(new Document("title", "first").append("content", "kept"));
                small.fill(); // the rest of the disk, from outside, as another program would
                String big = "y".repeat(200_000);
                for (int i = 0; i < 40 && serve.isAlive(); i++) {
                    try {
                        posts.insertOne(new Document("title", "more " + i).append("content", big));
                    } catch (RuntimeException refused) {
                        break; // the request that hit the full disk is refused, not acknowledged
                    }
                }
            }
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve exits instead of staying up broken").isTrue();
            assertThat(serve.exitValue()).isNotZero();
            String stderr = Files.readString(tmp.resolve("serve.err"), StandardCharsets.UTF_8);
            assertThat(stderr).contains("blogdesk: The disk holding " + data.resolve("store") + " is full");
        } finally {
            serve.destroyForcibly();
        }
    }
}
