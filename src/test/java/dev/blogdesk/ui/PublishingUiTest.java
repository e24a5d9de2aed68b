package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A new post is a draft, out of blogdb.posts, until Publish; the list says which is which and filters. */
@ExtendWith(ApplicationExtension.class)
class PublishingUiTest {

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

    private long published() {
        return context.store().database().getCollection(PostSchema.COLLECTION).countDocuments();
    }

    private long drafts() {
        return context.store().database().getCollection(PostSchema.DRAFTS).countDocuments();
    }

    @SuppressWarnings("unchecked")
    private ListView<PostSummary> list(FxRobot robot) {
        return robot.lookup("#postListView").queryAs(ListView.class);
    }

    @Test
    void aNewPostStaysOutOfBlogPostsUntilPublishAndUnpublishTakesItOutAgain(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#listPlaceholder").queryAs(Label.class).getText().contains("No posts yet"));
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Secret plans");
        robot.clickOn("#contentArea").write("Not for the blog yet.");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> drafts() == 1 && list(robot).getItems().size() == 1);
        assertThat(published()).as("a saved new post is a draft, invisible to the Flask blog").isZero();
        assertThat(robot.lookup("#statusBadge").queryAs(Label.class).getText()).isEqualTo("Draft");
        Button publish = robot.lookup("#publishButton").queryAs(Button.class);
        assertThat(publish.getText()).isEqualTo("Publish");
        assertThat(list(robot).getItems().get(0).isDraft()).isTrue();

        robot.clickOn(publish);
        waitUntil(() -> published() == 1 && drafts() == 0);
        Document live = context.store().database().getCollection(PostSchema.COLLECTION).find().first();
        assertThat(live.getString("title")).isEqualTo("Secret plans");
        assertThat(live.getString("status")).isEqualTo("published");
        waitUntil(() -> robot.lookup("#statusBadge").queryAs(Label.class).getText().equals("Published")
                && publish.getText().equals("Unpublish") && !list(robot).getItems().get(0).isDraft());

        // The filter: Drafts shows none now, Published shows the post.
        robot.clickOn("#filterDrafts");
        waitUntil(() -> list(robot).getItems().isEmpty()
                && robot.lookup("#listPlaceholder").queryAs(Label.class).getText().contains("No drafts"));
        robot.clickOn("#filterPublished");
        waitUntil(() -> list(robot).getItems().size() == 1);

        // Unsaved text is saved before the move: Ctrl+Shift+P on an edited post.
        robot.clickOn("#contentArea").push(KeyCode.END).write(" Changed my mind.");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitUntil(() -> published() == 0 && drafts() == 1);
        Document back = context.store().database().getCollection(PostSchema.DRAFTS).find().first();
        assertThat(back.getString("content")).isEqualTo("Not for the blog yet. Changed my mind.");
        assertThat(back.getString("status")).isEqualTo("draft");
        waitUntil(() -> list(robot).getItems().isEmpty()); // the Published filter is still on
        robot.clickOn("#filterAll");
        waitUntil(() -> list(robot).getItems().size() == 1 && list(robot).getItems().get(0).isDraft()
                && robot.lookup("#statusBadge").queryAs(Label.class).getText().equals("Draft"));
    }

    @Test
    void tagsAreTypedWithCompletionSavedWithThePostAndAClickOnOneFiltersTheList(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Tagged post");
        robot.clickOn("#tagField").write("MongoDB").push(KeyCode.ENTER);
        robot.write("Java").push(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#tag-MongoDB").tryQuery().isPresent() && robot.lookup("#tag-Java").tryQuery().isPresent());
        assertThat(robot.lookup("#slugField").queryAs(TextField.class).getText()).isEqualTo("tagged-post");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> drafts() == 1);
        Document stored = context.store().database().getCollection(PostSchema.DRAFTS).find().first();
        assertThat(stored.getList("tags", String.class)).containsExactly("MongoDB", "Java");
        assertThat(stored.getString("slug")).isEqualTo("tagged-post");

        // A second post: "mon" offers MongoDB, and Tab takes it.
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Second");
        robot.clickOn("#tagField").write("mon");
        waitUntil(() -> robot.lookup(".context-menu .menu-item").tryQuery().isPresent());
        robot.push(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#tag-MongoDB").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> drafts() == 2 && list(robot).getItems().size() == 2);

        // Clicking the chip lists the posts with the tag; the search box says how.
        robot.clickOn(robot.lookup("#tag-MongoDB .button").queryButton());
        waitUntil(() -> robot.lookup("#searchField").queryAs(TextField.class).getText().equals("tag:MongoDB")
                && list(robot).getItems().size() == 2);
        robot.clickOn("#searchField").push(KeyCode.CONTROL, KeyCode.A).write("tag:java");
        waitUntil(() -> list(robot).getItems().size() == 1 && list(robot).getItems().get(0).title().equals("Tagged post"));
    }
}
