package dev.blogdesk.store;

import dev.blogdesk.app.PostStore;
import dev.blogdesk.testing.ChildJvm;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 while posts are published and unpublished: every post exists exactly once afterwards. */
class PublishCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void aKillInTheMiddleOfPublishingLeavesExactlyOneCopyOfEveryPostInItsAcknowledgedPlace() throws Exception {
        Path ackFile = dataDir.resolveSibling(dataDir.getFileName() + "-acks.txt");
        Process child = ChildJvm.start(StoreWriterChild.class, dataDir.toString(), "publish", ackFile.toString());
        try (BufferedReader out = ChildJvm.stdout(child)) {
            assertThat(out.readLine()).startsWith("READY");
            assertThat(out.readLine()).isEqualTo("CREATED");
            // Until a few hundred moves are acknowledged, then SIGKILL, most likely in the middle of one.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(ackFile) < 300 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        Map<String, String> acknowledged = new HashMap<>();
        for (String line : Files.readAllLines(ackFile)) {
            String[] parts = line.split(" ");
            if (parts.length == 3) { // the last line may have been cut by the kill
                acknowledged.put(parts[1], parts[2]);
            }
        }
        Files.delete(ackFile);
        assertThat(acknowledged).hasSize(10);

        try (PostStore reopened = PostStore.openEmbedded(dataDir, false)) {
            Set<String> inPosts = ids(reopened, PostSchema.COLLECTION);
            Set<String> inDrafts = ids(reopened, PostSchema.DRAFTS);
            Set<String> both = new HashSet<>(inPosts);
            both.retainAll(inDrafts);
            assertThat(both).as("no post in both collections once the store has opened").isEmpty();
            Set<String> all = new HashSet<>(inPosts);
            all.addAll(inDrafts);
            assertThat(all).as("no post lost").isEqualTo(acknowledged.keySet());
            int moved = 0;
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                String now = inPosts.contains(e.getKey()) ? "published" : "draft";
                if (!now.equals(e.getValue())) {
                    moved++; // the one move in flight at the kill may have landed
                }
            }
            assertThat(moved).as("posts not where their last acknowledged move put them").isLessThanOrEqualTo(1);
            assertThat(reopened.posts().list(0, 100)).as("listed once each").hasSize(10);
        }
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static Set<String> ids(PostStore store, String collection) {
        Set<String> ids = new HashSet<>();
        for (Document d : store.database().getCollection(collection).find()) {
            ids.add(PostSchema.idOf(d));
        }
        return ids;
    }
}
