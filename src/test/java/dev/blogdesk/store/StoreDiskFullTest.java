package dev.blogdesk.store;

import dev.blogdesk.testing.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full disk, for real: a small tmpfs mounted for the test (needs root, as in CI; skipped where mounting is
 * not allowed). The store says so in one sentence, reads still work, and nothing acknowledged is lost.
 */
class StoreDiskFullTest {

    @TempDir
    Path tmp;
    private SmallDisk small;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        small = SmallDisk.mount(tmp.resolve("small-disk"), "6m");
        disk = small.root();
    }

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            small.close();
        }
    }

    @Test
    void onAFullDiskReadsWorkAWriteFailsWithOneSentenceAndNothingAcknowledgedIsLost() throws Exception {
        Path dataDir = disk.resolve("blogdesk");
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            for (int i = 0; i < 20; i++) {
                store.posts().create("Kept " + i, "acknowledged before the disk filled");
            }
        }
        Path filler = small.fill();

        // Read-only use needs no free byte (no port file, no commit).
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().count()).isEqualTo(20);
            assertThat(store.posts().list(0, 100)).hasSize(20);
        }

        List<String> stopped = new CopyOnWriteArrayList<>();
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            store.embedded().orElseThrow().onStopped(stopped::add);
            String big = "x".repeat(300_000);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    store.posts().create("Not acknowledged " + i, big + i);
                }
            }).isInstanceOf(StoreException.class)
                    .hasMessageContaining("The disk holding " + dataDir.resolve("store") + " is full (0 MB free)")
                    .hasMessageNotContaining("closed");
            assertThat(stopped).singleElement().asString().startsWith("The disk holding");
            // It does not pretend to be whole afterwards: every request gets the same sentence.
            assertThatThrownBy(() -> store.posts().count()).isInstanceOf(StoreException.class).hasMessageContaining("is full");
        }

        Files.delete(filler);
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().list(0, 1000)).extracting(PostSummary::title).filteredOn(t -> t.startsWith("Kept")).hasSize(20);
            store.posts().create("After space came back", "saved");
        }
    }

    @Test
    void aFirstStartOnAFullDiskSaysTheDiskIsFullNotThatTheStoreIsDamaged() throws Exception {
        small.fill();
        Path dataDir = disk.resolve("new-blogdesk");
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false)).isInstanceOf(StoreException.class)
                .isNotInstanceOf(StoreDamagedException.class).hasMessageContaining("is full");
        assertThat(dataDir.resolve("store/blogdesk.mv.db")).as("no 0-byte store is left to look damaged").doesNotExist();
    }
}
