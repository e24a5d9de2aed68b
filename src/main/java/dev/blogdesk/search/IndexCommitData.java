package dev.blogdesk.search;

import java.util.Map;

/**
 * What each index commit records (the store file it follows, the last change applied, the format of
 * its documents), and the reason, if any, that an index must be rebuilt at start.
 */
final class IndexCommitData {

    private static final String EPOCH = "epoch";
    private static final String COUNTER = "counter";
    /** What the index's documents hold; an index made by an older BlogDesk (no status, tags or thumbnail) is rebuilt. */
    private static final String FORMAT_KEY = "format";
    private static final String FORMAT = "4";

    private IndexCommitData() {
    }

    static Map<String, String> of(String epoch, long appliedSeq) {
        return Map.of(EPOCH, epoch, FORMAT_KEY, FORMAT, COUNTER, Long.toString(appliedSeq));
    }

    /** Why the committed index cannot be caught up with the store, or null when it can. */
    static String rebuildReason(Map<String, String> committed, String storeEpoch, long storeSeq, boolean dropPending) {
        if (committed.isEmpty()) {
            return "no index yet";
        }
        if (!storeEpoch.equals(committed.get(EPOCH))) {
            return "the index belongs to another store";
        }
        if (!FORMAT.equals(committed.get(FORMAT_KEY))) {
            return "the index was made by an older BlogDesk";
        }
        long indexSeq = Long.parseLong(committed.getOrDefault(COUNTER, "-1"));
        if (indexSeq > storeSeq) {
            return "the store is older than the index (a backup was restored)";
        }
        if (dropPending) {
            return "the collection was dropped";
        }
        return null;
    }
}
