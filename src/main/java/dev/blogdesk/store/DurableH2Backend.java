package dev.blogdesk.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.MongoServer;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;

/**
 * The server adapter, with {@link ServerDocuments} the only code that knows mongo-java-server's
 * internals: its H2 backend made durable and observable, and the server around it. Everything else in
 * BlogDesk sees plain values ({@link PostText}, BSON bytes, raw ids as opaque keys).
 *
 * <p>Served only while whole: a store found damaged, or stopped by a failed write, refuses every
 * request with one sentence ({@link StoreHealth}).
 *
 * <p>Durable: it commits its MVStore about once a second, so a kill -9 loses acknowledged writes (we
 * measured ~600 of 1000). Committing before the reply is sent makes every acknowledged write survive a
 * kill -9 at ~0.5 ms per write; forcing the file to the device after that commit ({@link Force}) makes
 * it survive a power cut too. One request pays one force however many documents it wrote (an
 * {@code insertMany} batch), and a request that changed nothing pays none.
 *
 * <p>Observable: every document written to or removed from {@code blogdb.posts} or {@code blogdb.drafts}
 * is reported to the {@link PostChangeHub}, at the lowest level the backend has, so no command (insert,
 * update, upsert, findAndModify, delete, drop) and no client can change a post without the search index
 * hearing of it. Writes to the two are reported one at a time, in the order they were made.
 */
final class DurableH2Backend extends H2Backend {

    /** The collections whose writes are reported: published posts and drafts; others are stored as they come. */
    private static final java.util.Map<String, PostStatus> OBSERVED = java.util.Map.of(
            ServerDocuments.namespace(PostStatus.PUBLISHED), PostStatus.PUBLISHED,
            ServerDocuments.namespace(PostStatus.DRAFT), PostStatus.DRAFT);

    private final MVStore store;
    private final PostChangeHub changeLog;
    private final PeerCheck peers;
    private final Force force;
    private final StoreHealth health;
    /** The store version last forced to the device (background commits count: they are not forced). */
    private volatile long forcedVersion = -1;
    private volatile long lastRequestNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** Makes committed pages durable on the device; a test seam counts or delays it. */
    interface Force {
        Force DEVICE = MVStore::sync;

        void force(MVStore store);
    }

    private DurableH2Backend(MVStore store, PostChangeHub changeLog, PeerCheck peers, Force force, StoreHealth health) {
        super(store);
        this.store = store;
        this.changeLog = changeLog;
        this.peers = peers;
        this.force = force;
        this.health = health;
    }

    /** The server on the durable backend: bound once, then stopped. */
    static final class Server {
        private final MongoServer server;
        private final DurableH2Backend backend;

        private Server(MongoServer server, DurableH2Backend backend) {
            this.server = server;
            this.backend = backend;
        }

        /** The newest store version known to be on the device; -1 before the first forced commit. */
        long forcedVersion() {
            return backend.forcedVersion;
        }

        /** How long no request has run: zero while one is in progress (a batch of an import can take seconds). */
        java.time.Duration idleFor() {
            return backend.inFlight.get() > 0 ? java.time.Duration.ZERO
                    : java.time.Duration.ofNanos(System.nanoTime() - backend.lastRequestNanos);
        }

        /** Listens on {@code host:port} (0 = any free port). */
        void bind(String host, int port) {
            server.bind(host, port);
        }

        InetSocketAddress address() {
            return server.getLocalAddress();
        }

        void shutdown() {
            server.shutdownNow();
        }
    }

    /**
     * The server on {@code store}; throws when the store's maps cannot be read (a damaged file).
     * {@code anyone}: accept connections from every local account, not only this one.
     */
    static Server server(MVStore store, PostChangeHub hub, boolean anyone, Force force, StoreHealth health) {
        DurableH2Backend backend = new DurableH2Backend(store, hub, new PeerCheck(anyone), force, health);
        return new Server(new MongoServer(backend), backend);
    }

    /** Another account's connection is closed before its first request runs. */
    private void requirePeerAllowed(Channel channel) {
        if (channel != null && !peers.allows(channel)) {
            throw new de.bwaldvogel.mongo.exception.MongoServerException("Only the account that runs BlogDesk may use this store");
        }
    }

    @Override
    public de.bwaldvogel.mongo.backend.QueryResult handleQuery(de.bwaldvogel.mongo.wire.message.MongoQuery query) {
        return served(query.getChannel(), () -> super.handleQuery(query));
    }

    /**
     * One request: refused when the store is damaged or stopped writing; else run, then committed and
     * forced before the reply. Damage and write failures become a sentence, with MongoDB's own code
     * for corruption (12, DataCorruptionDetected) so clients can tell.
     */
    private <T> T served(Channel channel, java.util.function.Supplier<T> request) {
        requirePeerAllowed(channel);
        lastRequestNanos = System.nanoTime();
        String refusal = health.refusal();
        if (refusal != null) {
            throw new de.bwaldvogel.mongo.exception.MongoServerError(health.isDamaged() ? DATA_CORRUPTION : STORE_STOPPED,
                    refusal);
        }
        inFlight.incrementAndGet();
        try {
            return health.shared(() -> {
                try {
                    T reply = request.get();
                    commitIfChanged();
                    return reply;
                } catch (RuntimeException e) {
                    try {
                        commitIfChanged(); // what an unordered batch wrote before its error is acknowledged too
                    } catch (RuntimeException commitFailure) {
                        e.addSuppressed(commitFailure);
                    }
                    throw translated(e);
                }
            });
        } finally {
            lastRequestNanos = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    /** MongoDB's DataCorruptionDetected. */
    static final int DATA_CORRUPTION = 12;
    /** The store stopped after a failed write (not a MongoDB code: MongoDB has none for it). */
    static final int STORE_STOPPED = 9_500;

    private RuntimeException translated(RuntimeException e) {
        if (e instanceof de.bwaldvogel.mongo.exception.MongoServerException) {
            return e;
        }
        return switch (health.note(e, store)) {
            case DAMAGE -> new de.bwaldvogel.mongo.exception.MongoServerError(DATA_CORRUPTION, health.refusal());
            case WRITE -> new de.bwaldvogel.mongo.exception.MongoServerError(STORE_STOPPED, health.refusal());
            case OTHER -> e;
        };
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (EmbeddedMongo.IDENTIFY_COMMAND.equals(command)) {
            // How a client over the wire tells this store from a MongoDB server (which has no such command).
            return served(channel, () -> new Document("ok", 1.0).append("store", "blogdesk"));
        }
        return served(channel, () -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return served(message.getChannel(), () -> super.handleMessage(message));
    }

    /** Before the reply leaves: commit what the request changed, and force it to the device. */
    private void commitIfChanged() {
        if (store.isClosed()) {
            return;
        }
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
        long version = store.getCurrentVersion();
        if (version != forcedVersion) {
            force.force(store);
            forcedVersion = version;
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new ObservedDatabase(databaseName);
    }

    /**
     * An inner class on purpose: H2Backend opens existing databases from its constructor, and those open
     * their collections from theirs, before our fields are set. The collections reach the change log
     * through the backend only when a write happens, by which time it is there.
     */
    private final class ObservedDatabase extends H2Database {

        ObservedDatabase(String databaseName) {
            // getMvStore(), not our field: H2Backend opens existing databases from its constructor.
            super(databaseName, getMvStore(), DurableH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            PostStatus status = OBSERVED.get(namespace);
            if (status == null) {
                return super.openOrCreateCollection(collectionName, options);
            }
            // The same map names H2Database uses, so existing stores open unchanged.
            return new ObservedCollection(this, collectionName, options,
                    getMvStore().openMap("databases." + namespace), getMvStore().openMap("meta." + namespace), status);
        }
    }

    private final class ObservedCollection extends H2Collection {

        /** The collection's documents by _id: H2Collection's own map (it keys documents by their _id). */
        private final org.h2.mvstore.MVMap<Object, Document> documents;
        private final PostStatus status;

        ObservedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           org.h2.mvstore.MVMap<Object, Document> dataMap,
                           org.h2.mvstore.MVMap<String, Object> metaMap, PostStatus status) {
            super(database, collectionName, options, dataMap, metaMap, DurableH2Backend.this.getCursorRegistry());
            this.documents = dataMap;
            this.status = status;
        }

        /**
         * mongo-java-server only uses the _id index for a filter that is exactly {@code {_id: value}};
         * with any other field ({@code {_id, version}} on every save, the sync's guarded writes) it
         * scans the whole collection. The _id still names at most one document: look it up in the
         * collection's map (faster than the server's own _id index lookup, measured 3x on bulk writes),
         * then match the whole filter against that one document.
         */
        @Override
        protected de.bwaldvogel.mongo.backend.QueryResult queryDocuments(Document query, Document orderBy,
                int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get(getIdField());
            if (isLiteral(id)) {
                return matchDocuments(query, documents.containsKey(id) ? java.util.List.of(id) : java.util.List.of(),
                        orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** Ids whose Java equality is MongoDB's (numbers are not: 1, 1L and 1.0 are the same _id). */
        private static boolean isLiteral(Object id) {
            return id instanceof de.bwaldvogel.mongo.bson.ObjectId || id instanceof String;
        }

        // Each write holds the change log's order, so the two collections' changes reach it one at a time.
        @Override
        protected Object addDocumentInternal(Document document) {
            synchronized (changeLog.order()) {
                Object id = document.get(getIdField());
                long s = changeLog.beforeWrite(id);
                Object key;
                try {
                    key = super.addDocumentInternal(document);
                } catch (RuntimeException e) {
                    changeLog.afterFailure(s, id);
                    throw e;
                }
                changeLog.afterUpsert(s, key, ServerDocuments.written(key, document, status));
                return key;
            }
        }

        @Override
        protected void handleUpdate(Object key, Document oldDocument, Document newDocument) {
            synchronized (changeLog.order()) {
                long s = changeLog.beforeWrite(key);
                try {
                    super.handleUpdate(key, oldDocument, newDocument);
                } catch (RuntimeException e) {
                    changeLog.afterFailure(s, key);
                    throw e;
                }
                changeLog.afterUpsert(s, key, ServerDocuments.written(key, newDocument, status));
            }
        }

        @Override
        protected void removeDocument(Object key) {
            synchronized (changeLog.order()) {
                long s = changeLog.beforeWrite(key);
                try {
                    super.removeDocument(key);
                } catch (RuntimeException e) {
                    changeLog.afterFailure(s, key);
                    throw e;
                }
                changeLog.afterRemove(s, key);
            }
        }

        @Override
        public void drop() {
            synchronized (changeLog.order()) {
                long s = changeLog.beforeDrop();
                try {
                    super.drop();
                } finally {
                    // Even a failed drop may have removed some documents: the index starts over either way.
                    changeLog.afterDrop(s, status);
                }
            }
        }
    }
}
