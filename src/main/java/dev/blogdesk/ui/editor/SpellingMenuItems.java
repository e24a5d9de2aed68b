package dev.blogdesk.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** What the editor's and the title's context menus share: a misspelt word's items, the editing items, how they open. */
final class SpellingMenuItems {

    private SpellingMenuItems() {
    }

    /**
     * Appends the items for {@code word}: its suggestions (a placeholder until they arrive from off the
     * FX thread; {@code label} says how one reads, a chosen one goes to {@code replace}), then Add to
     * Dictionary and Ignore, then a separator. {@code prefix} names the word in the placeholder ("" when
     * the menu is about one word only).
     */
    static void addWord(ContextMenu menu, String word, SpellingViewModel spelling, String prefix,
                        UnaryOperator<String> label, Consumer<String> replace) {
        MenuItem looking = new MenuItem(prefix.isEmpty() ? "Looking for suggestions…" : prefix + "looking for suggestions…");
        looking.setDisable(true);
        spelling.suggestions(word, suggestions -> {
            int at = menu.getItems().indexOf(looking);
            if (at < 0) {
                return; // the menu was closed and opened elsewhere meanwhile
            }
            menu.getItems().remove(at);
            if (suggestions.isEmpty()) {
                MenuItem none = new MenuItem(prefix.isEmpty() ? "No suggestions" : prefix + "no suggestions");
                none.setDisable(true);
                menu.getItems().add(at, none);
            }
            for (String s : suggestions) {
                MenuItem item = new MenuItem(label.apply(s));
                item.setId("suggestion-" + s);
                item.setOnAction(a -> replace.accept(s));
                menu.getItems().add(at++, item);
            }
        });
        MenuItem add = new MenuItem("Add “" + word + "” to Dictionary");
        add.setId("addToDictionary");
        add.setOnAction(a -> spelling.addToDictionary(word));
        MenuItem ignore = new MenuItem("Ignore “" + word + "”");
        ignore.setId("ignoreWord");
        ignore.setOnAction(a -> spelling.ignore(word));
        menu.getItems().addAll(List.of(looking, new SeparatorMenuItem(), add, ignore, new SeparatorMenuItem()));
    }

    /** Cut, Copy, Paste and Select All, as every text menu has them. */
    static List<MenuItem> editing(Runnable cut, Runnable copy, Runnable paste, Runnable selectAll) {
        return List.of(item("Cut", cut), item("Copy", copy), item("Paste", paste), item("Select All", selectAll));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(a -> action.run());
        return item;
    }

    /**
     * Opens a menu on {@code node} with {@code open}: on the platform's menu request (right click,
     * Shift+F10, the Menu key), and on the right button's release too, for a platform that sends no
     * menu request for a click (Monocle, which the UI tests run on). Where both come, the second finds
     * the menu {@code showing} and does nothing.
     */
    static void openOn(Node node, BooleanSupplier showing, Consumer<ContextMenuEvent> open, Consumer<MouseEvent> openByMouse) {
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !showing.getAsBoolean()) {
                openByMouse.accept(e);
            }
        });
        node.setOnContextMenuRequested(e -> {
            e.consume();
            if (!showing.getAsBoolean()) {
                open.accept(e);
            }
        });
    }
}
