package dev.blogdesk.ui.main;

import java.nio.file.Path;
import java.util.Optional;

/** What the main window does that is not a view model's business: other windows, dialogs, quitting. */
interface WindowActions {

    /** Opens the import wizard, checking {@code file} at once when it is not null. */
    void openImport(Path file);

    void openSettings();

    /** Asks where to export the open post; empty when cancelled. */
    Optional<Path> chooseExportFile(String kind, String pattern);

    /** Asks for an image file to insert; empty when cancelled. */
    Optional<Path> chooseImageFile();

    void showAbout();

    /** Asks about unsaved work, then closes the window. */
    void quit();
}
