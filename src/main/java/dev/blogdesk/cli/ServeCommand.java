package dev.blogdesk.cli;

import dev.blogdesk.app.DataDirs;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the embedded store as a MongoDB endpoint on 127.0.0.1 until stopped (Ctrl+C).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "27017", description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the embedded store.")
    Path dataDir;

    @Option(names = "--allow-other-users", description = "Let other accounts on this computer connect too (by default only yours may; the endpoint has no passwords).")
    boolean allowOtherUsers;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = DataDirs.resolve(dataDir);
        dev.blogdesk.app.Logging.init(dir);
        EmbeddedMongo server;
        try {
            server = EmbeddedMongo.start(dir, port, allowOtherUsers);
            if (allowOtherUsers) {
                System.err.println("blogdesk: warning: every account on this computer can now read and change these posts "
                        + "through port " + server.port() + " (there are no passwords)");
            }
            // Writes through this endpoint (the Flask blog's) are indexed and marked for the next sync.
            PostStore.follow(server);
        } catch (StoreLockedException locked) {
            String running = EmbeddedMongo.runningInstancePort(dir)
                    .map(p -> " Its store is already reachable at mongodb://127.0.0.1:" + p + "/blogdb.").orElse("");
            throw new dev.blogdesk.store.StoreException(locked.getMessage() + running, locked);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        // A store that stopped after a failed write (a full disk) must not stay up refusing every request.
        server.onStopped(sentence -> {
            failure.set(sentence);
            stopped.countDown();
        });
        Thread shutdown = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "blogdesk-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.println("BlogDesk store " + dir + " serving on mongodb://127.0.0.1:" + server.port()
                + "/blogdb (collection posts). Press Ctrl+C to stop.");
        System.out.flush();
        stopped.await();
        if (failure.get() != null) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            server.close();
            System.err.println("blogdesk: " + failure.get());
            return 1;
        }
        return 0;
    }
}
