package dev.blogdesk.ui.sync;

import dev.blogdesk.app.TextDiff;
import dev.blogdesk.sync.SyncEngine.Conflict;
import dev.blogdesk.sync.SyncService.Resolution;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.bson.Document;

import java.util.Optional;

/**
 * A post changed here and on the server: both versions side by side, the differences below, and the
 * choice: keep mine, keep theirs, keep both (mine becomes a new post), or decide later.
 */
public final class ConflictDialog {

    static final ButtonType KEEP_MINE = new ButtonType("Keep Mine", ButtonBar.ButtonData.LEFT);
    static final ButtonType KEEP_THEIRS = new ButtonType("Keep Theirs", ButtonBar.ButtonData.LEFT);
    static final ButtonType KEEP_BOTH = new ButtonType("Keep Both", ButtonBar.ButtonData.LEFT);
    static final ButtonType LATER = new ButtonType("Decide Later", ButtonBar.ButtonData.CANCEL_CLOSE);

    private ConflictDialog() {
    }

    /** @return the user's choice, empty for "later" */
    public static Optional<Resolution> ask(Window owner, Conflict conflict, int index, int total) {
        String mine = text(conflict.mine(), "(deleted here)");
        String theirs = text(conflict.theirs(), "(deleted on the server)");
        TextArea left = area(mine, "conflictMine");
        TextArea right = area(theirs, "conflictTheirs");
        TextArea diff = area(TextDiff.describe("on the server", theirs, "here", mine), "conflictDiff");
        diff.setPrefRowCount(8);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        grid.add(new Label("Mine (this computer)"), 0, 0);
        grid.add(new Label("Theirs (the server)"), 1, 0);
        grid.add(left, 0, 1);
        grid.add(right, 1, 1);
        grid.add(new Label("Differences"), 0, 2, 2, 1);
        grid.add(diff, 0, 3, 2, 1);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(half, half);
        javafx.scene.layout.RowConstraints label = new javafx.scene.layout.RowConstraints();
        javafx.scene.layout.RowConstraints grows = new javafx.scene.layout.RowConstraints();
        grows.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().setAll(label, grows, label, grows);

        Alert alert = new Alert(Alert.AlertType.WARNING, "", KEEP_MINE, KEEP_THEIRS, KEEP_BOTH, LATER);
        alert.initOwner(owner);
        alert.setTitle("Sync conflict " + index + " of " + total);
        alert.setHeaderText("“" + title(conflict) + "” was changed here and on the server since the last sync."
                + "\nNothing is overwritten until you choose.");
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("conflictDialog");
        alert.getDialogPane().setPrefSize(980, 700);
        alert.setResizable(true);
        ButtonType answer = alert.showAndWait().orElse(LATER);
        if (answer == KEEP_MINE) {
            return Optional.of(Resolution.KEEP_MINE);
        }
        if (answer == KEEP_THEIRS) {
            return Optional.of(Resolution.KEEP_THEIRS);
        }
        return answer == KEEP_BOTH ? Optional.of(Resolution.KEEP_BOTH) : Optional.empty();
    }

    private static TextArea area(String text, String id) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("markdown-area");
        return area;
    }

    private static String title(Conflict c) {
        Document d = c.mine() != null ? c.mine() : c.theirs();
        return d == null ? c.id() : String.valueOf(d.get("title"));
    }

    private static String text(Document d, String absent) {
        return d == null ? absent : "# " + d.get("title") + "\n\n" + (d.get("content") == null ? "" : d.get("content"));
    }
}
