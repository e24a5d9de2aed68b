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
        return AppContext.open(dir, mongoUri(options), true);
    }
}
