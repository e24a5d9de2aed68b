package dev.blogdesk.ui;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.Settings;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.FxClicks;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app syncing with a server that goes away and comes back: the status bar says so, posts
 * not on the server yet are marked in the list, and a conflict is decided in the side-by-side dialog.
 */
@ExtendWith(ApplicationExtension.class)
class SyncUiTest {

    @TempDir
    Path dir;
    EmbeddedMongo server;
    int port;
    MongoClient client;
    AppContext context;
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        server = EmbeddedMongo.start(dir.resolve("server"), 0);
        port = server.port();
        client = MongoClients.create(server.connectionString());
        Path local = dir.resolve("local");
        Settings settings = Settings.load(local);
        // A server on loopback answers at once or not at all: a short timeout keeps the offline part quick.
        settings.setMongoUri(server.connectionString() + "/blogdb?serverSelectionTimeoutMS=1500");
        settings.save();
        context = AppContext.openDesktop(local, null);
        vm = MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void close() {
        context.close();
        client.close();
        if (server != null) {
            server.close();
        }
    }

    private MongoCollection<Document> remote() {
        return client.getDatabase("blogdb").getCollection("posts");
    }

    private MongoCollection<Document> remoteDrafts() {
        return client.getDatabase("blogdb").getCollection("drafts");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(15, TimeUnit.SECONDS));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#syncLink").queryAs(Hyperlink.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<PostSummary> list(FxRobot robot) {
        return robot.lookup("#postListView").queryAs(ListView.class);
    }

    private void write(FxRobot robot, String title, String content) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write(title);
        FxClicks.clickOn(robot, "#contentArea").write(content);
        robot.push(KeyCode.CONTROL, KeyCode.S);
    }

    @Test
    void writingGoesOnWhileTheServerIsAwayAndAConflictIsDecidedSideBySide(FxRobot robot) throws Exception {
        // A post the Flask blog wrote on the server arrives in the list.
        ObjectId flask = new ObjectId();
        remote().insertOne(new Document("_id", flask).append("title", "Written on the web")
                .append("content", "hello from Flask").append("date_posted", new Date()));
        FxClicks.clickOn(robot, "#syncLink");
        waitUntil(() -> list(robot).getItems().stream().anyMatch(p -> p.title().equals("Written on the web")));
        waitUntil(() -> status(robot).startsWith("● Online") && status(robot).contains("all synced"));

        write(robot, "Saved online", "goes straight up\n");
        // A draft goes up to the server's drafts, never to the posts the blog lists; Publish moves it.
        waitUntil(() -> remoteDrafts().countDocuments(Filters.eq("title", "Saved online")) == 1);
        waitUntil(() -> status(robot).contains("all synced"));
        assertThat(remote().countDocuments(Filters.eq("title", "Saved online"))).isZero();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitUntil(() -> remote().countDocuments(Filters.eq("title", "Saved online")) == 1
                && remoteDrafts().countDocuments() == 0);
        waitUntil(() -> status(robot).contains("all synced"));

        // The server goes away: saving still works, at once, and the post is marked.
        server.close();
        server = null;
        FxClicks.clickOn(robot, "#syncLink");
        waitUntil(() -> status(robot).startsWith("○ Offline"));
        write(robot, "Written on the train", "no network here\n");
        waitUntil(() -> status(robot).contains("1 change to push"));
        waitUntil(() -> robot.lookup(".post-cell-unsynced").tryQuery().isPresent());
        assertThat(robot.lookup(".post-cell-unsynced").queryLabeled().getText()).contains("not on the server yet");

        // Back: the post goes up once, and the mark goes away.
        server = EmbeddedMongo.start(dir.resolve("server"), port);
        FxClicks.clickOn(robot, "#syncLink");
        waitUntil(() -> status(robot).contains("all synced"));
        assertThat(remoteDrafts().countDocuments(Filters.eq("title", "Written on the train"))).isEqualTo(1);
        assertThat(remote().countDocuments(Filters.eq("title", "Written on the train"))).as("a draft, not on the blog").isZero();
        waitUntil(() -> robot.lookup(".post-cell-unsynced").tryQuery().isEmpty());

        // Changed here and on the web: a conflict, shown side by side; keep mine.
        remote().updateOne(Filters.eq("_id", flask), Updates.set("content", "edited on the web"));
        FxClicks.clickOn(robot, () -> robot.lookup(".post-cell-title").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getText().equals("Written on the web")).findFirst().orElseThrow());
        waitUntil(() -> "hello from Flask".equals(vm.editor().contentProperty().get()));
        FxClicks.clickOn(robot, "#contentArea").push(KeyCode.CONTROL, KeyCode.END).write(" and edited here");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !vm.editor().isDirty());
        FxClicks.clickOn(robot, "#syncLink");
        waitUntil(() -> status(robot).contains("⚠ 1 conflict"));
        FxClicks.clickOn(robot, "#syncLink");
        waitUntil(() -> robot.lookup("#conflictDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#conflictMine").queryAs(TextArea.class).getText()).contains("hello from Flask and edited here");
        assertThat(robot.lookup("#conflictTheirs").queryAs(TextArea.class).getText()).contains("edited on the web");
        assertThat(robot.lookup("#conflictDiff").queryAs(TextArea.class).getText()).contains("-edited on the web");
        FxClicks.clickOn(robot, () -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Keep Mine")).findFirst().orElseThrow());
        waitUntil(() -> "hello from Flask and edited here".equals(remote().find(Filters.eq("_id", flask)).first().getString("content")));
        waitUntil(() -> status(robot).contains("all synced") && !status(robot).contains("conflict"));
    }
}
