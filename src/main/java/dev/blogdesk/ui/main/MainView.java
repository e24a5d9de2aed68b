package dev.blogdesk.ui.main;

import dev.blogdesk.store.PostSummary;
import dev.blogdesk.ui.editor.LivePreview;
import dev.blogdesk.ui.editor.MarkdownEditor;
import dev.blogdesk.ui.editor.TextSearch;
import dev.blogdesk.ui.postlist.PostListCell;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/** Binds MainView.fxml to a {@link MainViewModel}. Holds no logic of its own beyond wiring. */
public final class MainView {

    @FXML private BorderPane root;
    @FXML private Button newButton;
    @FXML private Button saveButton;
    @FXML private Button deleteButton;
    @FXML private MenuItem saveMenuItem;
    @FXML private MenuItem deleteMenuItem;
    @FXML private TextField searchField;
    @FXML private ListView<PostSummary> postListView;
    @FXML private Label listCountLabel;
    @FXML private TextField titleField;
    @FXML private javafx.scene.layout.StackPane editorHost;
    @FXML private javafx.scene.layout.HBox findBar;
    @FXML private TextField findField;
    @FXML private TextField replaceField;
    @FXML private javafx.scene.control.CheckBox matchCaseCheck;
    @FXML private Label findCountLabel;
    @FXML private Button replaceButton;
    @FXML private Button replaceAllButton;
    @FXML private javafx.scene.control.CheckMenuItem darkThemeItem;
    @FXML private MenuItem undoDeleteItem;
    @FXML private MenuItem exportMarkdownItem;
    @FXML private MenuItem exportHtmlItem;
    @FXML private javafx.scene.control.Hyperlink undoDeleteLink;
    @FXML private Label statsLabel;
    @FXML private Label lastSavedLabel;
    @FXML private Label welcomeTitle;
    @FXML private Label welcomeText;
    @FXML private WebView previewView;
    @FXML private VBox emptyEditorPane;
    @FXML private Label dirtyLabel;
    @FXML private Label statusLabel;
    @FXML private Label storeLabel;
    @FXML private javafx.scene.control.Hyperlink syncLink;

    private final MainViewModel vm;
    private final Consumer<String> openLink;
    private final Actions actions;
    private final dev.blogdesk.app.TaskExecutor executor;
    private final AppearanceViewModel appearance;
    private MarkdownEditor editorView;
    private LivePreview livePreview;
    private boolean syncingSelection;

    /** What the window does that is not the view model's business (dialogs, quitting). */
    public interface Actions {
        /** Opens the import wizard, checking {@code file} at once when it is not null. */
        void openImport(java.nio.file.Path file);

        void openSettings();

        /** Asks where to export the open post; empty when cancelled. */
        java.util.Optional<java.nio.file.Path> chooseExportFile(String kind, String pattern);

        void showAbout();

        void quit();
    }

    private MainView(MainViewModel vm, Consumer<String> openLink, Actions actions, dev.blogdesk.app.TaskExecutor executor,
                     AppearanceViewModel appearance) {
        this.vm = vm;
        this.openLink = openLink;
        this.actions = actions;
        this.executor = executor;
        this.appearance = appearance;
    }

    public static Parent load(MainViewModel vm, Consumer<String> openLink, Actions actions, dev.blogdesk.app.TaskExecutor executor,
                              AppearanceViewModel appearance) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setController(new MainView(vm, openLink, actions, executor, appearance));
        try {
            Parent parent = loader.load();
            parent.getProperties().put(MainView.class, loader.getController());
            parent.getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("main.css")).toExternalForm());
            return parent;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the main window layout", e);
        }
    }

    @FXML
    private void initialize() {
        var editor = vm.editor();
        var postList = vm.postList();

        searchField.textProperty().bindBidirectional(vm.search().textProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.search().clear();
                if (postList.importedFromProperty().get() != null) {
                    postList.show("");
                }
            }
        });

        postListView.setItems(postList.posts());
        postListView.setCellFactory(lv -> new PostListCell(postList));
        Label placeholder = new Label();
        placeholder.setId("listPlaceholder");
        placeholder.textProperty().bind(postList.placeholderProperty());
        placeholder.setWrapText(true);
        postListView.setPlaceholder(placeholder);
        listCountLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = postList.posts().size();
            String shown = n + (postList.hasMoreProperty().get() ? "+" : "") + (n == 1 ? " post" : " posts");
            String from = postList.importedFromProperty().get();
            if (from != null) {
                shown += " imported from " + from + " (Esc in the search box shows all)";
            }
            return postList.loadingProperty().get() ? "Loading…" : shown;
        }, postList.posts(), postList.hasMoreProperty(), postList.loadingProperty(), postList.importedFromProperty()));
        listCountLabel.setWrapText(true);

        postListView.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (syncingSelection || selected == null) {
                return;
            }
            if (!vm.requestOpen(selected.id())) {
                selectCurrent();
            }
        });
        // Keep the list's selection on the open post when the list reloads or the post changes.
        editor.currentIdProperty().addListener((obs, old, id) -> selectCurrent());
        postList.posts().addListener((javafx.collections.ListChangeListener<PostSummary>) c -> selectCurrent());
        postListView.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                editor.delete();
            }
        });

        titleField.textProperty().bindBidirectional(editor.titleProperty());
        editorView = new MarkdownEditor(editor.contentProperty(), executor);
        editorHost.getChildren().add(editorView.node());
        var area = editorView.area();
        emptyEditorPane.visibleProperty().bind(editor.openProperty().not());
        titleField.disableProperty().bind(editor.openProperty().not());
        area.disableProperty().bind(editor.openProperty().not());
        titleField.setOnAction(e -> area.requestFocus());
        area.styleProperty().bind(Bindings.concat("-fx-font-size: ", appearance.fontSizeProperty().asString(), "px;"));

        livePreview = new LivePreview(previewView, openLink);
        editor.previewProperty().addListener((o, old, doc) -> livePreview.show(doc, appearance.darkProperty().get()));
        appearance.darkProperty().addListener((o, old, dark) -> livePreview.show(editor.previewProperty().get(), dark));
        livePreview.show(editor.previewProperty().get(), appearance.darkProperty().get());
        area.currentParagraphProperty().addListener((o, old, line) -> livePreview.revealLine(line));
        previewView.fontScaleProperty().bind(appearance.fontSizeProperty().divide((double) AppearanceViewModel.DEFAULT_FONT_SIZE));
        darkThemeItem.selectedProperty().bindBidirectional(appearance.darkProperty());
        initFindBar();
        saveButton.disableProperty().bind(Bindings.not(Bindings.and(editor.openProperty(), editor.dirtyProperty()))
                .or(editor.busyProperty()));
        saveMenuItem.disableProperty().bind(saveButton.disableProperty());
        deleteButton.disableProperty().bind(editor.openProperty().not().or(editor.busyProperty()));
        deleteMenuItem.disableProperty().bind(deleteButton.disableProperty());

        dirtyLabel.textProperty().bind(Bindings.when(editor.dirtyProperty()).then("● Unsaved changes").otherwise(""));
        statsLabel.textProperty().bind(Bindings.when(editor.openProperty()).then(editor.statsProperty()).otherwise(""));
        lastSavedLabel.textProperty().bind(editor.lastSavedProperty());
        undoDeleteLink.visibleProperty().bind(editor.undoableDeleteProperty().isNotNull());
        undoDeleteLink.managedProperty().bind(undoDeleteLink.visibleProperty());
        undoDeleteItem.disableProperty().bind(editor.undoableDeleteProperty().isNull());
        exportMarkdownItem.disableProperty().bind(editor.openProperty().not());
        exportHtmlItem.disableProperty().bind(editor.openProperty().not());
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String error = postList.errorProperty().get();
            return error.isEmpty() ? editor.statusProperty().get() : error;
        }, postList.errorProperty(), editor.statusProperty()));
        storeLabel.setText(vm.storeDescription());
        storeLabel.setTooltip(new javafx.scene.control.Tooltip(vm.storeDescription())); // it is cut short in small windows
        // First run (no posts at all): a welcome; afterwards the empty editor just says what to do.
        var firstRun = Bindings.createBooleanBinding(() -> postList.posts().isEmpty() && !postList.loadingProperty().get()
                && postList.query().isBlank() && postList.importedFromProperty().get() == null && postList.errorProperty().get().isEmpty(),
                postList.posts(), postList.loadingProperty(), postList.importedFromProperty(), postList.errorProperty());
        welcomeTitle.textProperty().bind(Bindings.when(firstRun).then("Welcome to BlogDesk").otherwise("No post open"));
        welcomeText.textProperty().bind(Bindings.when(firstRun)
                .then("Write your first post, or bring your old blog along: BlogDesk imports Flask and other SQLite blogs "
                        + "without losing a row, and keeps everything on your disk (or on your MongoDB server).")
                .otherwise("Select a post on the left, or start a new one."));

        // Dropping a database file anywhere on the window starts the import wizard with it.
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                java.nio.file.Path file = e.getDragboard().getFiles().get(0).toPath();
                vm.requestImport(() -> actions.openImport(file));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    @FXML
    private void onImport() {
        vm.requestImport(() -> actions.openImport(null));
    }

    private void selectCurrent() {
        String id = vm.editor().currentIdProperty().get();
        syncingSelection = true;
        try {
            int index = id == null ? -1 : vm.postList().indexOf(id);
            if (index < 0) {
                postListView.getSelectionModel().clearSelection();
            } else {
                postListView.getSelectionModel().select(index);
            }
        } finally {
            syncingSelection = false;
        }
    }

    // ---- find and replace in the open post

    private java.util.List<Integer> hits = java.util.List.of();

    private void initFindBar() {
        findField.textProperty().addListener((o, a, b) -> refreshHits(true));
        matchCaseCheck.selectedProperty().addListener((o, a, b) -> refreshHits(true));
        editorView.area().textProperty().addListener((o, a, b) -> {
            if (findBar.isVisible()) {
                refreshHits(false);
            }
        });
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                findNext(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onCloseFind();
            }
        });
        replaceField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onReplaceOne();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onCloseFind();
            }
        });
    }

    private void showFindBar(boolean withReplace) {
        if (!vm.editor().openProperty().get()) {
            return;
        }
        findBar.setVisible(true);
        findBar.setManaged(true);
        for (javafx.scene.Node n : new javafx.scene.Node[] {replaceField, replaceButton, replaceAllButton}) {
            n.setVisible(withReplace);
            n.setManaged(withReplace);
        }
        String selected = editorView.area().getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            findField.setText(selected);
        }
        refreshHits(false);
        (withReplace && !findField.getText().isEmpty() ? replaceField : findField).requestFocus();
        findField.selectAll();
    }

    private void refreshHits(boolean jump) {
        hits = TextSearch.findAll(editorView.area().getText(), findField.getText(), matchCaseCheck.isSelected());
        if (jump && !hits.isEmpty()) {
            int i = TextSearch.next(hits, editorView.area().getSelection().getStart(), true);
            select(i);
        } else {
            updateCount();
        }
    }

    private void updateCount() {
        if (findField.getText().isEmpty()) {
            findCountLabel.setText("");
            return;
        }
        int current = hits.indexOf(editorView.area().getSelection().getStart());
        boolean exact = current >= 0 && editorView.area().getSelection().getLength() == findField.getText().length();
        findCountLabel.setText(hits.isEmpty() ? "No results" : (exact ? (current + 1) + " of " : "") + hits.size()
                + (exact ? "" : " found"));
    }

    private void select(int index) {
        if (index < 0) {
            updateCount();
            return;
        }
        int start = hits.get(index);
        editorView.area().selectRange(start, start + findField.getText().length());
        editorView.area().requestFollowCaret();
        updateCount();
    }

    private void findNext(boolean forward) {
        var area = editorView.area();
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart();
        select(TextSearch.next(hits, from, forward));
    }

    @FXML
    private void onFind() {
        showFindBar(false);
    }

    @FXML
    private void onReplace() {
        showFindBar(true);
    }

    @FXML
    private void onFindNext() {
        findNext(true);
    }

    @FXML
    private void onFindPrevious() {
        findNext(false);
    }

    @FXML
    private void onReplaceOne() {
        var area = editorView.area();
        String query = findField.getText();
        boolean onHit = hits.contains(area.getSelection().getStart()) && area.getSelection().getLength() == query.length();
        if (onHit) {
            area.replaceSelection(replaceField.getText());
            refreshHits(false);
        }
        findNext(true);
    }

    @FXML
    private void onReplaceAll() {
        var area = editorView.area();
        String query = findField.getText();
        if (hits.isEmpty() || query.isEmpty()) {
            return;
        }
        // One edit for all, so one Ctrl+Z undoes the whole replacement.
        String text = area.getText();
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int hit : hits) {
            sb.append(text, at, hit).append(replaceField.getText());
            at = hit + query.length();
        }
        sb.append(text.substring(at));
        int count = hits.size();
        area.replaceText(0, text.length(), sb.toString());
        refreshHits(false);
        findCountLabel.setText("Replaced " + count);
    }

    @FXML
    private void onCloseFind() {
        findBar.setVisible(false);
        findBar.setManaged(false);
        editorView.area().requestFocus();
    }

    // ---- editing commands

    @FXML
    private void onUndo() {
        if (editorView.area().isFocused()) {
            editorView.area().undo();
        } else if (titleField.isFocused()) {
            titleField.undo();
        }
    }

    @FXML
    private void onRedo() {
        if (editorView.area().isFocused()) {
            editorView.area().redo();
        } else if (titleField.isFocused()) {
            titleField.redo();
        }
    }

    @FXML
    private void onUndoDelete() {
        vm.editor().undoDelete();
    }

    private boolean editing() {
        return vm.editor().openProperty().get();
    }

    @FXML
    private void onBold() {
        if (editing()) {
            editorView.toggleWrap("**");
        }
    }

    @FXML
    private void onItalic() {
        if (editing()) {
            editorView.toggleWrap("*");
        }
    }

    @FXML
    private void onCode() {
        if (editing()) {
            editorView.code();
        }
    }

    @FXML
    private void onLink() {
        if (editing()) {
            editorView.link();
        }
    }

    @FXML
    private void onHeading1() {
        if (editing()) {
            editorView.heading(1);
        }
    }

    @FXML
    private void onHeading2() {
        if (editing()) {
            editorView.heading(2);
        }
    }

    @FXML
    private void onHeading3() {
        if (editing()) {
            editorView.heading(3);
        }
    }

    @FXML
    private void onBigger() {
        appearance.bigger();
    }

    @FXML
    private void onSmaller() {
        appearance.smaller();
    }

    @FXML
    private void onNormalSize() {
        appearance.normalSize();
    }

    @FXML
    private void onExportMarkdown() {
        actions.chooseExportFile("Markdown", "*.md").ifPresent(vm.editor()::exportMarkdown);
    }

    @FXML
    private void onExportHtml() {
        actions.chooseExportFile("HTML", "*.html").ifPresent(vm.editor()::exportHtml);
    }

    /** The blog's address for relative images and links in the preview. */
    /**
     * Shows the sync indicator in the status bar (online / offline / syncing, changes to push,
     * conflicts); a click runs {@code onClick} (sync now, or resolve the conflicts). Posts not yet on
     * the server get a mark in the list.
     */
    public void bindSync(dev.blogdesk.ui.sync.SyncStatusViewModel sync, Runnable onClick) {
        syncLink.setVisible(true);
        syncLink.setManaged(true);
        syncLink.textProperty().bind(sync.textProperty());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(sync.tooltipProperty());
        syncLink.setTooltip(tip);
        sync.stateProperty().addListener((o, was, now) -> {
            syncLink.getStyleClass().removeAll("sync-online", "sync-offline", "sync-syncing");
            if (now != null) {
                syncLink.getStyleClass().add("sync-" + now.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        syncLink.setOnAction(e -> {
            syncLink.setVisited(false);
            onClick.run();
        });
        vm.postList().unsyncedProperty().bind(sync.unsyncedProperty());
        vm.postList().unsyncedProperty().addListener((o, was, now) -> postListView.refresh());
    }

    public void setSiteUrl(String url) {
        livePreview.setBaseUrl(url);
    }

    @FXML
    private void onNewPost() {
        if (vm.requestNewPost()) {
            titleField.requestFocus();
        }
    }

    @FXML
    private void onSave() {
        vm.editor().save();
    }

    @FXML
    private void onDelete() {
        vm.editor().delete();
    }

    @FXML
    private void onFocusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void onSettings() {
        actions.openSettings();
    }

    @FXML
    private void onAbout() {
        actions.showAbout();
    }

    @FXML
    private void onQuit() {
        actions.quit();
    }
}
