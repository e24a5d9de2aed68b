package dev.blogdesk.ui.settings;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Settings → Storage: a MongoDB URI field bound to {@link SettingsViewModel}. */
public final class SettingsDialog {

    private SettingsDialog() {
    }

    private static javafx.scene.control.ComboBox<dev.blogdesk.spelling.SpellLanguage> spellingChoice(SettingsViewModel vm) {
        var choice = new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                dev.blogdesk.spelling.SpellLanguage.values()));
        choice.setId("spellingLanguageChoice");
        choice.valueProperty().bindBidirectional(vm.spellingLanguageProperty());
        return choice;
    }

    /** @return true when the user saved a change */
    public static boolean show(Window owner, SettingsViewModel vm, dev.blogdesk.app.TaskExecutor executor) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Where BlogDesk keeps your posts, and the server it syncs them with");
        TextField uri = new TextField();
        uri.setId("mongoUriField");
        uri.setPromptText("mongodb://host:27017/blogdb  (leave empty: posts stay on this computer only)");
        uri.setPrefColumnCount(48);
        uri.textProperty().bindBidirectional(vm.mongoUriProperty());
        Label help = new Label();
        help.setWrapText(true);
        help.textProperty().bind(vm.validationProperty());
        Label current = new Label(vm.currentStore());
        current.setWrapText(true);
        TextField db = new TextField();
        db.setId("syncDatabaseField");
        db.setPromptText("blogdb");
        db.textProperty().bindBidirectional(vm.databaseProperty());
        TextField coll = new TextField();
        coll.setId("syncCollectionField");
        coll.setPromptText("posts");
        coll.textProperty().bindBidirectional(vm.collectionProperty());
        javafx.scene.control.Button test = new javafx.scene.control.Button("Test Connection");
        test.setId("testConnectionButton");
        test.setOnAction(e -> vm.testConnection(executor));
        Label testResult = new Label();
        testResult.setId("testConnectionResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(vm.testResultProperty());
        Label dbLabel = new Label("Database");
        Label collLabel = new Label("Collection");
        // Labels and the button keep their whole text; the fields take what is left (they were cut to "Da…", "Test Con…").
        for (javafx.scene.layout.Region whole : new javafx.scene.layout.Region[] {dbLabel, collLabel, test}) {
            whole.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        db.setPrefColumnCount(10);
        coll.setPrefColumnCount(10);
        javafx.scene.layout.HBox.setHgrow(db, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(coll, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox names = new javafx.scene.layout.HBox(8, dbLabel, db, collLabel, coll, test);
        names.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label restart = new Label("A change takes effect the next time BlogDesk starts. "
                + "A --mongo-uri given on the command line overrides this setting. The URI (and any password "
                + "in it) is kept in settings.properties in the data folder, readable only by you.");
        restart.setWrapText(true);
        restart.getStyleClass().add("text-muted");
        TextField site = new TextField();
        site.setId("siteUrlField");
        site.setPromptText("https://myblog.example/  (for relative images in posts)");
        site.textProperty().bindBidirectional(vm.siteUrlProperty());
        TextField author = new TextField();
        author.setId("defaultAuthorField");
        author.setPromptText("Your name, for new posts");
        author.textProperty().bindBidirectional(vm.defaultAuthorProperty());
        TextField prefix = new TextField();
        prefix.setId("imagePrefixField");
        prefix.setPromptText(SettingsViewModel.DEFAULT_IMAGE_PREFIX + "  (where the blog serves images from GridFS)");
        prefix.textProperty().bindBidirectional(vm.imagePrefixProperty());
        VBox box = new VBox(8, current, new Label("Sync with a MongoDB server (URI)"), uri, names, testResult, help, restart,
                new javafx.scene.control.Separator(), new Label("Blog address (relative images and links in the preview)"), site,
                new Label("Default author of new posts"), author, new Label("Image URL prefix (inserted images link to it)"), prefix,
                new Label("Spelling (checked as you type; Off turns it off)"), spellingChoice(vm));
        box.setPrefWidth(560);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            String problem = vm.problem();
            if (problem != null) {
                help.textProperty().unbind();
                help.setText(problem);
                e.consume();
            }
        });
        boolean ok = dialog.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
        if (ok) {
            // Writing the file and the keyring (a process) is not for the UI thread.
            executor.execute(() -> {
                vm.apply();
                return null;
            }, done -> { }, failure -> {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        "Could not save the settings: " + failure.getMessage(), ButtonType.OK);
                alert.initOwner(owner);
                alert.show();
            });
        }
        return ok;
    }
}
