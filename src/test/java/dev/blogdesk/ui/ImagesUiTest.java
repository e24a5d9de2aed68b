package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.testing.TestImages;
import dev.blogdesk.ui.main.MainViewModel;
import dev.blogdesk.ui.main.MainWindow;
import javafx.concurrent.Worker;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An image pasted into the editor: stored in GridFS once, linked in the Markdown, shown in the preview from the store. */
@ExtendWith(ApplicationExtension.class)
class ImagesUiTest {

    @TempDir
    Path dataDir;
    AppContext context;
    MainViewModel vm;

    @Start
    void start(Stage stage) {
        context = AppContext.openDesktop(dataDir, null);
        vm = MainWindow.show(stage, context, link -> { }, () -> { });
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(15, TimeUnit.SECONDS));
    }

    private long storedImages() {
        return context.store().database().getCollection("fs.files").countDocuments();
    }

    @Test
    void aPastedImageIsStoredOnceLinkedAndShownInThePreview(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("With a picture");
        robot.clickOn("#contentArea").write("Look:\n");
        byte[] png = TestImages.png(120, 80, 11);
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(new Image(new ByteArrayInputStream(png)));
            Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.push(KeyCode.CONTROL, KeyCode.V);
        waitUntil(() -> storedImages() == 1 && vm.editor().contentProperty().get().contains("](/uploads/"));
        assertThat(vm.editor().contentProperty().get()).as("a paragraph of its own")
                .matches("(?s)Look:\\n\\n!\\[image]\\(/uploads/[0-9a-f]{64}\\.png\\)\\n\\n");

        WebEngine engine = robot.lookup("#previewView").queryAs(WebView.class).getEngine();
        waitUntil(() -> engine.getLoadWorker().getState() == Worker.State.SUCCEEDED && engine.getDocument() != null
                && engine.getDocument().getElementsByTagName("img").getLength() == 1);
        String src = WaitForAsyncUtils.asyncFx(() -> ((org.w3c.dom.Element) engine.getDocument().getElementsByTagName("img").item(0))
                .getAttribute("src")).get(5, TimeUnit.SECONDS);
        assertThat(src).as("shown from the local store, offline too").startsWith(dataDir.resolve("cache/images").toUri().toString());
        assertThat(java.nio.file.Path.of(java.net.URI.create(src))).exists();

        // Saved, the post shows its image as the list's thumbnail.
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> robot.lookup(".post-cell-thumbnail").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null));

        // The same image pasted again is not stored a second time.
        robot.push(KeyCode.CONTROL, KeyCode.V);
        waitUntil(() -> vm.editor().contentProperty().get().split("/uploads/", -1).length == 3);
        assertThat(storedImages()).isEqualTo(1);
    }

    /**
     * A file dropped on the editor. Monocle has no native drag and drop, so the test fires the
     * DRAG_DROPPED event the platform would, carrying the file on a real Dragboard (DRAG_OVER's
     * acceptTransferModes needs a drag gesture in progress, which only the platform can start).
     */
    @Test
    void anImageFileDroppedOnTheEditorIsStoredAndLinkedAtTheCaret(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#titleField").queryAs(TextField.class).isFocused());
        robot.write("Dropped");
        robot.clickOn("#contentArea").write("Before\n");
        java.nio.file.Path file = java.nio.file.Files.write(dataDir.resolve("sunset-at-sea.png"), TestImages.png(90, 60, 21));
        org.fxmisc.richtext.CodeArea area = robot.lookup("#contentArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.input.Dragboard board = com.sun.javafx.scene.input.DragboardHelper.createDragboard(
                    com.sun.javafx.tk.Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(java.util.List.of(file.toFile()));
            board.setContent(content);
            area.fireEvent(new javafx.scene.input.DragEvent(javafx.scene.input.DragEvent.DRAG_DROPPED, board,
                    10, 10, 10, 10, javafx.scene.input.TransferMode.COPY, null, area, null));
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> storedImages() == 1 && vm.editor().contentProperty().get().contains("](/uploads/"));
        assertThat(vm.editor().contentProperty().get())
                .matches("(?s)Before\\n\\n!\\[sunset at sea]\\(/uploads/[0-9a-f]{64}\\.png\\)\\n\\n");
        assertThat(storedImages()).isEqualTo(1);
    }
}
