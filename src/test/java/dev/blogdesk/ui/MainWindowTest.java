package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.events.DocumentEvent;
import org.w3c.dom.events.EventTarget;
import org.w3c.dom.events.MouseEvent;
import org.w3c.dom.views.AbstractView;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clicks and keystrokes through the real main window, headless, on an embedded store. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dataDir;
    AppContext context;
    MainViewModel vm;
    final List<String> openedLinks = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        context = AppContext.openDesktop(dataDir, null);
        vm = MainWindow.show(stage, context, openedLinks::add, () -> { });
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private PostRepository repo() {
        return context.store().posts();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(15, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private ListView<PostSummary> list(FxRobot robot) {
        return robot.lookup("#postListView").queryAs(ListView.class);
    }

    private WebEngine preview(FxRobot robot) {
        return robot.lookup("#previewView").queryAs(WebView.class).getEngine();
    }

    private static boolean loaded(WebEngine engine) {
        return engine.getLoadWorker().getState() == Worker.State.SUCCEEDED && engine.getDocument() != null;
    }

    private Button dialogButton(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void createPreviewSaveSearchAndDeleteAPost(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#listPlaceholder").queryAs(Label.class).getText().contains("No posts yet"));

        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("My TestFX post");
        robot.clickOn("#contentArea").write("# Big heading\n\nSome **bold** words\n");

        WebEngine engine = preview(robot);
        waitUntil(() -> loaded(engine) && engine.getDocument().getElementsByTagName("strong").getLength() == 1);
        assertThat(fx(() -> engine.getDocument().getElementsByTagName("h1").item(1).getTextContent())).isEqualTo("Big heading");
        assertThat(fx(() -> engine.getDocument().getElementsByTagName("strong").item(0).getTextContent())).isEqualTo("bold");
        assertThat(robot.lookup("#dirtyLabel").queryAs(Label.class).getText()).contains("Unsaved");
        assertThat(robot.window(0).getScene().getWindow()).isInstanceOf(Stage.class);
        assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("• My TestFX post — BlogDesk");

        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> repo().count() == 1 && list(robot).getItems().size() == 1);
        Post stored = repo().search("My TestFX post", 0, 10).stream().findFirst()
                .flatMap(s -> repo().findById(s.id())).orElseThrow();
        assertThat(stored.content()).isEqualTo("# Big heading\n\nSome **bold** words\n");
        waitUntil(() -> robot.lookup("#dirtyLabel").queryAs(Label.class).getText().isEmpty());
        assertThat(list(robot).getItems().get(0).title()).isEqualTo("My TestFX post");

        robot.clickOn("#searchField").write("TESTFX");
        waitUntil(() -> list(robot).getItems().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("c++ (");
        waitUntil(() -> list(robot).getItems().isEmpty()
                && robot.lookup("#listPlaceholder").queryAs(Label.class).getText().contains("No post contains"));
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> list(robot).getItems().size() == 1);

        robot.clickOn("#deleteButton");
        waitUntil(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        robot.clickOn(dialogButton(robot, "Delete"));
        waitUntil(() -> repo().count() == 0 && list(robot).getItems().isEmpty());
        assertThat(robot.lookup("#emptyEditorPane").query().isVisible()).isTrue();
    }

    @Test
    void switchingPostsWithUnsavedChangesAsksAndCancelKeepsTheText(FxRobot robot) throws Exception {
        Post older = repo().create("Older post", "old text");
        Post newer = repo().create("Newer post", "new text");
        robot.interact(() -> vm.postList().refresh());
        waitUntil(() -> list(robot).getItems().size() == 2);
        // The items are in the list model; their cells appear at the next layout pass.
        waitUntil(() -> robot.lookup("Older post").tryQuery().isPresent());

        robot.clickOn("Older post");
        waitUntil(() -> older.id().equals(vm.editor().currentIdProperty().get()));
        robot.clickOn("#contentArea").push(KeyCode.CONTROL, KeyCode.END).write(" plus more");
        waitUntil(() -> vm.editor().isDirty());

        robot.clickOn("Newer post");
        waitUntil(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        robot.clickOn(dialogButton(robot, "Cancel"));
        waitUntil(() -> robot.lookup(".dialog-pane").queryAll().isEmpty());
        assertThat(vm.editor().currentIdProperty().get()).isEqualTo(older.id());
        assertThat(robot.lookup("#contentArea").queryAs(CodeArea.class).getText()).isEqualTo("old text plus more");
        assertThat(list(robot).getSelectionModel().getSelectedItem().id()).isEqualTo(older.id());

        robot.clickOn("Newer post");
        waitUntil(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        robot.clickOn(dialogButton(robot, "Save"));
        waitUntil(() -> newer.id().equals(vm.editor().currentIdProperty().get()));
        assertThat(repo().findById(older.id()).orElseThrow().content()).isEqualTo("old text plus more");
        waitUntil(() -> robot.lookup("#contentArea").queryAs(CodeArea.class).getText().equals("new text"));
    }

    @Test
    void thePreviewNeverRunsScriptAndLinksOpenOutside(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        robot.write("Hostile legacy post");
        String hostile = """
                <script>document.body.setAttribute('data-pwned', 'script')</script>

                <img src="missing.png" onerror="document.body.setAttribute('data-pwned', 'onerror')">

                <a href="javascript:document.body.setAttribute('data-pwned', 'href')">bad</a> and [a link](https://example.com/page)
                """;
        robot.interact(() -> robot.lookup("#contentArea").queryAs(CodeArea.class).replaceText(hostile));

        WebEngine engine = preview(robot);
        waitUntil(() -> loaded(engine) && engine.getDocument().getElementsByTagName("a").getLength() > 0);
        assertThat(fx(engine::isJavaScriptEnabled)).isFalse();
        assertThat(fx(() -> engine.getDocument().getElementsByTagName("script").getLength())).isZero();
        assertThat(fx(() -> engine.getDocument().getElementsByTagName("img").item(0).getAttributes().getNamedItem("onerror"))).isNull();
        assertThat(fx(() -> engine.getDocument().getElementsByTagName("body").item(0).getAttributes().getNamedItem("data-pwned"))).isNull();

        // Click the link inside the page: the system browser is asked to open it, the preview stays.
        fx(() -> {
            Document doc = engine.getDocument();
            var anchors = doc.getElementsByTagName("a");
            Element link = null;
            for (int i = 0; i < anchors.getLength(); i++) {
                Element a = (Element) anchors.item(i);
                if ("https://example.com/page".equals(a.getAttribute("href"))) {
                    link = a;
                }
            }
            if (link == null) {
                throw new AssertionError("anchors: " + anchors.getLength() + " html: "
                        + engine.executeScript("document.documentElement.outerHTML"));
            }
            MouseEvent click = (MouseEvent) ((DocumentEvent) doc).createEvent("MouseEvents");
            click.initMouseEvent("click", true, true, (AbstractView) null, 1, 0, 0, 0, 0,
                    false, false, false, false, (short) 0, null);
            ((EventTarget) link).dispatchEvent(click);
            return null;
        });
        waitUntil(() -> openedLinks.contains("https://example.com/page"));
        assertThat(fx(engine::getLocation)).isIn("", "about:blank", null);
    }

    @Test
    void javascriptStaysOffEvenForUnsanitizedHtml(FxRobot robot) throws Exception {
        WebEngine engine = preview(robot);
        robot.interact(() -> engine.loadContent("<html><body><p id='p'>x</p>"
                + "<script>document.getElementById('p').textContent = 'ran';</script></body></html>"));
        waitUntil(() -> loaded(engine) && engine.getDocument().getElementById("p") != null);
        assertThat(fx(() -> engine.getDocument().getElementById("p").getTextContent())).isEqualTo("x");
    }

    @Test
    void keyboardAndButtonsFollowTheEditorState(FxRobot robot) throws Exception {
        Node save = robot.lookup("#saveButton").query();
        Node delete = robot.lookup("#deleteButton").query();
        assertThat(save.isDisabled()).isTrue();
        assertThat(delete.isDisabled()).isTrue();
        robot.clickOn("New post (Ctrl+N)");
        robot.write("T");
        waitUntil(() -> !save.isDisabled() && !delete.isDisabled());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        waitUntil(() -> robot.lookup("#searchField").queryAs(TextField.class).isFocused());
    }
}
