package dev.blogdesk.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.MongoPostRepository;
import org.bson.Document;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A store for one test class: the embedded server on a temp dir, or, when
 * {@code -Dblogdesk.test.mongoUri=mongodb://...} is given, a fresh database on that real server
 * (the contract-test profile), dropped afterwards.
 */
public final class TestStore implements AutoCloseable {

    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final MongoDatabase database;
    private final boolean dropOnClose;

    private TestStore(EmbeddedMongo embedded, MongoClient client, MongoDatabase database, boolean dropOnClose) {
        this.embedded = embedded;
        this.client = client;
        this.database = database;
        this.dropOnClose = dropOnClose;
    }

    public static TestStore open(Path tempDir) {
        String uri = System.getProperty("blogdesk.test.mongoUri", "");
        if (!uri.isBlank()) {
            MongoClient client = MongoClients.create(uri);
            return new TestStore(null, client, client.getDatabase("blogdesk_test_" + UUID.randomUUID().toString().substring(0, 8)), true);
        }
        EmbeddedMongo embedded = EmbeddedMongo.start(tempDir, 0);
        MongoClient client = MongoClients.create(embedded.connectionString());
        return new TestStore(embedded, client, client.getDatabase("blogdb"), false);
    }

    public static boolean isRealServer() {
        return !System.getProperty("blogdesk.test.mongoUri", "").isBlank();
    }

    public MongoPostRepository repository() {
        MongoPostRepository repository = new MongoPostRepository(database);
        if (isRealServer()) {
            repository.ensureIndexes();
        }
        return repository;
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> posts() {
        return database.getCollection(dev.blogdesk.store.PostSchema.COLLECTION);
    }

    public MongoCollection<Document> drafts() {
        return database.getCollection(dev.blogdesk.store.PostSchema.DRAFTS);
    }

    public void clear() {
        posts().deleteMany(new Document());
        drafts().deleteMany(new Document());
        database.getCollection(dev.blogdesk.store.PostRevisions.COLLECTION).deleteMany(new Document());
    }

    @Override
    public void close() {
        if (dropOnClose) {
            database.drop();
        }
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
