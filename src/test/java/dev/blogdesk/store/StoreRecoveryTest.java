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

/** A damaged store is reported, never deleted, and can be replaced by a backup or a fresh store. */
class StoreRecoveryTest {

    @TempDir
    Path dataDir;

    private String createPost(String title) {
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            return store.posts().create(title, "content").id();
        }
    }

    @Test
    void aDamagedStoreIsReportedLeftInPlaceAndABackupBringsThePostsBack() throws Exception {
        String id = createPost("Backed up");
        // The next start takes the day's backup before opening.
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().findById(id)).isPresent();
        }
        assertThat(StoreBackups.latest(dataDir)).isPresent();

        Path file = StoreBackups.storeFile(dataDir);
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("cannot be read").hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).as("the damaged file is not touched").isEqualTo(garbage);

        Path aside = StoreBackups.restore(dataDir, StoreBackups.latest(dataDir).orElseThrow());
        assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().findById(id)).get().extracting(Post::title).isEqualTo("Backed up");
        }
    }

    @Test
    void aDamagedFileNeverBecomesABackup() throws Exception {
        createPost("good");
        assertThat(StoreBackups.latest(dataDir)).as("the very first start has nothing to back up").isEmpty();
        // Make the newest backup more than a day old, so the next start would take a new one.
        StoreBackups.backupIfDue(dataDir, Instant.now().minus(Duration.ofDays(3)));
        Path old = StoreBackups.latest(dataDir).orElseThrow();
        Files.write(StoreBackups.storeFile(dataDir), new byte[4096]);
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false)).isInstanceOf(StoreDamagedException.class);
        assertThat(StoreBackups.latest(dataDir)).contains(old);
        try (var files = Files.list(StoreBackups.backupDir(dataDir))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("pending-"));
        }
    }

    @Test
    void aFreshStoreCanStartWhileTheDamagedOneIsKept() throws Exception {
        createPost("Lost?");
        Path file = StoreBackups.storeFile(dataDir);
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> StoreConnection.openEmbedded(dataDir, false)).isInstanceOf(StoreDamagedException.class);
        Path aside = StoreBackups.setAsideDamaged(dataDir);
        assertThat(aside).exists();
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            assertThat(store.posts().count()).isZero();
        }
    }

    @Test
    void backupsAreDailyAndOnlyTheNewestThreeAreKept() throws Exception {
        createPost("x");
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        StoreBackups.backupIfDue(dataDir, t);
        StoreBackups.backupIfDue(dataDir, t.plus(Duration.ofHours(2)));  // same day: no new copy
        try (var files = Files.list(StoreBackups.backupDir(dataDir))) {
            assertThat(files.count()).isEqualTo(1);
        }
        for (int day = 1; day <= 4; day++) {
            StoreBackups.backupIfDue(dataDir, t.plus(Duration.ofDays(day)));
        }
        try (var files = Files.list(StoreBackups.backupDir(dataDir))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "blogdesk-20260103-100000.mv.db", "blogdesk-20260104-100000.mv.db", "blogdesk-20260105-100000.mv.db");
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
