package dev.blogdesk.app;

import dev.blogdesk.store.StoreConnection;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The composition root's state: the data dir, the user's settings and the open store. The command
 * line's store: an explicit {@code --mongo-uri}, else the URI saved in the settings, else the embedded
 * store. The desktop app always works on the embedded store and syncs with the server (see
 * {@link #openDesktop}).
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Settings settings;
    private final StoreConnection store;
    private final dev.blogdesk.sync.ConnectionProfile syncProfile;
    private dev.blogdesk.sync.SyncService sync;
    private final java.util.Deque<AutoCloseable> beforeStore = new java.util.ArrayDeque<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppContext.class);

    private AppContext(Path dataDir, Settings settings, StoreConnection store, dev.blogdesk.sync.ConnectionProfile syncProfile) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.store = store;
        this.syncProfile = syncProfile;
    }

    /**
     * The desktop app: the embedded store is always the working copy, so writing never waits for a
     * network. A server ({@code --mongo-uri}, else the one in Settings) is synced in the background.
     */
    public static AppContext openDesktop(Path dataDir, String mongoUri) {
        createDataDir(dataDir);
        Settings settings = Settings.load(dataDir);
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : settings.mongoUri().orElse(null);
        dev.blogdesk.sync.ConnectionProfile profile = uri == null ? null
                : new dev.blogdesk.sync.ConnectionProfile(uri, blankToNull(settings.get(Settings.SYNC_DATABASE, null)),
                blankToNull(settings.get(Settings.SYNC_COLLECTION, null)));
        return new AppContext(dataDir, settings, StoreConnection.openEmbedded(dataDir, false), profile);
    }

    /**
     * Starts the background sync with the configured server, if there is one. {@code listener} hears
     * its status on the sync thread. The service stops when this context closes.
     */
    public synchronized java.util.Optional<dev.blogdesk.sync.SyncService> startSync(
            java.util.function.Consumer<dev.blogdesk.sync.SyncService.SyncStatus> listener) {
        if (syncProfile == null || !store.embedded().isPresent()) {
            return java.util.Optional.empty();
        }
        if (sync == null) {
            sync = new dev.blogdesk.sync.SyncService(store, syncProfile, listener);
            sync.start();
        }
        return java.util.Optional.of(sync);
    }

    /** The server the desktop app syncs with, if one is set. */
    public java.util.Optional<dev.blogdesk.sync.ConnectionProfile> syncProfile() {
        return java.util.Optional.ofNullable(syncProfile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new dev.blogdesk.store.StoreException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param attachToRunning when the embedded store is held by another BlogDesk process, use that
     *                        process's store (the CLI does) instead of failing (the desktop app does)
     */
    public static AppContext open(Path dataDir, String mongoUri, boolean attachToRunning) {
        createDataDir(dataDir);
        Settings settings = Settings.load(dataDir);
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : settings.mongoUri().orElse(null);
        StoreConnection store = uri != null
                ? StoreConnection.openRemote(uri)
                : StoreConnection.openEmbedded(dataDir, attachToRunning);
        return new AppContext(dataDir, settings, store, null);
    }

    /** Where the posts live and where they are synced to, safe to show (credentials redacted). */
    public String description() {
        if (syncProfile == null) {
            return store.description();
        }
        return store.description() + ", synced with " + dev.blogdesk.store.MongoUris.redact(syncProfile.uri())
                + " (" + syncProfile.database() + "." + syncProfile.collection() + ")";
    }

    public Path dataDir() {
        return dataDir;
    }

    public Settings settings() {
        return settings;
    }

    public StoreConnection store() {
        return store;
    }

    /**
     * Closes {@code resource} when this context closes, before the sync and the store (last registered,
     * first closed): a window's queued work and draft writes finish while the store is still open.
     */
    public synchronized void closeBeforeStore(AutoCloseable resource) {
        beforeStore.push(resource);
    }

    @Override
    public synchronized void close() {
        while (!beforeStore.isEmpty()) {
            AutoCloseable resource = beforeStore.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", resource, e.toString(), e);
            }
        }
        if (sync != null) {
            sync.close();
        }
        store.close();
    }
}
