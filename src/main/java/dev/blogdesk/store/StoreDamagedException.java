package dev.blogdesk.store;

import java.nio.file.Path;

/** The embedded store file is damaged. It is left untouched; the user chooses what happens. */
public class StoreDamagedException extends StoreException {
    private final Path dataDir;
    private final String reason;

    public StoreDamagedException(Path dataDir, Path file, String reason, Throwable cause) {
        super("The BlogDesk store " + file + " is damaged: " + reason + ". It was left untouched; start the BlogDesk "
                + "app to restore the newest backup (if there is one, in " + file.resolveSibling("backups") + ") or start a fresh store.", cause);
        this.dataDir = dataDir;
        this.reason = reason;
    }

    /** What is wrong with the file, in words (without the way out). */
    public String reason() {
        return reason;
    }

    public Path dataDir() {
        return dataDir;
    }
}
