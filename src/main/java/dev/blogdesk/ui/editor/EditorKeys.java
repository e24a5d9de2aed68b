package dev.blogdesk.ui.editor;

import java.util.List;

/** The keys the editor itself handles (the rest are the menus' accelerators), for Help → Keyboard Shortcuts. */
public final class EditorKeys {

    /** One key and what it does. */
    public record Key(String keys, String action) {
    }

    public static final List<Key> TABLE = List.of(
            new Key("Enter", "In a list item: start the next item (on an empty one: end the list)"),
            new Key("Tab / Shift+Tab", "In a list item: indent / outdent it (and the other selected items)"),
            new Key("Ctrl+V", "Paste; an image on the clipboard is stored with the post and linked"),
            new Key("Shift+F10 or right-click", "On an underlined word: spelling suggestions, Add to Dictionary, Ignore"),
            new Key("Enter in the title", "Go to the text"),
            new Key("Esc in Find", "Close Find and Replace"));

    private EditorKeys() {
    }
}
