package dev.blogdesk.app;

import java.nio.file.Path;

/** Logs go to {@code logs/} in the data dir. Must run before the first logger is created. */
public final class Logging {

    static final String LOG_DIR_PROPERTY = "blogdesk.logDir";

    private Logging() {
    }

    public static void init(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) != null) {
            return;
        }
        Path logs = dataDir.resolve("logs");
        System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        try {
            java.nio.file.Files.createDirectories(logs);
        } catch (java.io.IOException | SecurityException e) {
            // No place for logs: the command reports the data folder's problem in one line itself,
            // and logback must not add its own dozens of lines about the missing file.
            System.setProperty("logback.configurationFile", "logback-off.xml");
        }
    }
}
