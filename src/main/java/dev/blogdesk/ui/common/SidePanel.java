package dev.blogdesk.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A panel beside the editor (outline, history): a column with its title and a × that hides it. */
public final class SidePanel {

    private SidePanel() {
    }

    /** An empty panel with id {@code id}, headed {@code title}; its × (id {@code closeId}) sets {@code visible} false. */
    public static VBox create(String id, String title, String closeId, BooleanProperty visible) {
        VBox root = new VBox(6);
        root.setId(id);
        root.getStyleClass().add("side-panel");
        root.setPadding(new Insets(8));
        Label heading = new Label(title);
        heading.getStyleClass().add("side-panel-title");
        Button close = new Button("×");
        close.setId(closeId);
        close.getStyleClass().add("flat");
        close.setOnAction(e -> visible.set(false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root.getChildren().add(new HBox(6, heading, gap, close));
        return root;
    }
}
