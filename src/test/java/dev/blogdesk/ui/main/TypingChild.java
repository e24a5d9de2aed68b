package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.ScheduledDebouncer;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.testing.ScriptedDialogs;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Child process of {@link DraftCrashTest}: a writer typing into a new post, one character every few
 * milliseconds on a single "UI" thread, with the real journal timing. It pauses once so the journal
 * catches up, says so, then keeps typing until it is killed.
 */
public final class TypingChild {

    /** The text typed: deterministic, so the parent knows every prefix. */
    static char charAt(int i) {
        return i % 61 == 60 ? '\n' : "The quick brown fox jumps over the lazy dog; ünïcödé ✓ 漢字 ".charAt(i % 56);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int beforePause = Integer.parseInt(args[1]);
        ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
        PostStore store = PostStore.openEmbedded(dataDir, false);
        DraftJournal journal = new DraftJournal(dataDir);
        MainViewModel[] vm = new MainViewModel[1];
        ui.submit(() -> {
            vm[0] = new MainViewModel(store.posts(), new DirectTaskExecutor(), new ScriptedDialogs(), Debouncer.immediate(),
                    new ScheduledDebouncer(ui, MainWindow.JOURNAL_DEBOUNCE_TIME), journal, "child");
            vm[0].requestNewPost();
            vm[0].editor().titleProperty().set("Crash test");
        }).get();
        StringBuilder typed = new StringBuilder();
        for (int i = 0; ; i++) {
            char c = charAt(i);
            typed.append(c);
            String now = typed.toString();
            ui.submit(() -> vm[0].editor().contentProperty().set(now)).get();
            if (i + 1 == beforePause) {
                awaitJournaled(journal, now); // the journal writes ~0.8 s after the last keystroke
                System.out.println("PAUSED " + (i + 1));
                System.out.flush();
            }
            Thread.sleep(2);
        }
    }

    /** Waits until the journal on disk holds exactly {@code text} (fails the child after 20 s). */
    private static void awaitJournaled(DraftJournal journal, String text) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (journal.list().stream().noneMatch(d -> d.content().equals(text))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the journal never held the typed text");
            }
            Thread.sleep(10);
        }
    }

    private TypingChild() {
    }

}
