package dev.blogdesk.app;

import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.store.MongoUris;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.store.StoreException;
import dev.blogdesk.sync.ConnectionProfile;
import dev.blogdesk.sync.SyncService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: builds every long-lived service once (the store with its search index, the
 * settings, the import engine, and for the desktop app the task executor, the draft journal and the
 * background sync) and hands them to whoever needs them. It closes them in the right order: the
 * window's work and draft writes first, then the sync, then the store.
 *
 * <p>The command line's store is an explicit {@code --mongo-uri}, else the URI saved in the settings,
 * else the embedded store. The desktop app always works on the embedded store and syncs with the
 * server in the background ({@link #openDesktop}).
 */
public final class AppContext implements AutoCloseable {

    /** Where an import keeps its copy of the source, inside the data dir. */
    static final String IMPORT_WORK_DIR = "import-work";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppContext.class);

    private final Path dataDir;
    private final Settings settings;
    private final PostStore store;
    private final ConnectionProfile syncProfile;
    private final ImportEngine importEngine;
    private final Deque<AutoCloseable> beforeStore = new ArrayDeque<>();
    private FxTaskExecutor executor;
    private DraftJournal journal;
    private SyncService sync;

    private AppContext(Path dataDir, Settings settings, PostStore store, ConnectionProfile syncProfile) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.store = store;
        this.syncProfile = syncProfile;
        this.importEngine = new ImportEngine(store.database(), dataDir.resolve(IMPORT_WORK_DIR), importTarget(store.connection()));
    }

    private static ImportTarget importTarget(StoreConnection connection) {
        if (connection.embedded().isPresent()) {
            return ImportTarget.IN_PROCESS;
        }
        return connection.isBlogDeskStore() ? ImportTarget.BLOGDESK_ENDPOINT
                : ImportTarget.MONGODB_SERVER;
    }

    /**
     * The desktop app: the embedded store is always the working copy, so writing never waits for a
     * network. A server ({@code --mongo-uri}, else the one in Settings) is synced in the background.
     */
    public static AppContext openDesktop(Path dataDir, String mongoUri) {
        createDataDir(dataDir);
        Settings settings = Settings.load(dataDir);
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : settings.mongoUri().orElse(null);
        ConnectionProfile profile = uri == null ? null
                : new ConnectionProfile(uri, blankToNull(settings.get(Settings.SYNC_DATABASE, null)),
                blankToNull(settings.get(Settings.SYNC_COLLECTION, null)));
        AppContext context = new AppContext(dataDir, settings, PostStore.openEmbedded(dataDir, false), profile);
        context.executor = new FxTaskExecutor(2);
        context.journal = new DraftJournal(dataDir);
        // However the app ends, queued work and draft writes finish before the store closes.
        context.closeBeforeStore(() -> {
            context.journal.close();
            context.executor.closeAndWait(java.time.Duration.ofSeconds(10));
        });
        return context;
    }

    /**
     * The command line: a store held by the running app is shared ({@code attachToRunning}) instead
     * of failing on its lock.
     */
    public static AppContext open(Path dataDir, String mongoUri, boolean attachToRunning) {
        createDataDir(dataDir);
        Settings settings = Settings.load(dataDir);
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : settings.mongoUri().orElse(null);
        if (uri != null) {
            // The embedded store makes the data folder private when it starts; without it, do it here.
            dev.blogdesk.store.Folders.keepPrivate(dataDir, true);
        }
        PostStore store = uri != null ? PostStore.openRemote(uri) : PostStore.openEmbedded(dataDir, attachToRunning);
        return new AppContext(dataDir, settings, store, null);
    }

    /**
     * Starts the background sync with the configured server, once; later calls return the same service.
     * {@code listener} hears its status on the sync thread. The service stops when this context closes.
     */
    public synchronized Optional<SyncService> startSync(Consumer<SyncService.SyncStatus> listener) {
        if (syncProfile == null || store.connection().embedded().isEmpty()) {
            return Optional.empty();
        }
        if (sync == null) {
            sync = new SyncService(store.connection(), syncProfile, listener);
            sync.start();
        }
        return Optional.of(sync);
    }

    /** The server the desktop app syncs with, if one is set. */
    public Optional<ConnectionProfile> syncProfile() {
        return Optional.ofNullable(syncProfile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Where the posts live and where they are synced to, safe to show (credentials redacted). */
    public String description() {
        if (syncProfile == null) {
            return store.description();
        }
        return store.description() + ", synced with " + MongoUris.redact(syncProfile.uri())
                + " (" + syncProfile.database() + "." + syncProfile.collection() + ")";
    }

    public Path dataDir() {
        return dataDir;
    }

    public Settings settings() {
        return settings;
    }

    public PostStore store() {
        return store;
    }

    /** The one import engine, for the wizard and the {@code import} command alike. */
    public ImportEngine importEngine() {
        return importEngine;
    }

    /** The desktop app's executor for slow work: JavaFX tasks on a small pool, callbacks on the FX thread. */
    public TaskExecutor executor() {
        return requireDesktop(executor);
    }

    /** The desktop app's journal of unsaved drafts. */
    public DraftJournal journal() {
        return requireDesktop(journal);
    }

    private static <T> T requireDesktop(T service) {
        if (service == null) {
            throw new IllegalStateException("Only the desktop app has this service");
        }
        return service;
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
