package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.Settings;
import dev.blogdesk.store.Post;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.application.Application;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor a writer keeps open all day: shortcuts, find and replace, themes, a preview that stays put. */
@ExtendWith(ApplicationExtension.class)
class EditorUiTest {

    @TempDir
    Path dataDir;
    AppContext context;
    MainViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.openDesktop(dataDir, null);
        vm = MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void close() {
        context.close();
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
    }

    CodeArea area(FxRobot robot) {
        return robot.lookup("#contentArea").queryAs(CodeArea.class);
    }

    @Test
    void formattingShortcutsAndUndo(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N).write("Shortcuts");
        robot.clickOn("#contentArea").write("make this bold");
        CodeArea area = area(robot);
        robot.interact(() -> area.selectRange(10, 14));
        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitUntil(() -> area.getText().equals("make this **bold**"));
        robot.push(KeyCode.CONTROL, KeyCode.I);
        waitUntil(() -> area.getText().equals("make this ***bold***"));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> area.getText().equals("## make this ***bold***"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> area.getText().equals("make this ***bold***"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> area.getText().equals("make this bold"));
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitUntil(() -> area.getText().equals("make this **bold**"));
        assertThat(vm.editor().contentProperty().get()).isEqualTo("make this **bold**");
        // Highlighting follows: the bold run carries its style class.
        waitUntil(() -> area.getStyleOfChar(12).contains("md-bold"));
        waitUntil(() -> robot.lookup("#statsLabel").queryAs(Label.class).getText().equals("3 words · 1 min read"));
    }

    @Test
    void findAndReplace(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N).write("Find");
        robot.interact(() -> area(robot).replaceText("cat dog Cat bird cat"));
        robot.clickOn("#contentArea");
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitUntil(() -> robot.lookup("#findField").query().isFocused());
        robot.write("cat");
        waitUntil(() -> robot.lookup("#findCountLabel").queryAs(Label.class).getText().equals("1 of 3"));
        assertThat(area(robot).getSelection().getStart()).isZero();
        robot.push(KeyCode.ENTER);
        waitUntil(() -> area(robot).getSelection().getStart() == 8);
        robot.clickOn("#matchCaseCheck");
        waitUntil(() -> robot.lookup("#findCountLabel").queryAs(Label.class).getText().contains("2"));
        robot.clickOn("#matchCaseCheck");

        // Ctrl+H in the find field opens Replace, as the menu says, instead of deleting a character.
        robot.clickOn("#findField").push(KeyCode.END).push(KeyCode.CONTROL, KeyCode.H);
        waitUntil(() -> robot.lookup("#replaceField").query().isVisible());
        assertThat(robot.lookup("#findField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("cat");
        robot.clickOn("#replaceField").write("cow");
        robot.clickOn("#replaceAllButton");
        waitUntil(() -> area(robot).getText().equals("cow dog cow bird cow"));
        assertThat(robot.lookup("#findCountLabel").queryAs(Label.class).getText()).isEqualTo("Replaced 3");
        robot.clickOn("#contentArea").push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> area(robot).getText().equals("cat dog Cat bird cat"));
        robot.clickOn("#findField").push(KeyCode.ESCAPE);
        waitUntil(() -> !robot.lookup("#findBar").query().isVisible());
    }

    @Test
    void theThemeSwitchesAtRunTimeThePreviewFollowsAndItIsRemembered(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N).write("Theme");
        WebEngine engine = robot.lookup("#previewView").queryAs(WebView.class).getEngine();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> Application.getUserAgentStylesheet().equals(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        waitUntil(() -> engine.getLoadWorker().getState() == Worker.State.SUCCEEDED
                && String.valueOf(engine.executeScript("getComputedStyle(document.body).backgroundColor")).equals("rgb(13, 17, 23)"));
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        waitUntil(() -> area(robot).getStyle().contains("15px"));
        waitUntil(() -> "dark".equals(Settings.load(dataDir).get("ui.theme", "")) && "15".equals(Settings.load(dataDir).get("ui.fontSize", "")));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> String.valueOf(engine.executeScript("getComputedStyle(document.body).backgroundColor")).equals("rgb(255, 255, 255)"));
    }

    @Test
    void typingPatchesThePreviewInPlaceKeepingItsScrollAndTheCaretIsFollowed(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("## Section ").append(i).append("\n\nParagraph ").append(i).append(" with some text.\n\n");
        }
        Post post = context.store().posts().create("Long post", text.toString());
        robot.interact(() -> vm.requestOpen(post.id()));
        WebEngine engine = robot.lookup("#previewView").queryAs(WebView.class).getEngine();
        waitUntil(() -> engine.getLoadWorker().getState() == Worker.State.SUCCEEDED && engine.getDocument() != null
                && engine.getDocument().getElementsByTagName("h2").getLength() == 120);

        // Put the caret on section 100: the preview scrolls there.
        CodeArea area = area(robot);
        int line = 4 * 100;
        robot.interact(() -> {
            area.requestFocus();
            area.moveTo(line, 3); // after "## "
        });
        waitUntil(() -> ((Number) engine.executeScript("window.scrollY")).doubleValue() > 1000);
        double scrolled = fx(() -> ((Number) engine.executeScript("window.scrollY")).doubleValue());
        Object marker = fx(() -> engine.executeScript("document.getElementById('content').children[50]"));

        robot.write("Edited ");
        waitUntil(() -> String.valueOf(engine.executeScript("document.getElementById('content').children[200].textContent"))
                .contains("Edited Section 100"));
        // No reload: the same DOM node is still there and the scroll position did not jump to the top.
        assertThat(fx(() -> engine.executeScript("document.getElementById('content').children[50]"))).isSameAs(marker);
        assertThat(fx(() -> ((Number) engine.executeScript("window.scrollY")).doubleValue())).isCloseTo(scrolled, org.assertj.core.data.Offset.offset(60.0));
    }

    @Test
    void aDeletedPostCanBeBroughtBackFromTheStatusBar(FxRobot robot) throws Exception {
        Post post = context.store().posts().create("Deleted by mistake", "important");
        robot.interact(() -> vm.postList().refresh());
        // The list loads off the UI thread: click the post once it is there.
        waitUntil(() -> robot.lookup("Deleted by mistake").tryQuery().isPresent());
        robot.clickOn("Deleted by mistake");
        waitUntil(() -> post.id().equals(vm.editor().currentIdProperty().get()));
        robot.clickOn("#deleteButton");
        waitUntil(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow());
        waitUntil(() -> context.store().posts().count() == 0 && robot.lookup("#undoDeleteLink").query().isVisible());
        robot.clickOn("#undoDeleteLink");
        waitUntil(() -> context.store().posts().count() == 1 && post.id().equals(vm.editor().currentIdProperty().get()));
        assertThat(context.store().posts().findById(post.id()).orElseThrow().content()).isEqualTo("important");
    }

    @Test
    void remoteAndRelativeImagesRenderAndABrokenOneIsJustAPlaceholder(FxRobot robot) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean found = exchange.getRequestURI().getPath().endsWith("/pic.png");
            byte[] body = found ? png.toByteArray() : "not found".getBytes();
            exchange.getResponseHeaders().add("Content-Type", found ? "image/png" : "text/plain");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String site = "http://127.0.0.1:" + server.getAddress().getPort() + "/blog/";
            robot.push(KeyCode.CONTROL, KeyCode.N).write("Images");
            robot.interact(() -> {
                vm.siteUrlProperty().set(site);
                area(robot).replaceText("![remote](" + site + "pic.png)\n\n![relative](pic.png)\n\n![broken](" + site + "missing.png)\n");
            });
            WebEngine engine = robot.lookup("#previewView").queryAs(WebView.class).getEngine();
            waitUntil(() -> engine.getLoadWorker().getState() == Worker.State.SUCCEEDED
                    && ((Number) engine.executeScript("document.images.length")).intValue() == 3
                    && ((Number) engine.executeScript("document.images[0].naturalWidth")).intValue() == 8
                    && ((Number) engine.executeScript("document.images[1].naturalWidth")).intValue() == 8);
            assertThat(fx(() -> ((Number) engine.executeScript("document.images[2].naturalWidth")).intValue())).isZero();
            assertThat(fx(() -> ((Number) engine.executeScript("document.images[2].getBoundingClientRect().width")).doubleValue()))
                    .as("the broken image keeps a visible placeholder box").isPositive();
            assertThat(robot.listWindows().stream().filter(javafx.stage.Window::isShowing).count()).as("no error dialog").isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theWindowLayoutAndTheLastOpenPostAreRememberedAcrossRuns(FxRobot robot) throws Exception {
        Post post = context.store().posts().create("Where I left off", "text");
        robot.interact(() -> {
            vm.postList().refresh();
            vm.requestOpen(post.id());
        });
        waitUntil(() -> post.id().equals(vm.editor().currentIdProperty().get()));
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
            ((javafx.scene.control.SplitPane) stage.getScene().lookup("#mainSplit")).setDividerPositions(0.4);
        });
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> "1000.0".equals(Settings.load(dataDir).get("ui.window.width", ""))
                && post.id().equals(Settings.load(dataDir).get("ui.lastPost", "")));
        assertThat(Double.parseDouble(Settings.load(dataDir).get("ui.split.main", "0"))).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.02));

        // The next run: same data folder, a new window.
        context.close();
        context = AppContext.openDesktop(dataDir, null);
        Stage[] next = new Stage[1];
        MainViewModel[] nextVm = new MainViewModel[1];
        robot.interact(() -> {
            next[0] = new Stage();
            nextVm[0] = MainWindow.show(next[0], context, link -> { }, () -> { });
        });
        waitUntil(() -> post.id().equals(nextVm[0].editor().currentIdProperty().get()));
        assertThat(next[0].getWidth()).isEqualTo(1000);
        assertThat(((javafx.scene.control.SplitPane) next[0].getScene().lookup("#mainSplit")).getDividerPositions()[0])
                .isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.02));
        robot.interact(() -> next[0].close());
    }
}
