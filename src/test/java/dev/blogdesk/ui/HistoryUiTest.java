package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.Revision;
import dev.blogdesk.store.RevisionSource;
import dev.blogdesk.ui.history.HistoryViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+Shift+H shows the post's revisions; one selected shows its diff; Restore is an undoable edit, saved as a restore. */
@ExtendWith(ApplicationExtension.class)
class HistoryUiTest {

    @TempDir
    Path dataDir;
    AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.openDesktop(dataDir, null);
        MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(15, TimeUnit.SECONDS));
    }

    private List<Revision> revisions(String postId) {
        return new PostRevisions(context.store().database()).list(postId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEarlierVersionIsComparedRestoredUndoneAndSavedAsARestore(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Diary");
        robot.clickOn("#contentArea").write("The first thought.");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        CodeArea area = robot.lookup("#contentArea").queryAs(CodeArea.class);
        waitUntil(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().startsWith("Saved"));
        robot.clickOn("#contentArea").push(KeyCode.CONTROL, KeyCode.END).write(" A second thought.");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        String postId = context.store().posts().list(0, 1).get(0).id();
        waitUntil(() -> revisions(postId).size() == 2);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        ListView<HistoryViewModel.Entry> list = robot.lookup("#historyList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 2);
        assertThat(list.getItems().get(0).label()).contains("Saved").contains("+3 −0 words");
        robot.clickOn(robot.lookup("#historyList .list-cell").nth(1).<javafx.scene.Node>query());
        ListView<String> diff = robot.lookup("#historyDiff").queryAs(ListView.class);
        waitUntil(() -> diff.getItems().stream().anyMatch(l -> l.startsWith("+") && l.contains("A second thought.")));
        assertThat(diff.getItems()).anyMatch(l -> l.equals("-The first thought."));

        robot.clickOn("#restoreRevision");
        waitUntil(() -> area.getText().equals("The first thought."));
        assertThat(revisions(postId)).as("a restore stores nothing by itself").hasSize(2);
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).as("the restored text is unsaved").isFalse();

        robot.clickOn("#contentArea").push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> area.getText().equals("The first thought. A second thought."));

        robot.clickOn("#restoreRevision");
        waitUntil(() -> area.getText().equals("The first thought."));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> revisions(postId).size() == 3);
        assertThat(revisions(postId).get(0).source()).isEqualTo(RevisionSource.RESTORE);
        waitUntil(() -> list.getItems().size() == 3 && list.getItems().get(0).label().contains("Restored"));
        assertThat(context.store().posts().findById(postId).orElseThrow().content()).isEqualTo("The first thought.");
    }
}
