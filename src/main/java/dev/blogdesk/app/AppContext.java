package dev.blogdesk.app;

import dev.blogdesk.store.StoreConnection;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The composition root's state: the data dir, the user's settings and the open store. Choosing the
 * store: an explicit {@code --mongo-uri}, else the URI saved in the settings, else the embedded store.
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Settings settings;
    private final StoreConnection store;

    private AppContext(Path dataDir, Settings settings, StoreConnection store) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.store = store;
    }

    /**
     * @param attachToRunning when the embedded store is held by another BlogDesk process, use that
     *                        process's store (the CLI does) instead of failing (the desktop app does)
     */
    public static AppContext open(Path dataDir, String mongoUri, boolean attachToRunning) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new dev.blogdesk.store.StoreException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Settings settings = Settings.load(dataDir);
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : settings.mongoUri().orElse(null);
        StoreConnection store = uri != null
                ? StoreConnection.openRemote(uri)
                : StoreConnection.openEmbedded(dataDir, attachToRunning);
        return new AppContext(dataDir, settings, store);
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
