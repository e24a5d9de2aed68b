package dev.blogdesk.cli;

import dev.blogdesk.app.DataDirs;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.store.StoreException;
import dev.blogdesk.store.StoreLockedException;
import dev.blogdesk.sync.ConnectionProfile;
import dev.blogdesk.sync.SyncEngine;
import dev.blogdesk.sync.SyncRemote;
import dev.blogdesk.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Runs one sync round between the working copy in the data folder and a MongoDB server: "
                + "pushes the posts saved here, pulls the server's changes. Conflicts are reported, never resolved here.")
final class SyncCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the working copy (default: $BLOGDESK_HOME or the XDG data folder).")
    Path dataDir;

    @Option(names = "--mongo-uri", paramLabel = "URI", required = true, description = "The server to sync with.")
    String mongoUri;

    @Option(names = "--database", paramLabel = "NAME", description = "Database (default: the URI's, else blogdb).")
    String database;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "posts", description = "Collection (default ${DEFAULT-VALUE}).")
    String collection;

    @Option(names = "--json", description = "Print {pushed, pulled, conflicts, pending, conflicted} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Path dir = DataDirs.resolve(dataDir);
        dev.blogdesk.app.Logging.init(dir);
        PostStore store;
        try {
            // The search index follows what the pull writes, as in the app.
            store = PostStore.openEmbedded(dir, false);
        } catch (StoreLockedException locked) {
            throw new StoreException("Another BlogDesk (the app or 'blogdesk serve') is using " + dir
                    + "; close it, then run sync again (the app syncs this folder by itself).", locked);
        }
        try (store; SyncRemote remote = SyncRemote.open(new ConnectionProfile(mongoUri, database, collection))) {
            SyncReport report = SyncEngine.of(store.connection()).round(remote);
            System.out.println(json ? report.toJson() : report.summary());
            return 0;
        }
    }
}
