package dev.blogdesk.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** serve on a disk that fills up: it exits with the sentence instead of staying up refusing everything. */
class DiskFullCliIT {

    @TempDir
    Path tmp;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (not root?)");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
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
                // Fill the rest of the disk from outside, as another program would.
                try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
                    byte[] block = new byte[64 * 1024];
                    while (true) {
                        out.write(block);
                    }
                } catch (java.io.IOException full) {
                    assertThat(full.getMessage()).contains("No space left on device");
                }
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
