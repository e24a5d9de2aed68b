package dev.blogdesk.ui.main;

import dev.blogdesk.ui.editor.EditorKeys;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Help → Keyboard Shortcuts: every accelerator read from the menu bar itself (so the list and the
 * menus cannot disagree), then the keys the editor handles ({@link EditorKeys}).
 */
final class ShortcutsDialog {

    /** One row: the keys, the command, and where it lives. */
    record Row(String keys, String command, String where) {
    }

    private ShortcutsDialog() {
    }

    static ObservableList<Row> rows(MenuBar menus) {
        ObservableList<Row> rows = FXCollections.observableArrayList();
        for (Menu menu : menus.getMenus()) {
            collect(menu, plain(menu.getText()), rows);
        }
        for (EditorKeys.Key key : EditorKeys.TABLE) {
            rows.add(new Row(key.keys(), key.action(), "Editor"));
        }
        return rows;
    }

    private static void collect(Menu menu, String path, ObservableList<Row> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " → " + plain(sub.getText()), rows);
            } else if (item.getAccelerator() != null && !(item instanceof CustomMenuItem)) {
                rows.add(new Row(item.getAccelerator().getDisplayText(), plain(item.getText()), path));
            }
        }
    }

    /** Menu text without its mnemonic underscore and trailing ellipsis. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "").replace("…", "");
    }

    static void show(Window owner, MenuBar menus) {
        TableView<Row> table = new TableView<>(rows(menus));
        table.setId("shortcutsTable");
        table.getColumns().add(column("Keys", Row::keys, 170));
        table.getColumns().add(column("Command", Row::command, 400));
        table.getColumns().add(column("Menu", Row::where, 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(720, 520);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard Shortcuts");
        dialog.setHeaderText("Every shortcut, as the menus have them (on macOS, Ctrl is ⌘)");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.getDialogPane().setPrefWidth(760);
        dialog.show();
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
