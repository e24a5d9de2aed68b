package dev.blogdesk.ui.main;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.app.DialogService;
import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.testing.ChildJvm;
import dev.blogdesk.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 while typing: the next start offers the draft and restores exactly what the journal held. */
class DraftCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void aDraftTypedBeforeKillDashNineIsRestoredExactly() throws Exception {
        int beforePause = 400;
        Process child = ChildJvm.start(TypingChild.class, dataDir.toString(), Integer.toString(beforePause));
        try (BufferedReader out = ChildJvm.stdout(child)) {
            assertThat(out.readLine()).isEqualTo("PAUSED " + beforePause);
            Thread.sleep(300); // mid-typing again
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            expected.append(TypingChild.charAt(i));
        }
        DraftJournal journal = new DraftJournal(dataDir);
        assertThat(journal.list()).as("one whole draft file, never a torn one").hasSize(1);
        String journaled = journal.list().get(0).content();
        assertThat(journaled.length()).isGreaterThanOrEqualTo(beforePause);
        assertThat(expected.toString()).startsWith(journaled);

        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.restoreAnswer = DialogService.RestoreChoice.RESTORE;
        try (StoreConnection store = StoreConnection.openEmbedded(dataDir, false)) {
            MainViewModel next = new MainViewModel(store.posts(), new DirectTaskExecutor(), dialogs, Debouncer.immediate(),
                    Debouncer.immediate(), journal, "restarted");
            next.start();
            assertThat(dialogs.asked).containsExactly("restore:Crash test");
            assertThat(next.editor().contentProperty().get()).isEqualTo(journaled);
            assertThat(next.editor().titleProperty().get()).isEqualTo("Crash test");
            assertThat(next.editor().isDirty()).isTrue();
            next.editor().save();
            assertThat(store.posts().search("Crash test", 0, 5)).hasSize(1);
        }
        journal.close();
    }
}
