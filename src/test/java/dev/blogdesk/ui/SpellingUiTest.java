package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.ui.main.MainWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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

/**
 * Spelling as the writer sees it: unknown words underlined (not code), the title marked, a suggestion
 * from the context menu replacing the word, and a word added to the dictionary staying added after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class SpellingUiTest {

    @TempDir
    Path dataDir;
    AppContext context;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.writeString(dataDir.resolve("settings.properties"), "spelling.language=en-US\n");
        context = AppContext.openDesktop(dataDir, null);
        MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(30, TimeUnit.SECONDS));
    }

    private static boolean underlined(CodeArea area, String word) {
        int at = area.getText().indexOf(word);
        return at >= 0 && area.getStyleOfChar(at + 1).contains("spell-error");
    }

    private static void rightClickOn(FxRobot robot, CodeArea area, String word) throws Exception {
        int at = area.getText().indexOf(word);
        Bounds b = WaitForAsyncUtils.asyncFx(() -> area.getCharacterBoundsOnScreen(at, at + word.length()).orElseThrow()).get(10, TimeUnit.SECONDS);
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2)).press(MouseButton.SECONDARY)
                .release(MouseButton.SECONDARY);
    }

    private static Node menuItem(FxRobot robot, String text) throws Exception {
        waitUntil(() -> robot.lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).tryQuery().isPresent());
        return robot.lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).query();
    }

    @Test
    void unknownWordsAreUnderlinedOutsideCodeAndTheMenuFixesOrLearnsThem(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Helo from the blog");
        CodeArea area = robot.lookup("#contentArea").queryAs(CodeArea.class);
        robot.interact(() -> area.replaceText("This sentnce is about Blogdesk.\n\n```\nwrongg code\n```\n"));
        waitUntil(() -> underlined(area, "sentnce") && underlined(area, "Blogdesk"));
        assertThat(underlined(area, "This")).as("a correct word").isFalse();
        assertThat(underlined(area, "wrongg")).as("a word in a code block").isFalse();
        TextField title = robot.lookup("#titleField").queryAs(TextField.class);
        waitUntil(() -> title.getStyleClass().contains("title-misspelt"));
        assertThat(title.getTooltip().getText()).contains("Helo");

        rightClickOn(robot, area, "sentnce");
        robot.clickOn(menuItem(robot, "sentence"));
        waitUntil(() -> area.getText().startsWith("This sentence is about"));
        waitUntil(() -> !underlined(area, "sentence"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> area.getText().startsWith("This sentnce is about"));
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitUntil(() -> area.getText().startsWith("This sentence is about"));

        rightClickOn(robot, area, "Blogdesk");
        robot.clickOn(menuItem(robot, "Add “Blogdesk” to Dictionary"));
        waitUntil(() -> !underlined(area, "Blogdesk"));
        assertThat(Files.readAllLines(dataDir.resolve("dictionary.txt"))).contains("Blogdesk");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> context.store().posts().count() == 1);

        // A restart: the word stays known, a new unknown one is still found.
        robot.interact(stage::hide);
        context.close();
        context = AppContext.openDesktop(dataDir, null);
        robot.interact(() -> MainWindow.show(new Stage(), context, link -> { }, () -> { }));
        waitUntil(() -> robot.lookup("#postListView").queryAs(javafx.scene.control.ListView.class).getItems().size() == 1);
        robot.clickOn("Helo from the blog");
        CodeArea reopened = robot.lookup("#contentArea").queryAs(CodeArea.class);
        assertThat(reopened).isNotSameAs(area);
        waitUntil(() -> reopened.getText().contains("Blogdesk"));
        robot.interact(() -> reopened.appendText(" Anothr one."));
        waitUntil(() -> underlined(reopened, "Anothr"));
        assertThat(underlined(reopened, "Blogdesk")).isFalse();
    }
}
