package dev.blogdesk.ui.outline;

import dev.blogdesk.markdown.Outline;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The outline panel: the headings, the current section highlighted; a click or Enter jumps there. Binds only. */
public final class OutlineView {

    private final VBox root;
    private boolean following;

    public OutlineView(OutlineViewModel vm) {
        root = dev.blogdesk.ui.common.SidePanel.create("outlinePanel", "Outline", "closeOutline", vm.visibleProperty());

        ListView<Outline.Heading> list = new ListView<>(vm.headings());
        list.setId("outlineList");
        list.setPlaceholder(new Label(OutlineViewModel.EMPTY));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Outline.Heading item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : OutlineViewModel.label(item));
                getStyleClass().removeAll("outline-h1", "outline-h2");
                if (!empty && item != null && item.level() <= 2) {
                    getStyleClass().add("outline-h" + item.level());
                }
            }
        });
        // The current section is shown as the selection; choosing one (click, Enter) jumps there.
        vm.currentProperty().addListener((o, was, now) -> select(list, now.intValue()));
        vm.headings().addListener((javafx.collections.ListChangeListener<Outline.Heading>) c ->
                select(list, vm.currentProperty().get()));
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.navigate(i);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.navigate(list.getSelectionModel().getSelectedIndex());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().add(list);
        root.setMinWidth(200);
    }

    private void select(ListView<Outline.Heading> list, int index) {
        if (following) {
            return;
        }
        following = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(index);
                list.scrollTo(Math.max(0, index - 2));
            }
        } finally {
            following = false;
        }
    }

    public VBox node() {
        return root;
    }
}
