package dev.blogdesk.ui.postlist;

import dev.blogdesk.store.PostSummary;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** One post in the list: title, date and a one-line excerpt. Asks for the next page when the last row shows. */
public final class PostListCell extends ListCell<PostSummary> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final PostListViewModel viewModel;
    private final Thumbnails thumbnails;
    private final javafx.scene.image.ImageView thumbnail = new javafx.scene.image.ImageView();
    private final Label title = new Label();
    private final Label date = new Label();
    private final Label excerpt = new Label();
    private final Label badge = new Label();
    private final javafx.scene.layout.HBox dateLine = new javafx.scene.layout.HBox(6, badge, date);
    private final VBox text = new VBox(2, title, dateLine, excerpt);
    private final javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(8, text, thumbnail);

    public PostListCell(PostListViewModel viewModel, Thumbnails thumbnails) {
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
        thumbnail.setFitWidth(Thumbnails.SIZE);
        thumbnail.setFitHeight(Thumbnails.SIZE);
        thumbnail.setPreserveRatio(true);
        thumbnail.getStyleClass().add("post-cell-thumbnail");
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMinWidth(0);
        title.getStyleClass().add("post-cell-title");
        date.getStyleClass().add("post-cell-date");
        excerpt.getStyleClass().add("post-cell-excerpt");
        badge.getStyleClass().add("post-cell-badge");
        dateLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setMinWidth(0);
        box.setPrefWidth(1);
    }

    private void showThumbnail(PostSummary item) {
        thumbnail.setImage(null);
        thumbnail.setManaged(item.thumbnail() != null);
        if (item.thumbnail() != null) {
            String id = item.id();
            // The cell may show another post by the time the image is read: only its own image goes in.
            thumbnails.load(item.thumbnail(), image -> {
                if (getItem() != null && getItem().id().equals(id)) {
                    thumbnail.setImage(image);
                }
            });
        }
    }

    @Override
    protected void updateItem(PostSummary item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        title.setText(item.title().isBlank() ? "(untitled)" : item.title());
        String when = item.datePosted() == null ? "no date" : DATE.format(item.datePosted());
        boolean unsynced = viewModel.isUnsynced(item.id());
        // Not on the server yet: said in words, not only by colour.
        date.setText(unsynced ? when + "  ·  ↑ not on the server yet" : when);
        date.getStyleClass().remove("post-cell-unsynced");
        if (unsynced) {
            date.getStyleClass().add("post-cell-unsynced");
        }
        excerpt.setText(item.excerpt());
        showThumbnail(item);
        badge.setText(item.isDraft() ? "Draft" : "Published");
        badge.getStyleClass().removeAll("badge-draft", "badge-published");
        badge.getStyleClass().add(item.isDraft() ? "badge-draft" : "badge-published");
        setGraphic(box);
        if (getIndex() == getListView().getItems().size() - 1) {
            viewModel.loadMore();
        }
    }
}
