package dev.blogdesk.ui.sync;

import dev.blogdesk.sync.SyncService.State;
import dev.blogdesk.sync.SyncService.SyncStatus;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyncStatusViewModelTest {

    @Test
    void theIndicatorSaysWhereTheSyncStandsInWords() {
        SyncStatusViewModel vm = new SyncStatusViewModel();
        vm.update(new SyncStatus(State.ONLINE, 0, 0, Set.of(), "", 0, 0));
        assertThat(vm.textProperty().get()).isEqualTo("● Online · all synced");
        vm.update(new SyncStatus(State.OFFLINE, 3, 0, Set.of("a", "b", "c"), "The MongoDB server is not available: timeout", 8_000, 0));
        assertThat(vm.textProperty().get()).isEqualTo("○ Offline · 3 changes to push · retry in 8 s");
        assertThat(vm.tooltipProperty().get()).contains("not available");
        assertThat(vm.unsyncedProperty().get()).containsExactlyInAnyOrder("a", "b", "c");
        vm.update(new SyncStatus(State.OFFLINE, 1, 0, Set.of("a"), "", -1, 0));
        assertThat(vm.textProperty().get()).isEqualTo("○ Offline · 1 change to push · connecting…");
        vm.update(new SyncStatus(State.ONLINE, 1, 1, Set.of("a"), "", 0, 0));
        assertThat(vm.textProperty().get()).isEqualTo("● Online · 1 change to push · ⚠ 1 conflict");
        assertThat(vm.hasConflictsProperty().get()).isTrue();
    }
}
