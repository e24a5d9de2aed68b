package dev.blogdesk.ui.sync;

import dev.blogdesk.sync.SyncService.State;
import dev.blogdesk.sync.SyncService.SyncStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Set;

/**
 * The status bar's sync indicator: online / offline / syncing, changes waiting to be pushed and
 * conflicts waiting for the user, plus the ids of posts that are not on the server yet (marked in the
 * list). Fed by {@link dev.blogdesk.sync.SyncService}, on the UI thread.
 */
public final class SyncStatusViewModel {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper hasConflicts = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Set<String>> unsynced = new ReadOnlyObjectWrapper<>(Set.of());

    /** Call on the UI thread. */
    public void update(SyncStatus status) {
        state.set(status.state());
        hasConflicts.set(status.conflicts() > 0);
        unsynced.set(status.unsynced());
        text.set(describe(status));
        tooltip.set(status.problem().isEmpty() ? "Click to sync now" + (status.conflicts() > 0 ? " or resolve conflicts" : "")
                : status.problem());
    }

    static String describe(SyncStatus s) {
        String head = switch (s.state()) {
            case SYNCING -> "⟳ Syncing…";
            case ONLINE -> "● Online";
            case OFFLINE -> "○ Offline";
        };
        StringBuilder sb = new StringBuilder(head);
        if (s.pending() > 0) {
            sb.append(" · ").append(s.pending()).append(s.pending() == 1 ? " change" : " changes").append(" to push");
        } else if (s.state() == State.ONLINE) {
            sb.append(" · all synced");
        }
        if (s.state() == State.OFFLINE && s.retryInMillis() > 0) {
            sb.append(" · retry in ").append(Math.max(1, s.retryInMillis() / 1000)).append(" s");
        } else if (s.state() == State.OFFLINE && s.retryInMillis() < 0) {
            sb.append(" · connecting…");
        }
        if (s.conflicts() > 0) {
            sb.append(" · ⚠ ").append(s.conflicts()).append(s.conflicts() == 1 ? " conflict" : " conflicts");
        }
        return sb.toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasConflictsProperty() {
        return hasConflicts.getReadOnlyProperty();
    }

    /** Ids of the posts saved here that the server does not have yet. */
    public ReadOnlyObjectProperty<Set<String>> unsyncedProperty() {
        return unsynced.getReadOnlyProperty();
    }
}
