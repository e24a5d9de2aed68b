package dev.blogdesk.ui.editor;

import dev.blogdesk.spelling.Misspelling;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * Spelling of the title: a text field cannot draw squiggles, so a title with an unknown word gets a
 * dotted red line under the field, a tooltip naming the words, and their suggestions in its context
 * menu (with Add to Dictionary and Ignore), like the editor's.
 */
final class TitleSpelling {

    private final TextField field;
    private final SpellingViewModel spelling;
    private final Tooltip tooltip = new Tooltip();

    TitleSpelling(TextField field, SpellingViewModel spelling) {
        this.field = field;
        this.spelling = spelling;
    }

    void install() {
        field.textProperty().addListener((o, was, now) -> spelling.checkTitle(now));
        spelling.changesProperty().addListener((o, was, now) -> spelling.checkTitle(field.getText()));
        spelling.titleMisspellingsProperty().addListener((o, was, now) -> show(now));
        field.setOnContextMenuRequested(e -> {
            e.consume();
            if (shown == null || !shown.isShowing()) {
                open(e.getScreenX(), e.getScreenY());
            }
        });
        // As in the editor: the right button opens it where the platform sends no menu event.
        field.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && (shown == null || !shown.isShowing())) {
                open(e.getScreenX(), e.getScreenY());
            }
        });
    }

    private ContextMenu shown;

    private void open(double x, double y) {
        shown = menu(spelling.titleMisspellingsProperty().get());
        shown.show(field, x, y);
    }

    private void show(List<Misspelling> found) {
        field.getStyleClass().remove("title-misspelt");
        if (found.isEmpty()) {
            field.setTooltip(null);
            return;
        }
        field.getStyleClass().add("title-misspelt");
        tooltip.setText("Not in the dictionary: " + String.join(", ", found.stream().map(Misspelling::word).toList())
                + " (right-click for suggestions)");
        field.setTooltip(tooltip);
    }

    private ContextMenu menu(List<Misspelling> found) {
        ContextMenu menu = new ContextMenu();
        for (Misspelling m : found) {
            MenuItem looking = new MenuItem("“" + m.word() + "”: looking for suggestions…");
            looking.setDisable(true);
            menu.getItems().add(looking);
            spelling.suggestions(m.word(), suggestions -> {
                int at = menu.getItems().indexOf(looking);
                if (at < 0) {
                    return;
                }
                menu.getItems().remove(at);
                if (suggestions.isEmpty()) {
                    MenuItem none = new MenuItem("“" + m.word() + "”: no suggestions");
                    none.setDisable(true);
                    menu.getItems().add(at, none);
                }
                for (String s : suggestions) {
                    MenuItem replace = new MenuItem(m.word() + " → " + s);
                    replace.setOnAction(a -> {
                        String text = field.getText();
                        if (m.end() <= text.length() && text.substring(m.start(), m.end()).equals(m.word())) {
                            field.replaceText(m.start(), m.end(), s);
                        }
                    });
                    menu.getItems().add(at++, replace);
                }
            });
            MenuItem add = new MenuItem("Add “" + m.word() + "” to Dictionary");
            add.setOnAction(a -> spelling.addToDictionary(m.word()));
            MenuItem ignore = new MenuItem("Ignore “" + m.word() + "”");
            ignore.setOnAction(a -> spelling.ignore(m.word()));
            menu.getItems().addAll(add, ignore, new SeparatorMenuItem());
        }
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(a -> field.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(a -> field.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(a -> field.paste());
        MenuItem all = new MenuItem("Select All");
        all.setOnAction(a -> field.selectAll());
        menu.getItems().addAll(cut, copy, paste, all);
        return menu;
    }
}
