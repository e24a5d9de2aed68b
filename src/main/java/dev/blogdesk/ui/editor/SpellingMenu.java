package dev.blogdesk.ui.editor;

import dev.blogdesk.spelling.Misspelling;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import org.fxmisc.richtext.CodeArea;

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
        SpellingMenuItems.openOn(area, menu::isShowing, e -> {
            if (e.isKeyboardTrigger()) {
                Optional<Bounds> caret = area.getCaretBounds();
                open(area, area.getCaretPosition(), caret.map(Bounds::getMinX).orElse(e.getScreenX()),
                        caret.map(Bounds::getMaxY).orElse(e.getScreenY()));
            } else {
                open(area, indexAt(area, e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
            }
        }, e -> open(area, indexAt(area, e.getX(), e.getY()), e.getScreenX(), e.getScreenY()));
    }

    private static int indexAt(CodeArea area, double x, double y) {
        return area.hit(x, y).getCharacterIndex().orElse(area.getCaretPosition());
    }

    private void open(CodeArea area, int index, double screenX, double screenY) {
        menu.getItems().clear();
        editor.misspellingAt(index).ifPresent(m ->
                SpellingMenuItems.addWord(menu, m.word(), spelling, "", s -> s, s -> replace(area, m, s)));
        menu.getItems().addAll(SpellingMenuItems.editing(area::cut, area::copy, area::paste, area::selectAll));
        menu.show(area, screenX, screenY);
    }

    /** The word, if it is still there, becomes {@code replacement}: one undoable edit. */
    private void replace(CodeArea area, Misspelling m, String replacement) {
        if (m.end() <= area.getLength() && area.getText(m.start(), m.end()).equals(m.word())) {
            editor.apply(new MarkdownFormatting.Edit(m.start(), m.end(), replacement, m.start() + replacement.length(),
                    m.start() + replacement.length()));
        }
    }
}
