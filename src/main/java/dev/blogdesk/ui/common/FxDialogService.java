package dev.blogdesk.ui.common;

import dev.blogdesk.app.DialogService;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Modal JavaFX dialogs for the questions the view models ask. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String postTitle) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Save the changes to “" + postTitle + "”?", "If you don't save, your changes will be lost.",
                save, discard, ButtonType.CANCEL);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return UnsavedChoice.SAVE;
        }
        return answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean confirmDelete(String postTitle) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Delete post",
                "Delete “" + postTitle + "”?", "The post is removed from the store.", delete, ButtonType.CANCEL);
        // Enter must not delete by accident: Cancel is the default button.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<Choice<T>> choices) {
        java.util.Map<ButtonType, T> values = new java.util.LinkedHashMap<>();
        for (Choice<T> choice : choices) {
            values.put(new ButtonType(choice.label(), ButtonBar.ButtonData.OTHER), choice.value());
        }
        List<ButtonType> buttons = new ArrayList<>(values.keySet());
        buttons.add(ButtonType.CANCEL);
        Alert alert = alert(Alert.AlertType.WARNING, title, title, message, buttons.toArray(ButtonType[]::new));
        return alert.showAndWait().map(values::get);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public RestoreChoice askRestoreDraft(String postTitle, String savedAt, String differences) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard Draft", ButtonBar.ButtonData.NO);
        ButtonType later = new ButtonType("Decide Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved draft found",
                "BlogDesk closed before “" + postTitle + "” was saved.",
                "The draft was written at " + savedAt + ". Restore it into the editor (nothing is saved until you save), "
                        + "or discard it. What it changes:", restore, discard, later);
        TextArea diff = new TextArea(differences);
        diff.setEditable(false);
        diff.setPrefRowCount(14);
        diff.setPrefColumnCount(80);
        diff.getStyleClass().add("markdown-area");
        alert.getDialogPane().setExpandableContent(diff);
        alert.getDialogPane().setExpanded(true);
        ButtonType answer = alert.showAndWait().orElse(later);
        return answer == restore ? RestoreChoice.RESTORE : answer == discard ? RestoreChoice.DISCARD : RestoreChoice.LATER;
    }

    @Override
    public void showComparison(String title, String mine, String theirs) {
        TextArea left = new TextArea(mine);
        TextArea right = new TextArea(theirs);
        for (TextArea area : new TextArea[] {left, right}) {
            area.setEditable(false);
            area.setWrapText(true);
            area.getStyleClass().add("markdown-area");
        }
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.add(new Label("Your version (in the editor)"), 0, 0);
        grid.add(new Label("The stored version"), 1, 0);
        grid.add(left, 0, 1);
        grid.add(right, 1, 1);
        grid.setPrefSize(900, 460);
        Alert alert = alert(Alert.AlertType.INFORMATION, title, title, "", ButtonType.CLOSE);
        alert.getDialogPane().setContent(grid);
        alert.setResizable(true);
        alert.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        return alert;
    }
}
