package dev.blogdesk.ui.main;

import dev.blogdesk.ui.common.AppearanceViewModel;
import dev.blogdesk.ui.editor.EditorView;
import dev.blogdesk.ui.search.SearchBoxView;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;

/**
 * The main window (MainView.fxml): menus and toolbar around the included post list, search box,
 * editor, welcome pane and status bar. Binds the commands' enabled state; runs each command by name.
 */
public final class MainView {

    @FXML private BorderPane root;
    @FXML private Button saveButton;
    @FXML private Button deleteButton;
    @FXML private Button publishButton;
    @FXML private MenuItem publishMenuItem;
    @FXML private javafx.scene.control.Label statusBadge;
    @FXML private MenuItem saveMenuItem;
    @FXML private MenuItem deleteMenuItem;
    @FXML private MenuItem undoDeleteItem;
    @FXML private MenuItem exportMarkdownItem;
    @FXML private MenuItem exportHtmlItem;
    @FXML private MenuItem insertImageItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private EditorView editorController;
    @FXML private SearchBoxView searchBoxController;
    @FXML private StatusBarView statusBarController;

    private final MainViewModel vm;
    private final MainCommands commands;
    private final WindowActions actions;
    private final AppearanceViewModel appearance;
    private final dev.blogdesk.ui.history.HistoryViewModel history;
    private final dev.blogdesk.ui.outline.OutlineViewModel outline;
    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private CheckMenuItem historyItem;
    @FXML private CheckMenuItem outlineItem;
    @FXML private javafx.scene.control.MenuBar menuBar;

    MainView(MainViewModel vm, MainCommands commands, WindowActions actions, AppearanceViewModel appearance,
             SidePanelModels panels) {
        this.vm = vm;
        this.commands = commands;
        this.actions = actions;
        this.appearance = appearance;
        this.history = panels.history();
        this.outline = panels.outline();
    }

    /** The view models of the panels beside the editor. */
    record SidePanelModels(dev.blogdesk.ui.history.HistoryViewModel history, dev.blogdesk.ui.outline.OutlineViewModel outline) {
    }

    /** The panels beside the editor: the outline above the history, each shown while chosen in View. */
    SidePanels sidePanels() {
        SidePanels panels = new SidePanels(mainSplit);
        panels.add(new dev.blogdesk.ui.outline.OutlineView(outline).node(), outline.visibleProperty());
        panels.add(new dev.blogdesk.ui.history.HistoryView(history).node(), history.visibleProperty());
        return panels;
    }

    @FXML
    private void initialize() {
        var editor = vm.editor();
        saveButton.disableProperty().bind(Bindings.not(Bindings.and(editor.openProperty(), editor.dirtyProperty()))
                .or(editor.busyProperty()));
        saveMenuItem.disableProperty().bind(saveButton.disableProperty());
        deleteButton.disableProperty().bind(editor.openProperty().not().or(editor.busyProperty()));
        deleteMenuItem.disableProperty().bind(deleteButton.disableProperty());
        var publishing = editor.publishing();
        publishButton.textProperty().bind(publishing.actionLabelProperty());
        publishButton.disableProperty().bind(publishing.disabledProperty());
        publishMenuItem.textProperty().bind(publishing.actionLabelProperty());
        publishMenuItem.disableProperty().bind(publishing.disabledProperty());
        statusBadge.textProperty().bind(publishing.badgeProperty());
        statusBadge.visibleProperty().bind(publishing.badgeProperty().isNotEmpty());
        publishing.badgeProperty().addListener((o, was, now) -> {
            statusBadge.getStyleClass().removeAll("badge-draft", "badge-published");
            statusBadge.getStyleClass().add("Draft".equals(now) ? "badge-draft" : "badge-published");
        });
        undoDeleteItem.disableProperty().bind(editor.undoableDeleteProperty().isNull());
        exportMarkdownItem.disableProperty().bind(editor.openProperty().not());
        exportHtmlItem.disableProperty().bind(editor.openProperty().not());
        insertImageItem.disableProperty().bind(editor.openProperty().not());
        darkThemeItem.selectedProperty().bindBidirectional(appearance.darkProperty());
        historyItem.selectedProperty().bindBidirectional(history.visibleProperty());
        outlineItem.selectedProperty().bindBidirectional(outline.visibleProperty());
        commands.handleWith(this::run);
        // Dropping a database file anywhere on the window starts the import wizard with it.
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                Path file = e.getDragboard().getFiles().get(0).toPath();
                vm.requestImport(() -> actions.openImport(file));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    StatusBarView statusBar() {
        return statusBarController;
    }

    /** Menus and toolbar buttons name their command in {@code userData}. */
    @FXML
    private void onCommand(ActionEvent e) {
        Object name = e.getSource() instanceof MenuItem item ? item.getUserData() : ((Node) e.getSource()).getUserData();
        run(MainCommands.Command.valueOf((String) name));
    }

    private void run(MainCommands.Command command) {
        var editor = vm.editor();
        switch (command) {
            case NEW_POST -> {
                if (vm.requestNewPost()) {
                    editorController.focusTitle();
                }
            }
            case SAVE -> editor.save();
            case PUBLISH -> editor.publishing().toggle();
            case DELETE -> editor.delete();
            case IMPORT -> vm.requestImport(() -> actions.openImport(null));
            case EXPORT_MARKDOWN -> actions.chooseExportFile("Markdown", "*.md").ifPresent(vm.exporter()::exportMarkdown);
            case EXPORT_HTML -> actions.chooseExportFile("HTML", "*.html").ifPresent(vm.exporter()::exportHtml);
            case SETTINGS -> actions.openSettings();
            case QUIT -> actions.quit();
            case UNDO -> editorController.undo();
            case REDO -> editorController.redo();
            case UNDO_DELETE -> editor.undoDelete();
            case FIND -> editorController.find();
            case REPLACE -> editorController.replace();
            case FOCUS_SEARCH -> searchBoxController.focus();
            case BOLD -> editorController.bold();
            case ITALIC -> editorController.italic();
            case CODE -> editorController.code();
            case LINK -> editorController.link();
            case HEADING_1 -> editorController.heading(1);
            case HEADING_2 -> editorController.heading(2);
            case HEADING_3 -> editorController.heading(3);
            case INSERT_IMAGE -> {
                if (editor.openProperty().get()) {
                    actions.chooseImageFile().ifPresent(editorController::insertImage);
                }
            }
            case HISTORY -> history.toggle();
            case OUTLINE -> outline.toggle();
            case BIGGER -> appearance.bigger();
            case SMALLER -> appearance.smaller();
            case NORMAL_SIZE -> appearance.normalSize();
            case SHORTCUTS -> ShortcutsDialog.show(root.getScene().getWindow(), menuBar);
            case ABOUT -> actions.showAbout();
        }
    }
}
