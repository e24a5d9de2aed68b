package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.DataDirs;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code [--data-dir DIR | --mongo-uri URI]}, shared by the commands that read or write posts. Used as
 * an exclusive {@code @ArgGroup}; a command without either option gets {@code null} and the defaults.
 */
public final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded store (default: $BLOGDESK_HOME or the XDG data folder).")
    Path dataDir;

    @Option(names = "--mongo-uri", paramLabel = "URI",
            description = "Use this MongoDB server instead of the embedded store (database defaults to blogdb).")
    String mongoUri;

    static Path dataDir(StoreOptions options) {
        return DataDirs.resolve(options == null ? null : options.dataDir);
    }

    static String mongoUri(StoreOptions options) {
        return options == null ? null : options.mongoUri;
    }

    /** Opens the chosen store; from the command line, a store held by the running app is shared. */
    static AppContext open(StoreOptions options) {
        Path dir = dataDir(options);
        dev.blogdesk.app.Logging.init(dir);
        String uri = mongoUri(options);
        if (uri == null) {
            return AppContext.open(dir, null, true);
        }
        long waitSeconds = serverSelectionSeconds(uri);
        if (waitSeconds < 3) {
            return AppContext.open(dir, uri, true); // gives up quickly enough to need no notice
        }
        // A remote server that does not answer at once: say what is being waited for, on stderr.
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "blogdesk-connect-notice");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(() -> System.err.println("blogdesk: waiting for the MongoDB server " + dev.blogdesk.store.MongoUris.redact(uri)
                        + " to answer (at most " + waitSeconds + " s; serverSelectionTimeoutMS in the URI changes that)…"),
                1, java.util.concurrent.TimeUnit.SECONDS);
        try {
            return AppContext.open(dir, uri, true);
        } finally {
            timer.shutdownNow();
        }
    }

    private static long serverSelectionSeconds(String uri) {
        try {
            Integer ms = new com.mongodb.ConnectionString(uri.trim()).getServerSelectionTimeout();
            return ms == null ? dev.blogdesk.store.StoreConnection.SERVER_SELECTION_SECONDS : Math.max(1, ms / 1000);
        } catch (IllegalArgumentException e) {
            return dev.blogdesk.store.StoreConnection.SERVER_SELECTION_SECONDS;
        }
    }
}
