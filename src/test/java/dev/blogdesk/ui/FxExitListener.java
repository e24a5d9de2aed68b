package dev.blogdesk.ui;

import javafx.application.Platform;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Stops the JavaFX platform after the last test: avoids a rare WebKit abort at JVM exit. */
public final class FxExitListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Platform.exit();
        } catch (IllegalStateException notStarted) {
            // The toolkit never started in this JVM: nothing to stop.
        }
    }
}
