package dev.blogdesk.store;

import dev.blogdesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store against kill -9 and a second process on the same data dir. */
class EmbeddedStoreDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedSaveSurvivesKillDashNine() throws Exception {
        Process child = ChildJvm.start(StoreWriterChild.class, dataDir.toString(), "write");
        Map<String, Integer> acknowledged = new LinkedHashMap<>();
        try (BufferedReader out = ChildJvm.stdout(child)) {
            assertThat(out.readLine()).startsWith("READY");
            // The default H2 backend commits about once a second: 800 saves, each forced to the device
            // (two forces a post: create and edit), span several commit periods.
            while (acknowledged.size() < 800) {
                String line = out.readLine();
                assertThat(line).as("child ended early").isNotNull();
                String[] parts = line.split(" ");
                acknowledged.put(parts[1], Integer.parseInt(parts[2]));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (dev.blogdesk.app.PostStore reopened = dev.blogdesk.app.PostStore.openEmbedded(dataDir, false)) {
            PostRepository posts = reopened.posts();
            int lost = 0;
            for (Map.Entry<String, Integer> ack : acknowledged.entrySet()) {
                var post = posts.findById(ack.getKey());
                if (post.isEmpty()) {
                    lost++;
                    continue;
                }
                int i = ack.getValue();
                assertThat(post.get().content()).isEqualTo((i % 2 == 0 ? "Edited " : "Content ") + i + " ✓");
            }
            assertThat(lost).as("acknowledged saves lost after kill -9").isZero();
            // The search index was killed mid-stream too: it re-reads what it had not committed.
            dev.blogdesk.search.IndexAgreement.assertAgrees(reopened,
                    java.util.List.of("Edited", "content 1", "✓", "EDITED 14", "nothing like this"));
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirGetsAClearMessageOrSharesTheRunningStore() throws Exception {
        Process holder = ChildJvm.start(StoreWriterChild.class, dataDir.toString(), "hold");
        try (BufferedReader out = ChildJvm.stdout(holder)) {
            assertThat(out.readLine()).startsWith("READY");

            assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("already running with the data folder " + dataDir)
                    .hasMessageContaining("--data-dir");

            try (StoreConnection shared = StoreConnection.openEmbedded(dataDir, true)) {
                Post created = shared.posts().create("Through the running instance", "x");
                assertThat(shared.posts().findById(created.id())).isPresent();
                assertThat(shared.description()).contains("shared with the running BlogDesk");
            }
        } finally {
            holder.destroy();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // Once the holder is gone, the store opens normally and the shared write is there.
        try (dev.blogdesk.app.PostStore reopened = dev.blogdesk.app.PostStore.openEmbedded(dataDir, false)) {
            assertThat(reopened.posts().search("running instance", 0, 10)).hasSize(1);
        }
    }
}
