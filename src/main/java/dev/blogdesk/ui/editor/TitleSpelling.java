package dev.blogdesk.ui.editor;

import dev.blogdesk.spelling.Misspelling;
import javafx.scene.control.ContextMenu;
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
        SpellingMenuItems.openOn(field, () -> shown != null && shown.isShowing(),
                e -> open(e.getScreenX(), e.getScreenY()), e -> open(e.getScreenX(), e.getScreenY()));
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
            SpellingMenuItems.addWord(menu, m.word(), spelling, "“" + m.word() + "”: ", s -> m.word() + " → " + s, s -> {
                String text = field.getText();
                if (m.end() <= text.length() && text.substring(m.start(), m.end()).equals(m.word())) {
                    field.replaceText(m.start(), m.end(), s);
                }
            });
        }
        menu.getItems().addAll(SpellingMenuItems.editing(field::cut, field::copy, field::paste, field::selectAll));
        return menu;
    }
}
