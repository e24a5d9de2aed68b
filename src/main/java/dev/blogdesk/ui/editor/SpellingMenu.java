package dev.blogdesk.ui.editor;

import dev.blogdesk.spelling.Misspelling;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.fxmisc.richtext.CodeArea;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The editor's context menu (right-click, Shift+F10 or the Menu key): on an underlined word, its
 * suggestions (looked up off the FX thread), Add to Dictionary and Ignore; then Cut, Copy, Paste and
 * Select All everywhere.
 */
final class SpellingMenu {

    private final MarkdownEditor editor;
    private final SpellingViewModel spelling;
    private final ContextMenu menu = new ContextMenu();

    SpellingMenu(MarkdownEditor editor, SpellingViewModel spelling) {
        this.editor = editor;
        this.spelling = spelling;
    }

    void install() {
        CodeArea area = editor.area();
        area.setContextMenu(null);
        // The right button opens it where the platform sends no menu event after it (Monocle, some Linux
        // setups); where it does send one, the menu is already showing and that event only repositions nothing.
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                open(area, area.hit(e.getX(), e.getY()).getCharacterIndex().orElse(area.getCaretPosition()),
                        e.getScreenX(), e.getScreenY());
            }
        });
        area.setOnContextMenuRequested(e -> {
            e.consume();
            if (menu.isShowing()) {
                return;
            }
            if (e.isKeyboardTrigger()) {
                Optional<Bounds> caret = area.getCaretBounds();
                open(area, area.getCaretPosition(), caret.map(Bounds::getMinX).orElse(e.getScreenX()),
                        caret.map(Bounds::getMaxY).orElse(e.getScreenY()));
            } else {
                open(area, area.hit(e.getX(), e.getY()).getCharacterIndex().orElse(area.getCaretPosition()),
                        e.getScreenX(), e.getScreenY());
            }
        });
    }

    private void open(CodeArea area, int index, double screenX, double screenY) {
        menu.getItems().setAll(items(area, editor.misspellingAt(index)));
        menu.show(area, screenX, screenY);
    }

    private List<MenuItem> items(CodeArea area, Optional<Misspelling> found) {
        List<MenuItem> items = new ArrayList<>();
        if (found.isPresent()) {
            Misspelling m = found.get();
            MenuItem looking = new MenuItem("Looking for suggestions…");
            looking.setDisable(true);
            items.add(looking);
            spelling.suggestions(m.word(), suggestions -> {
                int at = menu.getItems().indexOf(looking);
                if (at < 0) {
                    return; // the menu was closed and opened elsewhere meanwhile
                }
                List<MenuItem> replacements = new ArrayList<>();
                for (String s : suggestions) {
                    MenuItem replace = new MenuItem(s);
                    replace.setId("suggestion-" + s);
                    replace.setOnAction(a -> replace(area, m, s));
                    replacements.add(replace);
                }
                if (replacements.isEmpty()) {
                    MenuItem none = new MenuItem("No suggestions");
                    none.setDisable(true);
                    replacements.add(none);
                }
                menu.getItems().remove(at);
                menu.getItems().addAll(at, replacements);
            });
            MenuItem add = new MenuItem("Add “" + m.word() + "” to Dictionary");
            add.setId("addToDictionary");
            add.setOnAction(a -> spelling.addToDictionary(m.word()));
            MenuItem ignore = new MenuItem("Ignore “" + m.word() + "”");
            ignore.setId("ignoreWord");
            ignore.setOnAction(a -> spelling.ignore(m.word()));
            items.addAll(List.of(new SeparatorMenuItem(), add, ignore, new SeparatorMenuItem()));
        }
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(a -> area.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(a -> area.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(a -> area.paste());
        MenuItem all = new MenuItem("Select All");
        all.setOnAction(a -> area.selectAll());
        items.addAll(List.of(cut, copy, paste, all));
        return items;
    }

    /** The word, if it is still there, becomes {@code replacement}: one undoable edit. */
    private void replace(CodeArea area, Misspelling m, String replacement) {
        if (m.end() <= area.getLength() && area.getText(m.start(), m.end()).equals(m.word())) {
            editor.apply(new MarkdownFormatting.Edit(m.start(), m.end(), replacement, m.start() + replacement.length(),
                    m.start() + replacement.length()));
        }
    }
}
