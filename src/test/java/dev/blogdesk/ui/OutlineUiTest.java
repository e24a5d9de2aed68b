package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.markdown.Outline;
import dev.blogdesk.ui.main.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The outline follows the caret and takes it to a heading; lists continue on Enter; Help lists every shortcut. */
@ExtendWith(ApplicationExtension.class)
class OutlineUiTest {

    @TempDir
    Path dataDir;
    AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(dataDir.resolve("settings.properties"), "spelling.language=off\n");
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

    @Test
    @SuppressWarnings("unchecked")
    void clickingAHeadingMovesTheCaretThereAndTheCurrentSectionFollowsTheCaret(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Outlined");
        CodeArea area = robot.lookup("#contentArea").queryAs(CodeArea.class);
        String text = "# Start\n\nIntro.\n\n## Middle\n\nBody.\n\n```\n# not a heading\n```\n\n## End\n\nLast words.";
        robot.interact(() -> area.replaceText(text));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        ListView<Outline.Heading> list = robot.lookup("#outlineList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 3);
        assertThat(list.getItems()).extracting(Outline.Heading::text).containsExactly("Start", "Middle", "End");

        robot.clickOn(robot.lookup("#outlineList .list-cell").nth(2).<Node>query());
        waitUntil(() -> area.getCaretPosition() == text.indexOf("## End"));
        assertThat(area.getCurrentParagraph()).isEqualTo(12);
        robot.interact(() -> area.moveTo(text.indexOf("Body.")));
        waitUntil(() -> list.getSelectionModel().getSelectedIndex() == 1);
        assertThat(Files.readString(dataDir.resolve("settings.properties"))).as("the panel stays shown next time")
                .contains("ui.outline.visible=true");

        // A list continues on Enter and ends on an empty item.
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.clickOn("#contentArea").push(KeyCode.CONTROL, KeyCode.END);
        robot.write("\n\n- one").push(KeyCode.ENTER).write("two").push(KeyCode.ENTER).push(KeyCode.ENTER).write("After.");
        try {
            waitUntil(() -> area.getText().endsWith("- one\n- two\n\nAfter."));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The text ends: " + area.getText().substring(Math.max(0, area.getLength() - 40)).replace("\n", "⏎"));
        }

        robot.push(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        String all = table.getItems().toString();
        assertThat(all).contains("Ctrl+Shift+H", "History", "Ctrl+Shift+O", "Outline", "Ctrl+S", "Save", "Tab / Shift+Tab");
        robot.clickOn(robot.lookup(n -> n instanceof Labeled l && "Close".equals(l.getText())).<Node>query());
    }
}
