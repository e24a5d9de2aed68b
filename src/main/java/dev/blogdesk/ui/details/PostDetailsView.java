package dev.blogdesk.ui.details;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

import java.util.List;

/**
 * The post details panel (PostDetails.fxml): tag chips (click one to list its posts, × to remove) with
 * completion as you type, slug, author, date and excerpt, bound to a {@link PostDetailsViewModel}.
 */
public final class PostDetailsView {

    @FXML private FlowPane tagChips;
    @FXML private TextField tagField; // Enter adds what is typed, Tab the first suggestion
    @FXML private TextField slugField;
    @FXML private TextField authorField;
    @FXML private DatePicker datePicker;
    @FXML private TextField excerptField;
    @FXML private Label detailsNote;

    private final PostDetailsViewModel vm;
    private final ContextMenu suggestions = new ContextMenu();

    public PostDetailsView(PostDetailsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        slugField.textProperty().bindBidirectional(vm.slugProperty());
        authorField.textProperty().bindBidirectional(vm.authorProperty());
        excerptField.textProperty().bindBidirectional(vm.excerptProperty());
        datePicker.valueProperty().bindBidirectional(vm.dateProperty());
        detailsNote.textProperty().bind(vm.noteProperty());
        detailsNote.managedProperty().bind(vm.noteProperty().isNotEmpty());
        vm.tags().addListener((ListChangeListener<String>) c -> showChips());
        showChips();
        tagField.setOnAction(e -> {
            vm.addTag(tagField.getText());
            tagField.clear();
        });
        tagField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.BACK_SPACE && tagField.getText().isEmpty() && !vm.tags().isEmpty()) {
                vm.removeTag(vm.tags().get(vm.tags().size() - 1));
            } else {
                takeFirstSuggestionOnTab(e);
            }
        });
        tagField.textProperty().addListener((o, was, typed) -> suggest(vm.completions(typed)));
        // While the suggestions show, the keys go to their popup: Tab takes the first one there too.
        suggestions.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::takeFirstSuggestionOnTab);
        tagField.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                suggestions.hide();
            }
        });
    }

    /** Tab takes the first suggestion, as in a shell; without one it moves on as usual. */
    private void takeFirstSuggestionOnTab(javafx.scene.input.KeyEvent e) {
        List<String> offered = vm.completions(tagField.getText());
        if (e.getCode() == KeyCode.TAB && !offered.isEmpty()) {
            vm.addTag(offered.get(0));
            tagField.clear();
            e.consume();
        }
    }

    private void suggest(List<String> tags) {
        if (tags.isEmpty()) {
            suggestions.hide();
            return;
        }
        suggestions.getItems().setAll(tags.stream().map(tag -> {
            MenuItem item = new MenuItem(tag);
            item.setOnAction(e -> {
                vm.addTag(tag);
                tagField.clear();
            });
            return item;
        }).toList());
        if (!suggestions.isShowing() && tagField.getScene() != null) {
            suggestions.show(tagField, Side.BOTTOM, 0, 0);
        }
    }

    private void showChips() {
        tagChips.getChildren().retainAll(tagField);
        int at = 0;
        for (String tag : vm.tags()) {
            Button name = new Button(tag);
            name.getStyleClass().addAll("tag-chip", "flat");
            name.setTooltip(new Tooltip("Show the posts tagged “" + tag + "”"));
            name.setOnAction(e -> vm.tagClicked(tag));
            Button remove = new Button("×");
            remove.getStyleClass().addAll("tag-chip-remove", "flat");
            remove.setTooltip(new Tooltip("Remove the tag"));
            remove.setOnAction(e -> vm.removeTag(tag));
            HBox chip = new HBox(0, name, remove);
            chip.getStyleClass().add("tag-chip-box");
            chip.setId("tag-" + tag.replaceAll("[^\\p{Alnum}]", "_"));
            tagChips.getChildren().add(at++, chip);
        }
    }
}
