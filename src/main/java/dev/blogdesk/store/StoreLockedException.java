package dev.blogdesk.store;

import java.nio.file.Path;

/** Another BlogDesk process holds the embedded store of this data dir. */
public class StoreLockedException extends StoreException {
    public StoreLockedException(Path dataDir, Throwable cause) {
        super("BlogDesk is already running with the data folder " + dataDir
                + ". Close the other BlogDesk window first, or start with --data-dir to use another folder.", cause);
    }
}
