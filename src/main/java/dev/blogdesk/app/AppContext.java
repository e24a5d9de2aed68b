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

    public Path dataDir() {
        return dataDir;
    }

    public Settings settings() {
        return settings;
    }

    public StoreConnection store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
