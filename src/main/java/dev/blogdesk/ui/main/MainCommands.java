package dev.blogdesk.ui.main;

import java.util.function.Consumer;

/** The main window's commands, named once: menus, toolbar and the welcome pane all run them by name. */
final class MainCommands {

    enum Command {
        NEW_POST, SAVE, PUBLISH, DELETE, IMPORT, EXPORT_MARKDOWN, EXPORT_HTML, SETTINGS, QUIT,
        UNDO, REDO, UNDO_DELETE, FIND, REPLACE, FOCUS_SEARCH,
        BOLD, ITALIC, CODE, LINK, HEADING_1, HEADING_2, HEADING_3, INSERT_IMAGE,
        HISTORY, OUTLINE, BIGGER, SMALLER, NORMAL_SIZE, SHORTCUTS, ABOUT
    }

    private Consumer<Command> handler = command -> { };

    void handleWith(Consumer<Command> handler) {
        this.handler = handler;
    }

    void run(Command command) {
        handler.accept(command);
    }
}
