package dev.blogdesk.ui.editor;

import dev.blogdesk.store.Post;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The times the status bar shows: "Last saved 14:02:11", "Imported 2026-11-30 10:15". */
final class SavedTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter IMPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SavedTimes() {
    }

    /** For a post just opened: when the import wrote it (if nothing changed it since) or when it was last saved. */
    static String of(Post post) {
        ZoneId zone = ZoneId.systemDefault();
        return post.importedAt() != null ? "Imported " + IMPORTED.format(post.importedAt().atZone(zone))
                : post.updatedAt() == null ? "" : "Last saved " + TIME.format(post.updatedAt().atZone(zone));
    }

    static String now() {
        return LocalTime.now().format(TIME);
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
