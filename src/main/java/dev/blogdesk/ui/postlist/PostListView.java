package dev.blogdesk.ui.postlist;

import dev.blogdesk.store.PostSummary;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import java.util.function.Predicate;

/**
 * The post list (PostList.fxml): binds the list, its placeholder and its count to a
 * {@link PostListViewModel}, and keeps the selection on the open post.
 */
public final class PostListView {

    @FXML private ListView<PostSummary> postListView;
    @FXML private Label listCountLabel;
    @FXML private javafx.scene.layout.HBox filterBar;

    private final PostListViewModel vm;
    private final ObservableStringValue openPostId;
    private final Predicate<String> requestOpen;
    private final Runnable requestDelete;
    private final Thumbnails thumbnails;
    private boolean syncingSelection;

    /**
     * @param openPostId  the post the editor holds; the selection follows it
     * @param requestOpen asked when the user picks a post; false means "stay", and the selection goes back
     * @param requestDelete the Delete key in the list
     */
    public PostListView(PostListViewModel vm, ObservableStringValue openPostId, Predicate<String> requestOpen,
                        Runnable requestDelete, Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.vm = vm;
        this.openPostId = openPostId;
        this.requestOpen = requestOpen;
        this.requestDelete = requestDelete;
    }

    @FXML
    private void initialize() {
        postListView.setItems(vm.posts());
        postListView.setCellFactory(lv -> new PostListCell(vm, thumbnails));
        Label placeholder = new Label();
        placeholder.setId("listPlaceholder");
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.setWrapText(true);
        postListView.setPlaceholder(placeholder);
        listCountLabel.textProperty().bind(vm.countTextProperty());
        javafx.scene.control.ToggleGroup filters = new javafx.scene.control.ToggleGroup();
        for (ListFilter f : ListFilter.values()) {
            javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton(f.label());
            button.setId("filter" + f.label());
            button.setUserData(f);
            button.setToggleGroup(filters);
            button.setSelected(vm.filterProperty().get() == f);
            filterBar.getChildren().add(button);
        }
        // A click on the selected filter keeps it selected: one of the three is always chosen.
        filters.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                filters.selectToggle(was);
            } else {
                vm.filterProperty().set((ListFilter) now.getUserData());
            }
        });
        postListView.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (!syncingSelection && selected != null && !requestOpen.test(selected.id())) {
                selectCurrent();
            }
        });
        openPostId.addListener((obs, old, id) -> selectCurrent());
        vm.posts().addListener((ListChangeListener<PostSummary>) c -> selectCurrent());
        vm.unsyncedProperty().addListener((o, was, now) -> postListView.refresh());
        postListView.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                requestDelete.run();
            }
        });
    }

    private void selectCurrent() {
        String id = openPostId.get();
        syncingSelection = true;
        try {
            int index = id == null ? -1 : vm.indexOf(id);
            if (index < 0) {
                postListView.getSelectionModel().clearSelection();
            } else {
                postListView.getSelectionModel().select(index);
            }
        } finally {
            syncingSelection = false;
        }
    }
}
