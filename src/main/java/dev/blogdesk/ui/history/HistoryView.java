package dev.blogdesk.ui.history;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

import java.util.Arrays;

/** The history panel: the revisions, the selected one's diff, and Restore. Binds only. */
public final class HistoryView {

    private final VBox root;

    public HistoryView(HistoryViewModel vm) {
        root = dev.blogdesk.ui.common.SidePanel.create("historyPanel", "History", "closeHistory", vm.visibleProperty());

        ListView<HistoryViewModel.Entry> list = new ListView<>(vm.entries());
        list.setId("historyList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryViewModel.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.restore();
            }
        });

        ListView<String> diff = new ListView<>();
        diff.setId("historyDiff");
        diff.getStyleClass().add("diff-view");
        vm.diffProperty().addListener((o, was, now) ->
                diff.setItems(FXCollections.observableList(now.isEmpty() ? java.util.List.of() : Arrays.asList(now.split("\n", -1)))));
        diff.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-hunk");
                setText(null);
                if (empty || line == null) {
                    setGraphic(null);
                } else {
                    // Wrapped at the panel's width: a changed paragraph is one long line.
                    javafx.scene.text.Text text = new javafx.scene.text.Text(line);
                    text.getStyleClass().add("diff-text");
                    text.wrappingWidthProperty().bind(getListView().widthProperty().subtract(28));
                    setGraphic(text);
                }
                if (!empty && line != null && !line.startsWith("+++") && !line.startsWith("---")) {
                    if (line.startsWith("+")) {
                        getStyleClass().add("diff-added");
                    } else if (line.startsWith("-")) {
                        getStyleClass().add("diff-removed");
                    } else if (line.startsWith("@@")) {
                        getStyleClass().add("diff-hunk");
                    }
                }
            }
        });
        SplitPane split = new SplitPane(list, diff);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label message = new Label();
        message.setId("historyMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        Button restore = new Button("Restore into Editor");
        restore.setId("restoreRevision");
        restore.setDefaultButton(false);
        restore.disableProperty().bind(Bindings.not(vm.restorableProperty()));
        restore.setOnAction(e -> vm.restore());
        root.getChildren().addAll(split, message, restore);
        root.setMinWidth(260);
    }

    public VBox node() {
        return root;
    }
}
