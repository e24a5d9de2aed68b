package dev.blogdesk.sync;

import dev.blogdesk.store.StoreConnection;

import java.nio.file.Path;

/** A BlogDesk that syncs its working copy in a child JVM, so a test can kill -9 it mid-round. */
public final class SyncChild {

    public static void main(String[] args) {
        try (StoreConnection local = StoreConnection.openEmbedded(Path.of(args[0]), false);
             SyncRemote remote = SyncRemote.open(new ConnectionProfile(args[1], "blogdb", "posts"))) {
            SyncEngine engine = SyncEngine.of(local);
            System.out.println("READY");
            System.out.flush();
            System.out.println("DONE " + engine.round(remote).toJson());
        }
    }
}
