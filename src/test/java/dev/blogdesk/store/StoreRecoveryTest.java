package dev.blogdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A damaged store is reported, never deleted, and can be replaced by a backup or a fresh store. */
class StoreRecoveryTest {

    @TempDir
    Path dataDir;

    private String createPost(String title) {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            return store.posts().create(title, "content").id();
        }
    }

    /** {@code n} posts in one session, written in one request as an import does. */
    private void createPosts(int n) {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            java.util.List<org.bson.Document> docs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                docs.add(new org.bson.Document("title", "Post " + i).append("content", "Some words for post " + i + ". ".repeat(20))
                        .append("date_posted", new java.util.Date()).append("version", 1L));
            }
            store.database().getCollection(PostSchema.COLLECTION).insertMany(docs);
        }
    }

    /** The day's backup, as the running store takes it in the background. */
    private Path backUp(Instant now) {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            return store.embedded().orElseThrow().backupIfDue(now).orElseThrow();
        }
    }

    @Test
    void aDamagedStoreIsReportedLeftInPlaceAndABackupBringsThePostsBack() throws Exception {
        String id = createPost("Backed up");
        Path backup = backUp(Instant.now());
        assertThat(StoreBackups.latest(dataDir)).contains(backup);
        assertThat(backup.getFileName().toString()).endsWith("-1posts.mv.db");

        Path file = StoreBackups.storeFile(dataDir);
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("is damaged").hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).as("the damaged file is not touched").isEqualTo(garbage);
        assertThat(StoreBackups.list(dataDir)).as("a damaged store never becomes a backup").containsExactly(backup);
        try (var files = Files.list(StoreBackups.backupDir(dataDir))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("pending-"));
        }

        Path aside = StoreBackups.restore(dataDir, StoreBackups.latest(dataDir).orElseThrow());
        assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        // The restored store is recorded at once: cut short before its first start, it is damaged too.
        byte[] restored = Files.readAllBytes(file);
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false)).isInstanceOf(StoreDamagedException.class);
        Files.write(file, restored);
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().findById(id)).get().extracting(Post::title).isEqualTo("Backed up");
        }
    }

    @Test
    void aStoreCutToHalfIsDamagedNotAnOlderOrEmptyStoreAndTheFileIsKept() throws Exception {
        for (int round = 0; round < 3; round++) {
            createPosts(15); // three sessions: the file holds several commits, as a real one does
        }
        Path file = StoreBackups.storeFile(dataDir);
        byte[] whole = Files.readAllBytes(file);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(file, half);

        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("is damaged")
                .hasMessageContaining("restore the newest backup");
        assertThat(Files.readAllBytes(file)).as("never rewritten").isEqualTo(half);

        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("empty (0 bytes)")
                .hasMessageContaining("45 posts");
        assertThat(Files.size(file)).isZero();

        // Starting fresh sets the file (and its record) aside: the new store is empty, and says so only once.
        Path aside = StoreBackups.setAsideDamaged(dataDir);
        assertThat(aside).exists();
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().count()).isZero();
            assertThat(store.embedded().orElseThrow().backupIfDue(Instant.now())).as("no backup of an empty store").isEmpty();
        }
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().count()).isZero();
        }
    }

    @Test
    void flippedBytesAreReportedAsDamageNeverAsAnErrorCodeAndTheNextStartOffersTheWayOut() throws Exception {
        createPosts(400);
        Path file = StoreBackups.storeFile(dataDir);
        byte[] bytes = Files.readAllBytes(file);
        // Garbage over the middle half of the file: pages the posts live in, not the header or the newest chunk.
        Random random = new Random(7);
        for (int i = bytes.length / 4; i < bytes.length * 3 / 4; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        Files.write(file, bytes);

        Throwable failure = catchThrowable(() -> {
            try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
                store.posts().list(0, 1000); // the list's own query
            }
        });
        assertThat(failure).as("damage is never served as if the store were whole").isInstanceOf(StoreException.class)
                .hasMessageContaining("damaged").hasMessageNotContaining("code -1");
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("is damaged");
    }

    @Test
    void backupsAreDailyCompactedAndRotationNeverDropsTheLastOneWithPosts() throws Exception {
        createPosts(200);
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        Path first = backUp(t);
        assertThat(Files.size(first)).as("a compacted copy is no bigger than the store")
                .isLessThanOrEqualTo((long) (Files.size(StoreBackups.storeFile(dataDir)) * 1.1));
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.embedded().orElseThrow().backupIfDue(t.plus(Duration.ofHours(2)))).as("same day").isEmpty();
        }
        for (int day = 1; day <= 4; day++) {
            backUp(t.plus(Duration.ofDays(day)));
        }
        assertThat(StoreBackups.list(dataDir)).extracting(p -> p.getFileName().toString()).containsExactly(
                "blogdesk-20260105-100000-200posts.mv.db", "blogdesk-20260104-100000-200posts.mv.db",
                "blogdesk-20260103-100000-200posts.mv.db");

        // A store that holds no posts (emptied, or started fresh after damage) is never backed up, so
        // day after day of it cannot push the last good backups out.
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            for (PostSummary p : store.posts().list(0, 1000)) {
                store.posts().deleteForUndo(p.id());
            }
            assertThat(store.posts().count()).isZero();
        }
        for (int day = 5; day <= 9; day++) {
            try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
                assertThat(store.embedded().orElseThrow().backupIfDue(t.plus(Duration.ofDays(day)))).isEmpty();
            }
        }
        assertThat(StoreBackups.list(dataDir)).extracting(StoreBackups::postsIn).containsExactly(200L, 200L, 200L);
    }

    @Test
    void aBackupTakenWhileSavesGoOnIsOneConsistentVersionAndOpensAsAStore() throws Exception {
        createPosts(300);
        Path backup;
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    store.posts().create("during " + i, "text");
                }
            });
            writer.start();
            try {
                backup = store.embedded().orElseThrow().backupIfDue(Instant.now()).orElseThrow();
            } finally {
                stop.set(true);
                writer.join();
            }
        }
        long inName = StoreBackups.postsIn(backup);
        assertThat(inName).isGreaterThanOrEqualTo(300);
        Path restored = Files.createDirectories(dataDir.resolve("restored/store"));
        Files.copy(backup, restored.resolve(EmbeddedMongo.STORE_FILE));
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir.resolve("restored"), false)) {
            assertThat(store.posts().count()).isEqualTo(inName);
            assertThat(store.posts().list(0, 100_000)).hasSize((int) inName);
        }
    }

    @Test
    void anUnwritableDataFolderGetsAClearMessage() throws Exception {
        Path store = Files.createDirectories(dataDir.resolve("store"));
        store.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(store), "running as root: permissions are not enforced");
            assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot write to its data folder");
        } finally {
            store.toFile().setWritable(true, false);
        }
    }
}
