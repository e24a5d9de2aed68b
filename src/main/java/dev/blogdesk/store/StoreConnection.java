package dev.blogdesk.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An open connection to where the posts live: the embedded store on the data dir (started here,
 * or the one another BlogDesk process already runs there) or a MongoDB server given by URI.
 */
public final class StoreConnection implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "blogdb";
    /** How long a remote server may take to answer before a command gives up (unless the URI says otherwise). */
    public static final int SERVER_SELECTION_SECONDS = 8;
    private static final Logger log = LoggerFactory.getLogger(StoreConnection.class);

    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;
    private final MongoPostRepository posts;
    private final boolean embeddedStore;
    /** A URI that turned out to be a BlogDesk store ({@code blogdesk serve}), not a MongoDB server. */
    private final boolean servedByBlogDesk;

    private StoreConnection(EmbeddedMongo embedded, MongoClient client, String databaseName, String description,
                            boolean embeddedStore) {
        this.embedded = embedded;
        this.embeddedStore = embeddedStore;
        this.client = client;
        this.database = client.getDatabase(databaseName);
        this.description = description;
        this.posts = new MongoPostRepository(database);
        this.servedByBlogDesk = embeddedStore || EmbeddedMongo.serves(database);
    }

    /**
     * Starts the embedded store on {@code dataDir}. When another BlogDesk process holds it and
     * {@code attachToRunning} is set, connects to that process instead of failing.
     */
    public static StoreConnection openEmbedded(Path dataDir, boolean attachToRunning) {
        try {
            EmbeddedMongo embedded = EmbeddedMongo.start(dataDir, 0);
            try {
                return withIndexes(new StoreConnection(embedded, client(embedded.connectionString(), 3),
                        DEFAULT_DATABASE, "Embedded store in " + dataDir, true));
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        } catch (StoreLockedException locked) {
            Optional<Integer> port = EmbeddedMongo.runningInstancePort(dataDir).filter(StoreConnection::listening);
            if (!attachToRunning || port.isEmpty()) {
                throw locked;
            }
            log.info("Store of {} is held by a running BlogDesk; using it on port {}", dataDir, port.get());
            return new StoreConnection(null, client("mongodb://127.0.0.1:" + port.get(), 3), DEFAULT_DATABASE,
                    "Embedded store in " + dataDir + " (shared with the running BlogDesk)", true);
        }
    }

    /** Connects to a MongoDB server, replica set or Atlas cluster. The database defaults to {@code blogdb}. */
    public static StoreConnection openRemote(String uri) {
        ConnectionString cs;
        try {
            cs = new ConnectionString(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new StoreException("The MongoDB URI is not valid: " + MongoUris.scrub(e.getMessage(), uri), e);
        }
        String databaseName = cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DATABASE;
        log.info("Connecting to {}", MongoUris.redact(uri));
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> {
                    if (cs.getServerSelectionTimeout() == null) {
                        b.serverSelectionTimeout(SERVER_SELECTION_SECONDS, TimeUnit.SECONDS);
                    }
                })
                .build());
        try {
            // One round trip now: an unreachable server fails here, once, with its name, instead of once
            // for the indexes and again for the command's first query.
            client.getDatabase(databaseName).runCommand(new org.bson.Document("ping", 1));
        } catch (com.mongodb.MongoException e) {
            client.close();
            throw new StoreException("Could not reach the MongoDB server " + MongoUris.redact(uri) + ": "
                    + StoreErrors.reason(e) + " Check --mongo-uri (or the server in Settings).", e);
        }
        return withIndexes(new StoreConnection(null, client, databaseName,
                "MongoDB " + MongoUris.redact(uri) + " (database " + databaseName + ")", false));
    }

    private static StoreConnection withIndexes(StoreConnection connection) {
        try {
            if (connection.isBlogDeskStore()) {
                // Also through `blogdesk serve`: the server's indexes would cost that store what they cost here.
                connection.posts.dropEmbeddedOnlyWaste();
                // Only here: on a shared server another client's move may be half-way at this moment.
                connection.embedded().ifPresent(e -> connection.posts.settleMoves(e.changeFeed().movesInFlight()));
            } else {
                connection.posts.ensureIndexes();
            }
        } catch (StoreException e) {
            // A server that answered the ping but will not check the indexes (missing rights) still
            // serves the command; an unreachable one already failed at the ping.
            log.warn("Indexes not checked: {}", e.getMessage());
        }
        return connection;
    }

    private static MongoClient client(String uri, int timeoutSeconds) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutSeconds, TimeUnit.SECONDS))
                .build());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The posts as the server answers for them (the app puts its search index in front, see app.PostStore). */
    public MongoPostRepository posts() {
        return posts;
    }

    public MongoDatabase database() {
        return database;
    }

    /** Where the posts live, safe to show and log (credentials redacted). */
    public String description() {
        return description;
    }

    /** True for the embedded store, whether this process runs it or shares another BlogDesk's. */
    public boolean isEmbedded() {
        return embeddedStore;
    }

    /** True for a BlogDesk store however it is reached: this data dir's, or {@code blogdesk serve} given by URI. */
    public boolean isBlogDeskStore() {
        return servedByBlogDesk;
    }

    public Optional<EmbeddedMongo> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
