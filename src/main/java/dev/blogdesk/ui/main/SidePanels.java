package dev.blogdesk.ui.main;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The panels beside the editor (outline, history): each shown while its {@code visible} is true,
 * stacked in a column at the right of the main split, which goes away when none is shown.
 */
final class SidePanels {

    private final SplitPane main;
    private final SplitPane column = new SplitPane();
    private final List<Node> panels = new ArrayList<>();
    private final List<ObservableBooleanValue> shown = new ArrayList<>();

    SidePanels(SplitPane main) {
        this.main = main;
        column.setId("sidePanels");
        column.setOrientation(Orientation.VERTICAL);
    }

    void add(Node panel, ObservableBooleanValue visible) {
        panels.add(panel);
        shown.add(visible);
        visible.addListener((o, was, now) -> layout());
        layout();
    }

    private void layout() {
        List<Node> visible = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            if (shown.get(i).get()) {
                visible.add(panels.get(i));
            }
        }
        column.getItems().setAll(visible);
        boolean there = main.getItems().contains(column);
        if (visible.isEmpty() && there) {
            double list = main.getDividerPositions()[0];
            main.getItems().remove(column);
            main.setDividerPositions(list);
        } else if (!visible.isEmpty() && !there) {
            double list = main.getDividerPositions()[0];
            main.getItems().add(column);
            main.setDividerPositions(list, Math.max(list + 0.3, 0.79));
        }
    }
}
