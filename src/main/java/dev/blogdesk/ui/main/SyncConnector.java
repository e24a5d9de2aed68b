package dev.blogdesk.ui.main;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.sync.SyncEngine;
import dev.blogdesk.sync.SyncService;
import dev.blogdesk.ui.sync.ConflictDialog;
import dev.blogdesk.ui.sync.SyncStatusViewModel;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Connects the background sync to the window: the status bar indicator, list marks and conflicts. */
final class SyncConnector {

    private static final Logger log = LoggerFactory.getLogger(SyncConnector.class);

    private final Stage stage;
    private final MainViewModel vm;
    private final TaskExecutor executor;
    private final SyncStatusViewModel status = new SyncStatusViewModel();

    SyncConnector(Stage stage, MainViewModel vm, TaskExecutor executor) {
        this.stage = stage;
        this.vm = vm;
        this.executor = executor;
    }

    /** Starts the context's sync, if it has a server, and shows it in {@code statusBar}. */
    void connect(AppContext context, StatusBarView statusBar) {
        context.startSync(s -> executor.runOnUi(() -> {
            status.update(s);
            if (s.pulled() > 0) {
                vm.postList().refresh(); // the server's changes are in the working copy now
            }
        })).ifPresent(sync -> {
            vm.postList().unsyncedProperty().bind(status.unsyncedProperty());
            statusBar.bindSync(status, () -> {
                if (status.hasConflictsProperty().get()) {
                    executor.execute(sync::conflicts, conflicts -> resolve(sync, conflicts, 0),
                            failure -> log.warn("Conflicts not read: {}", failure.getMessage()));
                } else {
                    sync.syncNow();
                }
            });
        });
    }

    /** One dialog per conflict; each choice is applied off the UI thread before the next is shown. */
    private void resolve(SyncService sync, List<SyncEngine.Conflict> conflicts, int index) {
        if (index >= conflicts.size()) {
            vm.postList().refresh();
            sync.syncNow();
            return;
        }
        SyncEngine.Conflict conflict = conflicts.get(index);
        Optional<SyncService.Resolution> choice = ConflictDialog.ask(stage, conflict, index + 1, conflicts.size());
        if (choice.isEmpty()) {
            resolve(sync, conflicts, index + 1);
            return;
        }
        executor.execute(() -> {
            sync.resolve(conflict.id(), choice.get());
            return null;
        }, done -> resolve(sync, conflicts, index + 1), failure -> log.warn("Conflict not resolved: {}", failure.getMessage()));
    }
}
