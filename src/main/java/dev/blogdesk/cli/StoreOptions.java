package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.DataDirs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code [--data-dir DIR | --mongo-uri URI]}, shared by the commands that read or write posts. */
public final class StoreOptions {

    static final class Choice {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Folder of the embedded store (default: $BLOGDESK_HOME or the XDG data folder).")
        Path dataDir;

        @Option(names = "--mongo-uri", paramLabel = "URI",
                description = "Use this MongoDB server instead of the embedded store (database defaults to blogdb).")
        String mongoUri;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    public Path dataDir() {
        return DataDirs.resolve(choice == null ? null : choice.dataDir);
    }

    public String mongoUri() {
        return choice == null ? null : choice.mongoUri;
    }

    /** Opens the chosen store; from the command line, a store held by the running app is shared. */
    AppContext open() {
        Logging.init(dataDir());
        return AppContext.open(dataDir(), mongoUri(), true);
    }
}
