package dev.blogdesk.store;

import java.nio.file.Path;

/** The embedded store file cannot be read. It is left untouched; the user chooses what happens. */
public class StoreDamagedException extends StoreException {
    private final Path dataDir;

    public StoreDamagedException(Path dataDir, Path file, Throwable cause) {
        super("The BlogDesk store " + file + " cannot be read (damaged file?). It was left untouched.", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
