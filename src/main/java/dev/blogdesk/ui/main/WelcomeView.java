package dev.blogdesk.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the editor's place shows with no post open (Welcome.fxml): a welcome on the first run. */
public final class WelcomeView {

    @FXML private VBox emptyEditorPane;
    @FXML private Label welcomeTitle;
    @FXML private Label welcomeText;

    private final MainViewModel vm;
    private final MainCommands commands;

    WelcomeView(MainViewModel vm, MainCommands commands) {
        this.vm = vm;
        this.commands = commands;
    }

    @FXML
    private void initialize() {
        emptyEditorPane.visibleProperty().bind(vm.editor().openProperty().not());
        welcomeTitle.textProperty().bind(vm.welcomeTitleProperty());
        welcomeText.textProperty().bind(vm.welcomeTextProperty());
    }

    @FXML
    private void onNewPost() {
        commands.run(MainCommands.Command.NEW_POST);
    }

    @FXML
    private void onImport() {
        commands.run(MainCommands.Command.IMPORT);
    }
}
