package dev.blogdesk.store;

import dev.blogdesk.app.PostStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The data folder is private to its owner: folders 0700, files 0600, the user's own files left alone. */
class StorePrivacyTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aStoreThatWasReadableByEveryoneIsTightenedAndEverythingItWritesStaysPrivate() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path logs = Files.createDirectories(data.resolve("logs"));
        Path oldLog = Files.writeString(logs.resolve("blogdesk.log"), "an old log line\n");
        Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));

        try (PostStore store = PostStore.openEmbedded(data, false)) {
            assertThat(mode(data)).as("data folder while running").isEqualTo("rwx------");
            assertThat(mode(data.resolve("store"))).isEqualTo("rwx------");
            assertThat(mode(data.resolve("store/server.port"))).isEqualTo("rw-------");
            assertThat(mode(oldLog)).isEqualTo("rw-------");
            for (int i = 0; i < 20; i++) {
                store.posts().create("Post " + i, "private text " + i);
            }
            assertThat(store.searchIndex().orElseThrow().awaitReady(java.time.Duration.ofSeconds(30))).isTrue();
        }
        List<Path> all;
        try (Stream<Path> tree = Files.walk(data)) {
            all = tree.toList();
        }
        assertThat(all).as("the store, its index and the logs").hasSizeGreaterThan(5);
        for (Path p : all) {
            assertThat(mode(p)).as(data.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
    }

    @Test
    void aDataFolderTheUserAlsoKeepsOtherFilesInKeepsItsModeButBlogDesksEntriesArePrivate() throws Exception {
        Path data = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(data.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedMongo server = EmbeddedMongo.start(data, 0)) {
            assertThat(mode(data.resolve("store"))).isEqualTo("rwx------");
        }
        assertThat(mode(data)).isEqualTo("rwxr-xr-x");
        assertThat(mode(notes)).isEqualTo("rw-r--r--");
    }
}
