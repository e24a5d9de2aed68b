package dev.blogdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DraftJournalTest {

    @TempDir
    Path dataDir;

    @Test
    void draftsSurviveAReopenExactlyAndDeleteRemovesThem() throws Exception {
        String content = "Line one\r\nemoji 😀 漢字\n\n" + "x".repeat(100_000);
        try (DraftJournal journal = new DraftJournal(dataDir)) {
            journal.saveAsync(new DraftJournal.Draft("abc123", "abc123", 4, "Title ✓", content, Instant.parse("2026-01-02T03:04:05Z")));
            journal.saveAsync(new DraftJournal.Draft("new-1", null, 0, "", "new text", Instant.parse("2026-01-02T03:04:06Z")));
        }
        DraftJournal reopened = new DraftJournal(dataDir);
        assertThat(reopened.list()).extracting(DraftJournal.Draft::key).containsExactly("abc123", "new-1");
        DraftJournal.Draft first = reopened.list().get(0);
        assertThat(first.content()).isEqualTo(content);
        assertThat(first.title()).isEqualTo("Title ✓");
        assertThat(first.baseVersion()).isEqualTo(4);
        assertThat(reopened.list().get(1).postId()).isNull();

        reopened.deleteAsync("abc123");
        reopened.flush();
        assertThat(reopened.list()).extracting(DraftJournal.Draft::key).containsExactly("new-1");
        try (var files = Files.list(dataDir.resolve("drafts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new-1.json");
        }
        reopened.close();
    }

    @Test
    void aDamagedDraftFileIsLeftInPlaceAndDoesNotHideTheOthers() throws Exception {
        Files.createDirectories(dataDir.resolve("drafts"));
        Files.writeString(dataDir.resolve("drafts/broken.json"), "{ not json");
        DraftJournal journal = new DraftJournal(dataDir);
        journal.save(new DraftJournal.Draft("ok", null, 0, "t", "c", Instant.now()));
        assertThat(journal.list()).extracting(DraftJournal.Draft::key).containsExactly("ok");
        assertThat(dataDir.resolve("drafts/broken.json")).exists();
        journal.close();
    }

    @Test
    void diffsSayWhatADraftChanged() {
        String diff = TextDiff.describe("stored", "a\nb\nc", "draft", "a\nB\nc");
        assertThat(diff).contains("-b").contains("+B").contains("--- stored").contains("+++ draft");
        assertThat(TextDiff.describe("s", "same", "d", "same")).contains("the same");
        assertThat(TextDiff.describe("s", "x".repeat(150_000), "d", "y".repeat(150_000))).contains("Too long");
    }
}
