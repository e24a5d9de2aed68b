package dev.blogdesk.ui.search;

import javafx.fxml.FXML;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/** The search box (SearchBox.fxml), bound to a {@link SearchViewModel}. */
public final class SearchBoxView {

    @FXML private TextField searchField;

    private final SearchViewModel vm;

    public SearchBoxView(SearchViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.textProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.escape();
            }
        });
    }

    /** Ctrl+Shift+F: into the box, with what it holds selected. */
    public void focus() {
        searchField.requestFocus();
        searchField.selectAll();
    }
}
