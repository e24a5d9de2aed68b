package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.SqliteFiles;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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

/** File → Import SQLite Blog…, driven by keys and clicks from the file to the report and the list. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {

    @TempDir
    Path dir;
    AppContext context;
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        context = AppContext.openDesktop(Files.createDirectories(dir.resolve("data")), null);
        vm = MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void close() {
        context.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.isVisible() && b.getScene().getWindow().isShowing())
                .findFirst().orElseThrow(() -> new AssertionError("no visible button " + text));
    }

    @Test
    void importAnOldBlogFromFileChoiceToTheReportAndSeeThePostsInTheList(FxRobot robot) throws Exception {
        Path file = dir.resolve("site.db");
        SqliteFiles.exec(file,
                "CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT, email TEXT, password TEXT)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, date_posted TEXT, content TEXT, user_id INTEGER REFERENCES user(id))",
                "INSERT INTO user VALUES (1, 'corey', 'corey@example.com', 'hash')",
                "INSERT INTO post VALUES (1, 'Imported one', '2018-05-02 19:40:02.427409', 'Hello **world**', 1)",
                "INSERT INTO post VALUES (2, 'Imported two', 'not a date', 'Second', 1)",
                "INSERT INTO post VALUES (3, 'Imported three', '2018-05-04T10:00:00Z', 'Third', 1)");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        waitUntil(() -> robot.lookup("#pathField").tryQuery().isPresent());

        // A broken file first: a specific message, still on the first page.
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "junk");
        robot.clickOn("#pathField").write(junk.toString()).push(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#errorLabel").queryAs(Label.class).getText().contains("is not a SQLite database"));

        robot.doubleClickOn("#pathField").push(KeyCode.CONTROL, KeyCode.A).write(file.toString()).push(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#mappingPage").query().isVisible());
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#engineLabel").queryAs(Label.class).getText()).isEqualTo("Looks like Flask-SQLAlchemy (post)");
        assertThat(robot.lookup("#pagesCheck").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        @SuppressWarnings("unchecked")
        ListView<Object> tables = robot.lookup("#tablesList").queryAs(ListView.class);
        assertThat(tables.getItems()).extracting(Object::toString).containsExactly("post  (3 rows)", "user  (1 rows)");

        robot.clickOn(button(robot, "Next"));
        waitUntil(() -> robot.lookup("#previewPage").query().isVisible());
        @SuppressWarnings("unchecked")
        ListView<String> scan = robot.lookup("#scanList").queryAs(ListView.class);
        assertThat(scan.getItems()).anySatisfy(l -> assertThat(l).contains("1 × invalid_date"));
        waitUntil(() -> robot.lookup("#sampleJsonArea").queryAs(TextArea.class).getText().contains("\"author\": \"corey\""));
        assertThat(context.store().posts().count()).isZero();

        robot.clickOn(button(robot, "Import"));
        waitUntil(() -> robot.lookup("#reportPage").query().isVisible());
        String summary = robot.lookup("#summaryArea").queryAs(TextArea.class).getText();
        assertThat(summary).contains("read 3, inserted 3").contains("Verified");
        assertThat(robot.lookup("#problemsTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(context.store().posts().count()).isEqualTo(3);

        robot.clickOn(button(robot, "Show Imported Posts"));
        waitUntil(() -> robot.listWindows().stream().filter(Window::isShowing).count() == 1);
        @SuppressWarnings("unchecked")
        ListView<PostSummary> list = robot.lookup("#postListView").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 3);
        assertThat(list.getItems()).extracting(PostSummary::title).containsExactly("Imported three", "Imported one", "Imported two");
        assertThat(robot.lookup("#listCountLabel").queryAs(Label.class).getText()).contains("imported from site.db");
    }
}
