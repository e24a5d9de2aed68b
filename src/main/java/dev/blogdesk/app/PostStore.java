package dev.blogdesk.app;

import com.mongodb.client.MongoDatabase;
import dev.blogdesk.search.IndexedPostRepository;
import dev.blogdesk.search.SearchIndex;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.sync.Outbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the posts live, as the app and the command line use them: the store connection, and, in the
 * process that runs the embedded server, its followers (the search index, and the sync outbox's marks)
 * with the repository that answers the list and the search box from the index.
 */
public final class PostStore implements AutoCloseable {

    /** The search index's folder inside the embedded store's folder. */
    static final String SEARCH_INDEX_DIR = "search-index";

    private final StoreConnection connection;
    private final SearchIndex searchIndex;
    private final PostRepository posts;

    private PostStore(StoreConnection connection, SearchIndex searchIndex) {
        this.connection = connection;
        this.searchIndex = searchIndex;
        this.posts = searchIndex == null ? connection.posts() : new IndexedPostRepository(connection.posts(), searchIndex);
    }

    /**
     * The embedded store on {@code dataDir}. When another BlogDesk process holds it and
     * {@code attachToRunning} is set, uses that process's store (its index answers there).
     */
    public static PostStore openEmbedded(Path dataDir, boolean attachToRunning) {
        StoreConnection connection = StoreConnection.openEmbedded(dataDir, attachToRunning);
        try {
            return new PostStore(connection, connection.embedded().map(PostStore::follow).orElse(null));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A MongoDB server, replica set or Atlas cluster: the server answers everything. */
    public static PostStore openRemote(String uri) {
        return new PostStore(StoreConnection.openRemote(uri), null);
    }

    /**
     * Starts what follows an embedded server this process runs: every write is marked for the next
     * sync, and the search index keeps up with it. Both close with the store, before its server stops.
     */
    public static SearchIndex follow(EmbeddedMongo embedded) {
        Outbox.markWrites(embedded.changeFeed());
        return SearchIndex.start(embedded.storeDir().resolve(SEARCH_INDEX_DIR), embedded.changeFeed());
    }

    public PostRepository posts() {
        return posts;
    }

    public MongoDatabase database() {
        return connection.database();
    }

    public StoreConnection connection() {
        return connection;
    }

    /** The index of this process's embedded store; empty on a server or a store shared with the app. */
    public Optional<SearchIndex> searchIndex() {
        return Optional.ofNullable(searchIndex);
    }

    public boolean isEmbedded() {
        return connection.isEmbedded();
    }

    /** Where the posts live, safe to show and log (credentials redacted). */
    public String description() {
        return connection.description();
    }

    @Override
    public void close() {
        connection.close(); // the embedded store closes its followers (the index) before its server
    }
}
