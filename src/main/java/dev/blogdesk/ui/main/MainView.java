package dev.blogdesk.ui.main;

import dev.blogdesk.store.PostSummary;
import dev.blogdesk.ui.editor.PreviewPane;
import dev.blogdesk.ui.postlist.PostListCell;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
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
    @FXML private TextArea contentArea;
    @FXML private WebView previewView;
    @FXML private VBox emptyEditorPane;
    @FXML private Label dirtyLabel;
    @FXML private Label statusLabel;
    @FXML private Label storeLabel;

    private final MainViewModel vm;
    private final Consumer<String> openLink;
    private final Actions actions;
    private boolean syncingSelection;

    /** What the window does that is not the view model's business (dialogs, quitting). */
    public interface Actions {
        /** Opens the import wizard, checking {@code file} at once when it is not null. */
        void openImport(java.nio.file.Path file);

        void openSettings();

        void showAbout();

        void quit();
    }

    private MainView(MainViewModel vm, Consumer<String> openLink, Actions actions) {
        this.vm = vm;
        this.openLink = openLink;
        this.actions = actions;
    }

    public static Parent load(MainViewModel vm, Consumer<String> openLink, Actions actions) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setController(new MainView(vm, openLink, actions));
        try {
            Parent parent = loader.load();
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
        contentArea.textProperty().bindBidirectional(editor.contentProperty());
        emptyEditorPane.visibleProperty().bind(editor.openProperty().not());
        titleField.disableProperty().bind(editor.openProperty().not());
        contentArea.disableProperty().bind(editor.openProperty().not());
        saveButton.disableProperty().bind(Bindings.not(Bindings.and(editor.openProperty(), editor.dirtyProperty()))
                .or(editor.busyProperty()));
        saveMenuItem.disableProperty().bind(saveButton.disableProperty());
        deleteButton.disableProperty().bind(editor.openProperty().not().or(editor.busyProperty()));
        deleteMenuItem.disableProperty().bind(deleteButton.disableProperty());
        PreviewPane.bind(previewView, editor.previewHtmlProperty(), openLink);

        dirtyLabel.textProperty().bind(Bindings.when(editor.dirtyProperty()).then("● Unsaved changes").otherwise(""));
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String error = postList.errorProperty().get();
            return error.isEmpty() ? editor.statusProperty().get() : error;
        }, postList.errorProperty(), editor.statusProperty()));
        storeLabel.setText(vm.storeDescription());

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
