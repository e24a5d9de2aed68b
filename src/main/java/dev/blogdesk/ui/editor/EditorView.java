package dev.blogdesk.ui.editor;

import dev.blogdesk.ui.common.AppearanceViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;

import java.util.function.Consumer;

/**
 * The editor (Editor.fxml): the title, the Markdown source with its find bar, and the live preview,
 * bound to an {@link EditorViewModel}. Its public methods are the Edit and Format commands.
 */
public final class EditorView {

    @FXML private TextField titleField;
    @FXML private StackPane editorHost;
    @FXML private WebView previewView;
    @FXML private FindReplaceView findReplaceController;

    private final EditorViewModel vm;
    private final MarkdownEditor editor;
    private final AppearanceViewModel appearance;
    private final ObservableStringValue siteUrl;
    private final Consumer<String> openLink;
    private final ImageInsertion images;

    /**
     * @param siteUrl  the blog's address, against which relative images and links in the preview resolve
     * @param openLink opens a link clicked in the preview (in the browser)
     */
    public EditorView(EditorViewModel vm, MarkdownEditor editor, AppearanceViewModel appearance,
                      ObservableStringValue siteUrl, Consumer<String> openLink, ImageInsertion images) {
        this.vm = vm;
        this.images = images;
        this.editor = editor;
        this.appearance = appearance;
        this.siteUrl = siteUrl;
        this.openLink = openLink;
    }

    @FXML
    private void initialize() {
        titleField.textProperty().bindBidirectional(vm.titleProperty());
        editorHost.getChildren().add(editor.node());
        var area = editor.area();
        titleField.disableProperty().bind(vm.openProperty().not());
        area.disableProperty().bind(vm.openProperty().not());
        titleField.setOnAction(e -> area.requestFocus());
        area.styleProperty().bind(Bindings.concat("-fx-font-size: ", appearance.fontSizeProperty().asString(), "px;"));

        LivePreview preview = new LivePreview(previewView, openLink);
        preview.setBaseUrl(siteUrl.get());
        siteUrl.addListener((o, old, url) -> preview.setBaseUrl(url));
        vm.previewProperty().addListener((o, old, doc) -> preview.show(doc, appearance.darkProperty().get()));
        appearance.darkProperty().addListener((o, old, dark) -> preview.show(vm.previewProperty().get(), dark));
        preview.show(vm.previewProperty().get(), appearance.darkProperty().get());
        area.currentParagraphProperty().addListener((o, old, line) -> preview.revealLine(line));
        previewView.fontScaleProperty().bind(appearance.fontSizeProperty().divide((double) AppearanceViewModel.DEFAULT_FONT_SIZE));
        acceptImages(area);
        if (editor.spelling() != null) {
            new TitleSpelling(titleField, editor.spelling()).install();
        }
        vm.restoring().replaceTextWith(text -> editor.apply(new MarkdownFormatting.Edit(0, area.getLength(), text, 0, 0)));
    }

    /** Paste (Ctrl+V with an image on the clipboard) and drop of image files put images in at the caret. */
    private void acceptImages(org.fxmisc.richtext.CodeArea area) {
        images.setInsertAtCaret(markdown -> {
            int caret = area.getCaretPosition();
            area.insertText(caret, ImageInsertion.asParagraph(area.getText(), caret, markdown));
        });
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            var clipboard = javafx.scene.input.Clipboard.getSystemClipboard();
            if (PASTE.match(e) && vm.openProperty().get() && clipboard.hasImage() && !clipboard.hasString()) {
                javafx.scene.image.Image image = clipboard.getImage();
                images.insertImage(() -> PngEncoder.encode(image));
                e.consume();
            }
        });
        area.setOnDragOver(e -> {
            if (vm.openProperty().get() && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume(); // the window's own drop (an import) is for drops outside the editor
            }
        });
        area.setOnDragDropped(e -> {
            boolean ok = vm.openProperty().get() && e.getDragboard().hasFiles();
            if (ok) {
                e.getDragboard().getFiles().forEach(file -> images.insertFile(file.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static final javafx.scene.input.KeyCombination PASTE =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    /** Insert Image…: the chosen file goes in at the caret. */
    public void insertImage(java.nio.file.Path file) {
        if (editing()) {
            editor.area().requestFocus();
            images.insertFile(file);
        }
    }

    public void focusTitle() {
        titleField.requestFocus();
    }

    public void find() {
        if (editing()) {
            findReplaceController.show(false);
        }
    }

    public void replace() {
        if (editing()) {
            findReplaceController.show(true);
        }
    }

    /** Undo in whichever text field has the focus. */
    public void undo() {
        if (editor.area().isFocused()) {
            editor.area().undo();
        } else if (titleField.isFocused()) {
            titleField.undo();
        }
    }

    public void redo() {
        if (editor.area().isFocused()) {
            editor.area().redo();
        } else if (titleField.isFocused()) {
            titleField.redo();
        }
    }

    public void bold() {
        if (editing()) {
            editor.toggleWrap("**");
        }
    }

    public void italic() {
        if (editing()) {
            editor.toggleWrap("*");
        }
    }

    public void code() {
        if (editing()) {
            editor.code();
        }
    }

    public void link() {
        if (editing()) {
            editor.link();
        }
    }

    public void heading(int level) {
        if (editing()) {
            editor.heading(level);
        }
    }

    private boolean editing() {
        return vm.openProperty().get();
    }
}
