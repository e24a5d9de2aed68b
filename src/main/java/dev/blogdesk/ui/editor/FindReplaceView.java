package dev.blogdesk.ui.editor;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;

/** The find and replace bar (FindReplace.fxml): binds the fields to a {@link FindReplaceViewModel}. */
public final class FindReplaceView {

    @FXML private HBox findBar;
    @FXML private TextField findField;
    @FXML private TextField replaceField;
    @FXML private CheckBox matchCaseCheck;
    @FXML private Label findCountLabel;
    @FXML private Button replaceButton;
    @FXML private Button replaceAllButton;

    private final FindReplaceViewModel vm;
    private final CodeArea area;

    public FindReplaceView(FindReplaceViewModel vm, CodeArea area) {
        this.vm = vm;
        this.area = area;
    }

    @FXML
    private void initialize() {
        findField.textProperty().bindBidirectional(vm.queryProperty());
        replaceField.textProperty().bindBidirectional(vm.replacementProperty());
        matchCaseCheck.selectedProperty().bindBidirectional(vm.matchCaseProperty());
        findCountLabel.textProperty().bind(vm.countProperty());
        findBar.visibleProperty().bind(vm.visibleProperty());
        findBar.managedProperty().bind(vm.visibleProperty());
        for (Node n : new Node[] {replaceField, replaceButton, replaceAllButton}) {
            n.visibleProperty().bind(vm.replacingProperty());
            n.managedProperty().bind(vm.replacingProperty());
        }
        vm.queryProperty().addListener((o, a, b) -> refreshAndJump());
        vm.matchCaseProperty().addListener((o, a, b) -> refreshAndJump());
        area.textProperty().addListener((o, a, b) -> {
            if (vm.visibleProperty().get()) {
                refresh();
            }
        });
        // A text field takes Ctrl+H as backspace; in the find field it means "and replace", as in the menu.
        findField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.H && e.isShortcutDown()) {
                show(true);
                e.consume();
            }
        });
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                findNext(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onClose();
            }
        });
        replaceField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onReplaceOne();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onClose();
            }
        });
    }

    /** Shows the bar (Ctrl+F, or Ctrl+H with Replace) and puts the caret where typing belongs. */
    public void show(boolean withReplace) {
        vm.open(withReplace, area.getSelectedText());
        refresh();
        (withReplace && !findField.getText().isEmpty() ? replaceField : findField).requestFocus();
        findField.selectAll();
    }

    private void refresh() {
        vm.refresh(area.getText(), area.getSelection().getStart(), area.getSelection().getLength());
    }

    private void refreshAndJump() {
        refresh();
        vm.firstFrom(area.getSelection().getStart()).ifPresent(this::select);
    }

    private void select(FindReplaceViewModel.Range range) {
        area.selectRange(range.start(), range.end());
        area.requestFollowCaret();
        vm.updateCount(area.getSelection().getStart(), area.getSelection().getLength());
    }

    private void findNext(boolean forward) {
        vm.next(area.getSelection().getStart(), area.getSelection().getEnd(), forward).ifPresent(this::select);
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
        if (vm.isOnHit(area.getSelection().getStart(), area.getSelection().getLength())) {
            area.replaceSelection(replaceField.getText());
            refresh();
        }
        findNext(true);
    }

    @FXML
    private void onReplaceAll() {
        vm.replaceAll(area.getText()).ifPresent(done -> {
            area.replaceText(0, area.getLength(), done.text());
            refresh();
            vm.replaced(done.count());
        });
    }

    @FXML
    private void onClose() {
        vm.close();
        area.requestFocus();
    }
}
