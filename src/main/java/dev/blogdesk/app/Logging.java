package dev.blogdesk.app;

import java.nio.file.Path;

/** Logs go to {@code logs/} in the data dir. Must run before the first logger is created. */
public final class Logging {

    static final String LOG_DIR_PROPERTY = "blogdesk.logDir";

    private Logging() {
    }

    public static void init(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        }
    }
}
