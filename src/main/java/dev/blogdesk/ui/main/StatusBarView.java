package dev.blogdesk.ui.main;

import dev.blogdesk.ui.sync.SyncStatusViewModel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.util.Locale;

/** The status bar (StatusBar.fxml): unsaved marker, message, undo delete, words, last save, store, sync. */
public final class StatusBarView {

    @FXML private Label dirtyLabel;
    @FXML private Label statusLabel;
    @FXML private Hyperlink undoDeleteLink;
    @FXML private Label statsLabel;
    @FXML private Label lastSavedLabel;
    @FXML private Label storeLabel;
    @FXML private Hyperlink syncLink;

    private final MainViewModel vm;

    StatusBarView(MainViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        var editor = vm.editor();
        dirtyLabel.textProperty().bind(Bindings.when(editor.dirtyProperty()).then("● Unsaved changes").otherwise(""));
        statusLabel.textProperty().bind(vm.statusTextProperty());
        statsLabel.textProperty().bind(Bindings.when(editor.openProperty()).then(editor.statsProperty()).otherwise(""));
        lastSavedLabel.textProperty().bind(editor.lastSavedProperty());
        undoDeleteLink.visibleProperty().bind(editor.undoableDeleteProperty().isNotNull());
        undoDeleteLink.managedProperty().bind(undoDeleteLink.visibleProperty());
        storeLabel.setText(vm.storeDescription());
        storeLabel.setTooltip(new Tooltip(vm.storeDescription())); // it is cut short in small windows
    }

    @FXML
    private void onUndoDelete() {
        vm.editor().undoDelete();
    }

    /**
     * Shows the sync indicator (online / offline / syncing, changes to push, conflicts); a click runs
     * {@code onClick} (sync now, or resolve the conflicts).
     */
    void bindSync(SyncStatusViewModel sync, Runnable onClick) {
        syncLink.setVisible(true);
        syncLink.setManaged(true);
        syncLink.textProperty().bind(sync.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(sync.tooltipProperty());
        syncLink.setTooltip(tip);
        sync.stateProperty().addListener((o, was, now) -> {
            syncLink.getStyleClass().removeAll("sync-online", "sync-offline", "sync-syncing");
            if (now != null) {
                syncLink.getStyleClass().add("sync-" + now.name().toLowerCase(Locale.ROOT));
            }
        });
        syncLink.setOnAction(e -> {
            syncLink.setVisited(false);
            onClick.run();
        });
    }
}
