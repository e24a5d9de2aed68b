package dev.blogdesk.testing;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Clicks whose target is found and measured on the FX thread. TestFX's {@code clickOn(query)} measures the
 * node's bounds from the test thread; while the FX thread lays out a label whose text just changed (the
 * status bar's sync link does, on every sync event), that read can end in a NullPointerException inside
 * JavaFX's text layout. Only the mouse is moved from the test thread here.
 */
public final class FxClicks {

    private FxClicks() {
    }

    /** Clicks the centre of the node {@code query} finds. */
    public static FxRobotInterface clickOn(FxRobot robot, String query) throws Exception {
        return clickOn(robot, () -> robot.lookup(query).query());
    }

    /** Clicks the centre of the node {@code target} gives, asked for on the FX thread. */
    public static FxRobotInterface clickOn(FxRobot robot, Supplier<? extends Node> target) throws Exception {
        Point2D centre = WaitForAsyncUtils.asyncFx(() -> {
            Node node = target.get();
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            if (bounds == null) {
                throw new IllegalStateException("not on screen: " + node);
            }
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        }).get(15, TimeUnit.SECONDS);
        return robot.clickOn(centre);
    }
}
