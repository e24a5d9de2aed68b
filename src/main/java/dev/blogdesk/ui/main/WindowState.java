package dev.blogdesk.ui.main;

import dev.blogdesk.app.Settings;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import java.util.Optional;

/** Window size and position, split positions and the last open post, kept in the settings. */
record WindowState(Settings settings) {

    void apply(Stage stage, Parent root) {
        double w = number("ui.window.width", 1200);
        double h = number("ui.window.height", 760);
        stage.setWidth(Math.max(720, w));
        stage.setHeight(Math.max(480, h));
        double x = number("ui.window.x", Double.NaN);
        double y = number("ui.window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("ui.window.maximized", "false")));
    }

    /** After the window is shown: nested split panes are only reachable once their parents have skins. */
    void applySplits(Parent root) {
        root.applyCss();
        split(root, "#mainSplit").ifPresent(s -> s.setDividerPositions(number("ui.split.main", 0.28)));
        split(root, "#editorSplit").ifPresent(s -> s.setDividerPositions(number("ui.split.editor", 0.5)));
    }

    void remember(Stage stage, Parent root, String openPostId) {
        settings.set("ui.window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            settings.set("ui.window.width", Double.toString(stage.getWidth()));
            settings.set("ui.window.height", Double.toString(stage.getHeight()));
            settings.set("ui.window.x", Double.toString(stage.getX()));
            settings.set("ui.window.y", Double.toString(stage.getY()));
        }
        split(root, "#mainSplit").ifPresent(s -> settings.set("ui.split.main", Double.toString(s.getDividerPositions()[0])));
        split(root, "#editorSplit").ifPresent(s -> settings.set("ui.split.editor", Double.toString(s.getDividerPositions()[0])));
        settings.set("ui.lastPost", openPostId);
    }

    String lastPost() {
        return settings.get("ui.lastPost", null);
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(settings.get(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        return !javafx.stage.Screen.getScreensForRectangle(x, y, 100, 100).isEmpty();
    }

    private static Optional<SplitPane> split(Parent root, String id) {
        return Optional.ofNullable((SplitPane) root.lookup(id));
    }
}
