package dev.blogdesk.store;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
    /** A command only this store answers: a client at the other end of a URI asks it to tell {@code serve} from MongoDB. */
    static final String IDENTIFY_COMMAND = "blogdeskStore";
    private final Path dataDir;
    private final MVStore mvStore;
    private final DurableH2Backend.Server server;
    private final InetSocketAddress address;
    private final PostChangeHub changeFeed;
    private final StoreHealth health;
    private final StoreHousekeeping housekeeping;

    private EmbeddedMongo(Path dataDir, MVStore mvStore, DurableH2Backend.Server server, PostChangeHub changeFeed,
                          StoreHealth health) {
        this.changeFeed = changeFeed;
        this.dataDir = dataDir;
        this.mvStore = mvStore;
        this.server = server;
        this.health = health;
        this.address = server.address(); // bound before this is built
        this.housekeeping = new StoreHousekeeping(dataDir, mvStore, server, health);
    }

    /**
     * True when {@code database} is served by a BlogDesk store ({@code blogdesk serve}, or another BlogDesk's
     * running instance) rather than a MongoDB server: it answers a command MongoDB does not have.
     */
    public static boolean serves(com.mongodb.client.MongoDatabase database) {
        try {
            return "blogdesk".equals(database.runCommand(new org.bson.Document(IDENTIFY_COMMAND, 1)).get("store"));
        } catch (com.mongodb.MongoCommandException e) {
            return false; // CommandNotFound (59): MongoDB
        } catch (com.mongodb.MongoException e) {
            // Unanswered: taken for MongoDB, whose handling (indexes) is right for any server, only slower here.
            log.info("Could not tell what serves {}: {}", database.getName(), e.getMessage());
            return false;
        }
    }

    /** The compaction housekeeping does at idle, all of it now: for a caller that just finished a bulk write. */
    public void compactNow() {
        housekeeping.compactNow();
    }

    /** The day's backup now, if none was taken in the last day: what housekeeping does at the first idle moment. */
    public Optional<Path> takeDailyBackup() {
        return housekeeping.backupIfDue(java.time.Instant.now());
    }

    /** The day's backup as of {@code now}, if due (tests move the clock). */
    Optional<Path> backupIfDue(java.time.Instant now) {
        return housekeeping.backupIfDue(now);
    }

    /** Called with one sentence when the store stopped after a failed write (serve exits with it). */
    public void onStopped(java.util.function.Consumer<String> listener) {
        health.onFatal(listener);
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

    /**
     * For {@code bench store} only: the same store, committed before each reply but never forced to the
     * device, the baseline that shows what the force costs. Not power-cut safe; nothing else uses it.
     */
    public static EmbeddedMongo startUnforcedForBenchmark(Path dataDir) {
        return start(dataDir, 0, false, store -> { });
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
        Path file = storeDir.resolve(STORE_FILE);
        StoreHealth.checkBeforeOpen(dataDir, file, ServerDocuments::postCount);
        StoreHealth health = new StoreHealth(dataDir, file);
        MVStore mvStore = openMvStore(dataDir, file);
        DurableH2Backend.Server server;
        PostChangeHub changeFeed;
        try {
            changeFeed = new PostChangeHub(mvStore, health);
            server = DurableH2Backend.server(mvStore, changeFeed, allowOtherUsers, force, health);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            if (StoreHealth.isWriteFailure(e) || mvStore.getPanicException() != null) {
                throw new StoreException(Folders.writeFailureMessage(storeDir, e), e);
            }
            throw new StoreDamagedException(dataDir, file, "its contents cannot be read (" + e.getMessage() + ")", e);
        }
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
        EmbeddedMongo embedded = new EmbeddedMongo(dataDir, mvStore, server, changeFeed, health);
        try {
            embedded.housekeeping.recordCommit(true);
        } catch (RuntimeException e) {
            embedded.close();
            throw new StoreException(Folders.writeFailureMessage(storeDir, e), e);
        }
        embedded.writePortFile();
        embedded.housekeeping.start();
        log.info("Embedded store {} listening on {}", storeDir, server.address());
        return embedded;
    }

    private static MVStore openMvStore(Path dataDir, Path file) {
        boolean existed = Files.exists(file);
        try {
            // Compressed pages (LZF: text shrinks to about half). No background compaction of MVStore's own:
            // it competes with start-up and cannot keep up with an import; housekeeping compacts at idle.
            return new MVStore.Builder().fileName(file.toString()).compress().autoCompactFillRate(0).open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException(dataDir, e);
            }
            if (StoreHealth.isWriteFailure(e) || Folders.isDiskFull(file.getParent(), e)) {
                removeIfCreatedEmpty(file, existed);
                throw new StoreException(Folders.writeFailureMessage(file.getParent(), e), e);
            }
            // Any other failure to read an existing file: damaged. It is left untouched for the user to decide.
            throw new StoreDamagedException(dataDir, file, "it cannot be read (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new StoreDamagedException(dataDir, file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A first start on a full disk leaves a 0-byte file behind; it is ours and holds nothing. */
    private static void removeIfCreatedEmpty(Path file, boolean existed) {
        try {
            if (!existed && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.debug("No empty store file to remove: {}", e.getMessage());
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
            // Only other BlogDesk processes need it (to use this instance instead of failing on the lock),
            // so a full disk must not stop this one from reading.
            log.warn("Could not write {}: {}", portFile, Folders.writeFailureMessage(portFile.getParent(), e));
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                log.debug("No port file draft to remove");
            }
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
        housekeeping.stop();
        changeFeed.closeFollowers();
        // Followers (the search index) first: shutting the server down closes the
        // MVStore they confirm into. Writes that still arrive are marked and followed at the next start.
        // The record first: shutting the server down closes the store. A write that still arrives after it
        // only makes the file newer than its record, which is allowed.
        housekeeping.guarded("closing commit record", () -> housekeeping.recordCommit(true));
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
