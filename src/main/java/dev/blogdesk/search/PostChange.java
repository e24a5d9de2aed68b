package dev.blogdesk.search;

import dev.blogdesk.store.PostText;

/** One change to the posts collection, numbered in the order the server applied it. */
sealed interface PostChange {

    long seq();

    /** A post was inserted or replaced; {@code post} is its new state. */
    record Upsert(long seq, PostText post) implements PostChange {
    }

    record Remove(long seq, Object rawId, String key) implements PostChange {
    }

    /** A write to this post failed half-way: whoever follows the log must re-read it from the store. */
    record Touch(long seq, Object rawId, String key) implements PostChange {
    }

    /** The whole collection was dropped. */
    record Clear(long seq) implements PostChange {
    }
}
