package dev.blogdesk.ui.editor;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.store.Post;

import java.time.Instant;
import java.util.UUID;

/**
 * The open post's unsaved text in the {@link DraftJournal}: written about a second after typing stops
 * (and before each save), removed once saved or discarded. A post is journaled under its id, a new
 * post under a key of its own until its first save.
 */
final class DraftKeeper {

    private final DraftJournal journal;
    private final Debouncer debouncer;
    private String key;

    DraftKeeper(DraftJournal journal, Debouncer debouncer) {
        this.journal = journal;
        this.debouncer = debouncer;
    }

    /** The journal key of what the editor holds, or null when nothing is open. */
    String key() {
        return key;
    }

    void keyForNewPost() {
        key = "new-" + UUID.randomUUID();
    }

    void key(String key) {
        this.key = key;
    }

    /** The text changed: write it once typing pauses. */
    void changed(Runnable writeNow) {
        if (key != null) {
            debouncer.submit(writeNow);
        }
    }

    /** Journals the text now when it is unsaved, else removes a stale draft. */
    void writeNow(boolean unsaved, Post base, String title, String content) {
        if (key == null) {
            return;
        }
        if (unsaved) {
            journal.saveAsync(new DraftJournal.Draft(key, base == null ? null : base.id(), base == null ? 0 : base.version(),
                    title, content, Instant.now()));
        } else {
            discard(key);
        }
    }

    /** Throws the open post's draft away. */
    void discard() {
        discard(key);
    }

    /** Throws the draft under {@code draftKey} away (saved, deleted or discarded by the user). */
    void discard(String draftKey) {
        journal.deleteAsync(draftKey);
    }
}
