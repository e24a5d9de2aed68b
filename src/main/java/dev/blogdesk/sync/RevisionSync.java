package dev.blogdesk.sync;

import dev.blogdesk.store.PostRevisions;
import org.bson.types.ObjectId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Post history crosses in both directions. Revisions are only ever added and never change, so each
 * side gets the ones it lacks and nothing can conflict. They go oldest first, so a revision stored as
 * a delta never arrives before the one it builds on, and a round cut off half-way is simply run again.
 */
final class RevisionSync {

    private final PostRevisions local;
    private final PostRevisions remote;
    private final java.util.function.IntConsumer afterEachCopy;

    /** {@code afterEachCopy} runs with the number copied so far (a test seam). */
    RevisionSync(PostRevisions local, PostRevisions remote, java.util.function.IntConsumer afterEachCopy) {
        this.local = local;
        this.remote = remote;
        this.afterEachCopy = afterEachCopy;
    }

    /** The number of revisions copied, both ways. */
    int round() {
        List<ObjectId> here = local.ids();
        List<ObjectId> there = remote.ids();
        int up = copyMissing(here, new HashSet<>(there), local, remote, 0);
        return copyMissing(there, new HashSet<>(here), remote, local, up);
    }

    private int copyMissing(List<ObjectId> oldestFirst, Set<ObjectId> present, PostRevisions from, PostRevisions to, int before) {
        int copied = before;
        for (ObjectId id : oldestFirst) {
            if (!present.contains(id)) {
                var revision = from.raw(id);
                if (revision.isPresent()) {
                    to.add(revision.get());
                    copied++;
                    afterEachCopy.accept(copied);
                }
            }
        }
        return copied - before;
    }
}
