package dev.blogdesk.sync;

import org.bson.Document;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a sync round: posts pushed and pulled, conflicts left for the user (with their ids),
 * changes still waiting to be pushed, and how long the push took (for the log and {@code bench sync}).
 */
public record SyncReport(int pushed, int pulled, int conflicts, int pending, List<String> conflicted, Duration pushTime) {

    public SyncReport {
        conflicted = List.copyOf(conflicted);
    }

    public String toJson() {
        return new Document("pushed", pushed).append("pulled", pulled).append("conflicts", conflicts)
                .append("pending", pending).append("conflicted", conflicted).toJson();
    }

    public String summary() {
        return String.format("Pushed %d, pulled %d, %d conflict%s, %d pending.", pushed, pulled, conflicts,
                conflicts == 1 ? "" : "s", pending);
    }
}
