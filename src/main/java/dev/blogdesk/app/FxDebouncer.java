package dev.blogdesk.app;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Debounces on the FX thread with a {@link PauseTransition}: the last action submitted wins. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(Duration quietTime) {
        pause = new PauseTransition(quietTime);
        pause.setOnFinished(e -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void submit(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
