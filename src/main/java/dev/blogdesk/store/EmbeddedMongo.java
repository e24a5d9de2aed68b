package dev.blogdesk.store;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local MongoDB-compatible server on the user's data dir: mongo-java-server with a durable H2
 * backend, listening on 127.0.0.1 only. While it runs, its port is written to {@code store/server.port}
 * so a second BlogDesk process (the CLI) can use the running instance instead of failing on the lock.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final String STORE_DIR = "store";
    static final String STORE_FILE = "blogdesk.mv.db";
    static final String PORT_FILE = "server.port";
    private static final int COMPACT_EVERY_SECONDS = 30;
    private static final int TARGET_FILL_RATE = 90;
    private static final int COMPACT_BYTES_PER_RUN = 16 * 1024 * 1024;

    private final Path dataDir;
    private final MVStore mvStore;
    private final DurableH2Backend.Server server;
    private final InetSocketAddress address;
    private final PostChangeHub changeFeed;
    private final java.util.concurrent.ScheduledExecutorService housekeeping;

    private EmbeddedMongo(Path dataDir, MVStore mvStore, DurableH2Backend.Server server, PostChangeHub changeFeed) {
        this.changeFeed = changeFeed;
        this.dataDir = dataDir;
        this.mvStore = mvStore;
        this.server = server;
        this.address = server.address(); // bound before this is built
        this.housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-housekeeping");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::compact, COMPACT_EVERY_SECONDS, COMPACT_EVERY_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * What MVStore's own background compaction would do, but not during start-up: rewrites partly
     * empty chunks a little at a time, so the file shrinks back after big imports and many saves.
     */
    private void compact() {
        try {
            if (!mvStore.isClosed() && mvStore.getFillRate() < TARGET_FILL_RATE) {
                mvStore.compact(TARGET_FILL_RATE, COMPACT_BYTES_PER_RUN);
            }
        } catch (RuntimeException e) {
            log.warn("Store compaction skipped: {}", e.toString());
        }
    }

    /**
     * Opens the store in {@code dataDir} and listens on 127.0.0.1:{@code port} (0 = any free port),
     * for this account's processes only.
     */
    public static EmbeddedMongo start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /** As {@link #start(Path, int)}; {@code allowOtherUsers} lets every local account connect. */
    public static EmbeddedMongo start(Path dataDir, int port, boolean allowOtherUsers) {
        return start(dataDir, port, allowOtherUsers, DurableH2Backend.Force.DEVICE);
    }

    /** The test seam: {@code force} stands in for forcing the file to the device. */
    static EmbeddedMongo start(Path dataDir, int port, boolean allowOtherUsers, DurableH2Backend.Force force) {
        Path storeDir = dataDir.resolve(STORE_DIR);
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + storeDir + ": " + e.getMessage(), e);
        }
        Folders.keepPrivate(dataDir, true);
        if (!Files.isWritable(storeDir)) {
            throw new StoreException("BlogDesk cannot write to its data folder " + storeDir
                    + ". Check the folder's permissions, or start BlogDesk with --data-dir to use another folder.");
        }
        java.time.Instant now = java.time.Instant.now();
        java.util.Optional<Path> pendingBackup = StoreBackups.prepare(dataDir, now);
        MVStore mvStore;
        try {
            mvStore = openMvStore(dataDir, storeDir.resolve(STORE_FILE));
        } catch (RuntimeException e) {
            pendingBackup.ifPresent(StoreBackups::discard);
            throw e;
        }
        DurableH2Backend.Server server;
        PostChangeHub changeFeed;
        try {
            changeFeed = new PostChangeHub(mvStore);
            server = DurableH2Backend.server(mvStore, changeFeed, allowOtherUsers, force);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            pendingBackup.ifPresent(StoreBackups::discard);
            throw new StoreDamagedException(dataDir, storeDir.resolve(STORE_FILE), e);
        }
        pendingBackup.ifPresent(p -> StoreBackups.keep(dataDir, p, now));
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) { // Netty throws a java.net.BindException undeclared
            server.shutdown();
            if (e instanceof java.net.BindException) {
                throw new StoreException("Port " + port + " on 127.0.0.1 is already in use by another program; "
                        + "choose a free one with --port (for example --port " + (port == 65535 ? port - 1 : port + 1) + ").", e);
            }
            throw new StoreException("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        EmbeddedMongo embedded = new EmbeddedMongo(dataDir, mvStore, server, changeFeed);
        embedded.writePortFile();
        log.info("Embedded store {} listening on {}", storeDir, server.address());
        return embedded;
    }

    private static MVStore openMvStore(Path dataDir, Path file) {
        try {
            // No background compaction from the first second: it competes with start-up (measured +0.6 s
            // on two cores right after a 100,000-post import). StoreHousekeeping compacts later.
            return new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException(dataDir, e);
            }
            // Any other failure to read an existing file: damaged. It is left untouched for the user to decide.
            throw new StoreDamagedException(dataDir, file, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new StoreDamagedException(dataDir, file, e);
        }
    }

    /** The port of a BlogDesk instance already running on {@code dataDir}, if it left one. */
    public static Optional<Integer> runningInstancePort(Path dataDir) {
        Path portFile = dataDir.resolve(STORE_DIR).resolve(PORT_FILE);
        try {
            return Optional.of(Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePortFile() {
        Path portFile = dataDir.resolve(STORE_DIR).resolve(PORT_FILE);
        Path tmp = portFile.resolveSibling(PORT_FILE + ".tmp");
        try {
            Files.writeString(tmp, Integer.toString(address.getPort()), StandardCharsets.US_ASCII);
            Folders.makeFilePrivate(tmp);
            Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + portFile, e);
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Every change to the posts, as the server applied them: what search and sync follow. */
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /** Where followers of this store keep files of their own (the search index). */
    public Path storeDir() {
        return dataDir.resolve(STORE_DIR);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dataDir.resolve(STORE_DIR).resolve(PORT_FILE));
        } catch (IOException e) {
            log.warn("Could not remove the port file: {}", e.getMessage());
        }
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        changeFeed.closeFollowers();
        // Followers (the search index) first: shutting the server down closes the
        // MVStore they confirm into. Writes that still arrive are marked and followed at the next start.
        server.shutdown();
        if (!mvStore.isClosed()) {
            mvStore.close();
        }
        // Files made while running (the store file, index segments, logs) get the umask's mode; their
        // folders are private already, and at rest the files are too.
        Folders.keepPrivate(dataDir, false);
        log.info("Embedded store closed");
    }
}
