package dev.blogdesk.ui.importwizard;

import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.importer.ImportProblem;
import dev.blogdesk.ui.editor.PreviewPane;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel.Page;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bson.Document;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Binds ImportWizard.fxml to an {@link ImportWizardViewModel}; shows it as a window over the main one. */
public final class ImportWizardView {

    private static final Map<Page, String[]> STEPS = Map.of(
            Page.CHOOSE, new String[] {"Step 1 of 4 · Choose your old blog's database",
                    "A SQLite file from Flask, WordPress, Ghost, WriteFreely, Django, Rails or Node. BlogDesk checks it before anything else."},
            Page.MAPPING, new String[] {"Step 2 of 4 · Check what goes where",
                    "BlogDesk guessed which table holds the posts and which column feeds each field. Change anything that is wrong."},
            Page.PREVIEW, new String[] {"Step 3 of 4 · Preview",
                    "The first documents exactly as they will be stored, and what happens to rows with problems."},
            Page.IMPORTING, new String[] {"Step 4 of 4 · Importing",
                    "You can cancel at any time: what is written stays, and running the import again finishes it without duplicates."},
            Page.REPORT, new String[] {"Import report", "Every row of the source is accounted for below."});

    @FXML private Label stepLabel;
    @FXML private Label stepHelp;
    @FXML private VBox choosePage;
    @FXML private Node mappingPage;
    @FXML private VBox previewPage;
    @FXML private VBox importingPage;
    @FXML private VBox reportPage;
    @FXML private TextField pathField;
    @FXML private ListView<TableRow> tablesList;
    @FXML private ComboBox<String> tableCombo;
    @FXML private ComboBox<String> titleCombo;
    @FXML private ComboBox<String> contentCombo;
    @FXML private ComboBox<String> dateCombo;
    @FXML private ComboBox<String> zoneCombo;
    @FXML private CheckBox authorCheck;
    @FXML private CheckBox tagsCheck;
    @FXML private CheckBox commentsCheck;
    @FXML private CheckBox keepHtmlCheck;
    @FXML private CheckBox pagesCheck;
    @FXML private ChoiceBox<ImportRequest.SameBlog> sameBlogChoice;
    @FXML private TextField siteFolderField;
    @FXML private Label engineLabel;
    @FXML private ListView<String> scanList;
    @FXML private ListView<Document> samplesList;
    @FXML private TextArea sampleJsonArea;
    @FXML private WebView samplePreview;
    @FXML private javafx.scene.control.Tab differingTab;
    @FXML private ListView<ImportRequest.Differing> differingList;
    @FXML private Label differenceLabel;
    @FXML private WebView originalPreview;
    @FXML private WebView convertedPreview;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private TextArea summaryArea;
    @FXML private TableView<ImportProblem> problemsTable;
    @FXML private TableColumn<ImportProblem, String> problemTableColumn;
    @FXML private TableColumn<ImportProblem, String> problemIdColumn;
    @FXML private TableColumn<ImportProblem, String> problemReasonColumn;
    @FXML private TableColumn<ImportProblem, String> problemMessageColumn;
    @FXML private Label errorLabel;
    @FXML private Label damageLabel;
    @FXML private Label busyLabel;
    @FXML private Button saveReportButton;
    @FXML private Button showPostsButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button cancelButton;

    private final ImportWizardViewModel vm;
    private final Consumer<String> openLink;
    private Stage stage;

    private ImportWizardView(ImportWizardViewModel vm, Consumer<String> openLink) {
        this.vm = vm;
        this.openLink = openLink;
    }

    /** Opens the wizard over {@code owner}; with {@code file}, starts checking that file at once. */
    public static Stage show(Window owner, ImportWizardViewModel vm, Consumer<String> openLink, Path file) {
        ImportWizardView view = new ImportWizardView(vm, openLink);
        FXMLLoader loader = new FXMLLoader(ImportWizardView.class.getResource("ImportWizard.fxml"));
        loader.setController(view);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the import wizard layout", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(ImportWizardView.class.getResource("wizard.css")).toExternalForm());
        Stage stage = new Stage();
        view.stage = stage;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import SQLite Blog");
        stage.getIcons().setAll(dev.blogdesk.ui.common.AppIcons.all());
        stage.setScene(new Scene(root));
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                // Closing while it works means "stop": cancel first, the window stays to show where it stopped.
                e.consume();
                vm.cancel();
            }
        });
        stage.show();
        if (file != null) {
            vm.choose(file);
        }
        return stage;
    }

    @FXML
    private void initialize() {
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> STEPS.get(vm.pageProperty().get())[0], vm.pageProperty()));
        stepHelp.textProperty().bind(Bindings.createStringBinding(() -> STEPS.get(vm.pageProperty().get())[1], vm.pageProperty()));
        Map<Page, Node> pages = Map.of(Page.CHOOSE, choosePage, Page.MAPPING, mappingPage, Page.PREVIEW, previewPage,
                Page.IMPORTING, importingPage, Page.REPORT, reportPage);
        pages.forEach((page, node) -> node.visibleProperty().bind(vm.pageProperty().isEqualTo(page)));
        // Focus follows the page, so Enter goes on and no hidden control keeps the keyboard.
        vm.pageProperty().addListener((o, old, page) -> javafx.application.Platform.runLater(() -> {
            if (page == Page.REPORT) {
                showPostsButton.requestFocus();
            } else if (page == Page.IMPORTING) {
                cancelButton.requestFocus();
            } else if (page == Page.CHOOSE) {
                pathField.requestFocus();
            } else {
                nextButton.requestFocus();
            }
        }));

        // 1. choose
        pathField.textProperty().bindBidirectional(vm.pathProperty());
        pathField.setOnAction(e -> vm.next());
        choosePage.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                choosePage.getStyleClass().add("drag-over");
            }
            e.consume();
        });
        choosePage.setOnDragExited(e -> choosePage.getStyleClass().remove("drag-over"));
        choosePage.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                vm.choose(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        // 2. mapping
        tablesList.setItems(vm.tables());
        tablesList.setOnMouseClicked(e -> {
            var selected = tablesList.getSelectionModel().getSelectedItem();
            if (selected != null) {
                vm.tableProperty().set(selected.name());
            }
        });
        tableCombo.setItems(javafx.collections.FXCollections.observableArrayList());
        vm.tables().addListener((javafx.collections.ListChangeListener<TableRow>) c ->
                tableCombo.getItems().setAll(vm.tables().stream().map(TableRow::name).toList()));
        tableCombo.valueProperty().bindBidirectional(vm.tableProperty());
        titleCombo.setItems(vm.columns());
        titleCombo.valueProperty().bindBidirectional(vm.titleColumnProperty());
        contentCombo.setItems(vm.columns());
        contentCombo.valueProperty().bindBidirectional(vm.contentColumnProperty());
        dateCombo.setItems(vm.optionalColumns());
        dateCombo.valueProperty().bindBidirectional(vm.dateColumnProperty());
        zoneCombo.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zoneCombo.getItems().add(0, "UTC");
        zoneCombo.valueProperty().bindBidirectional(vm.zoneProperty());
        // Column names contain underscores: they are text, not mnemonics.
        for (CheckBox check : new CheckBox[] {authorCheck, tagsCheck, commentsCheck}) {
            check.setMnemonicParsing(false);
        }
        authorCheck.textProperty().bind(vm.authorTextProperty());
        authorCheck.selectedProperty().bindBidirectional(vm.includeAuthorProperty());
        tagsCheck.textProperty().bind(vm.tagsTextProperty());
        tagsCheck.selectedProperty().bindBidirectional(vm.includeTagsProperty());
        commentsCheck.textProperty().bind(vm.commentsTextProperty());
        commentsCheck.selectedProperty().bindBidirectional(vm.includeCommentsProperty());
        keepHtmlCheck.selectedProperty().bindBidirectional(vm.keepHtmlProperty());
        pagesCheck.selectedProperty().bindBidirectional(vm.importPagesProperty());
        sameBlogChoice.getItems().setAll(ImportRequest.SameBlog.values());
        sameBlogChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ImportRequest.SameBlog choice) {
                return choice == null ? "" : switch (choice) {
                    case UPDATE -> "are the same posts: update where changed";
                    case NEW -> "import again, as new posts";
                    case SKIP -> "skip them";
                };
            }

            @Override
            public ImportRequest.SameBlog fromString(String text) {
                return null; // not editable
            }
        });
        sameBlogChoice.valueProperty().bindBidirectional(vm.sameBlogProperty());
        siteFolderField.textProperty().bindBidirectional(vm.siteFolderProperty());
        engineLabel.textProperty().bind(vm.engineTextProperty());

        // 3. preview
        scanList.setItems(vm.scanFindings());
        samplesList.setItems(vm.samples().samples());
        samplesList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Document doc, boolean empty) {
                super.updateItem(doc, empty);
                setText(empty || doc == null ? null : doc.getString("title").isBlank() ? "(untitled)" : doc.getString("title"));
            }
        });
        samplesList.getSelectionModel().selectedItemProperty().addListener((o, old, doc) -> {
            if (doc != null) {
                vm.samples().selectedProperty().set(doc);
            }
        });
        vm.samples().samples().addListener((javafx.collections.ListChangeListener<Document>) c -> {
            if (!vm.samples().samples().isEmpty()) {
                samplesList.getSelectionModel().select(0);
            }
        });
        sampleJsonArea.textProperty().bind(vm.samples().jsonProperty());
        PreviewPane.bind(samplePreview, vm.samples().htmlProperty(), openLink);
        bindConversions(vm.conversions());

        // 4. importing
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());

        // 5. report
        summaryArea.textProperty().bind(Bindings.createStringBinding(
                () -> vm.reportProperty().get() == null ? "" : vm.reportProperty().get().summary(), vm.reportProperty()));
        problemsTable.setItems(vm.problems());
        problemTableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        problemIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().id())));
        problemReasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason().code()));
        problemMessageColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().message() + " " + c.getValue().reason().outcome().substring(0, 1).toUpperCase()
                        + c.getValue().reason().outcome().substring(1) + "."));

        // buttons
        errorLabel.textProperty().bind(vm.errorProperty());
        damageLabel.textProperty().bind(vm.damageNoticeProperty());
        damageLabel.visibleProperty().bind(vm.damageNoticeProperty().isNotEmpty());
        damageLabel.managedProperty().bind(damageLabel.visibleProperty());
        busyLabel.textProperty().bind(Bindings.when(vm.busyProperty().and(vm.pageProperty().isNotEqualTo(Page.IMPORTING)))
                .then(vm.progressTextProperty()).otherwise(""));
        var onReport = vm.pageProperty().isEqualTo(Page.REPORT);
        saveReportButton.visibleProperty().bind(onReport);
        saveReportButton.managedProperty().bind(onReport);
        showPostsButton.visibleProperty().bind(onReport);
        showPostsButton.managedProperty().bind(onReport);
        var stepping = vm.pageProperty().isNotEqualTo(Page.REPORT).and(vm.pageProperty().isNotEqualTo(Page.IMPORTING));
        nextButton.visibleProperty().bind(stepping);
        nextButton.managedProperty().bind(stepping);
        backButton.visibleProperty().bind(stepping);
        backButton.managedProperty().bind(stepping);
        nextButton.disableProperty().bind(vm.canGoNextProperty().not());
        nextButton.textProperty().bind(Bindings.when(vm.pageProperty().isEqualTo(Page.PREVIEW)).then("Import").otherwise("Next"));
        backButton.disableProperty().bind(vm.pageProperty().isEqualTo(Page.CHOOSE).or(vm.busyProperty()));
        cancelButton.textProperty().bind(Bindings.when(vm.busyProperty()).then("Stop")
                .otherwise(Bindings.when(onReport).then("Close").otherwise("Cancel")));
    }

    private void bindConversions(ConversionReview review) {
        differingList.setItems(review.posts());
        differingList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ImportRequest.Differing item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ConversionReview.titleOf(item));
            }
        });
        differingList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                review.selectedProperty().set(now);
            }
        });
        review.selectedProperty().addListener((o, old, now) -> differingList.getSelectionModel().select(now));
        differingTab.textProperty().bind(Bindings.size(review.posts()).asString("Reads differently (%d)"));
        differingTab.disableProperty().bind(Bindings.isEmpty(review.posts()));
        differenceLabel.textProperty().bind(review.differenceProperty());
        PreviewPane.bind(originalPreview, review.originalHtmlProperty(), openLink);
        PreviewPane.bind(convertedPreview, review.convertedHtmlProperty(), openLink);
    }

    @FXML
    private void onBrowseSiteFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("The old site's folder");
        java.io.File folder = chooser.showDialog(siteFolderField.getScene().getWindow());
        if (folder != null) {
            vm.siteFolderProperty().set(folder.getAbsolutePath());
        }
    }

    @FXML
    private void onBrowse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a SQLite blog database");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite", "*.sqlite3", "*.db3"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            vm.choose(chosen.toPath());
        }
    }

    @FXML
    private void onNext() {
        vm.next();
    }

    @FXML
    private void onBack() {
        vm.back();
    }

    @FXML
    private void onCancel() {
        if (vm.busyProperty().get()) {
            vm.cancel();
        } else {
            stage.close();
        }
    }

    @FXML
    private void onSaveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the import report");
        chooser.setInitialFileName("import-report.json");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("Text", "*.txt"));
        File target = chooser.showSaveDialog(stage);
        if (target != null) {
            try {
                vm.saveReport(target.toPath());
            } catch (IOException e) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        "The report could not be saved: " + e.getMessage()).showAndWait();
            }
        }
    }

    @FXML
    private void onShowPosts() {
        vm.showImportedPosts();
        stage.close();
    }
}
