package dev.blogdesk.sync;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.blogdesk.store.MongoUris;
import dev.blogdesk.store.StoreException;
import org.bson.Document;

import java.util.concurrent.TimeUnit;

/**
 * The server a working copy syncs with. Every call has a timeout, so an unreachable server costs a few
 * seconds of a background thread, never a frozen window.
 */
public final class SyncRemote implements AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;
    private final String identity;
    private final String databaseName;

    private SyncRemote(MongoClient client, MongoCollection<Document> posts, MongoCollection<Document> drafts, String identity) {
        this.client = client;
        this.databaseName = posts.getNamespace().getDatabaseName();
        this.posts = posts;
        this.drafts = drafts;
        this.identity = identity;
    }

    public static SyncRemote open(ConnectionProfile profile) {
        ConnectionString cs;
        try {
            cs = new ConnectionString(profile.uri().trim());
        } catch (IllegalArgumentException e) {
            throw new StoreException("The MongoDB URI is not valid: " + MongoUris.scrub(e.getMessage(), profile.uri()), e);
        }
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(cs)
                // 5 s to find the server and to connect, unless the URI says otherwise (a slow VPN).
                .applyToClusterSettings(b -> {
                    if (cs.getServerSelectionTimeout() == null) {
                        b.serverSelectionTimeout(5, TimeUnit.SECONDS);
                    }
                })
                .applyToSocketSettings(b -> {
                    if (cs.getConnectTimeout() == null) {
                        b.connectTimeout(5, TimeUnit.SECONDS);
                    }
                    if (cs.getSocketTimeout() == null) {
                        b.readTimeout(60, TimeUnit.SECONDS);
                    }
                })
                .build());
        String database = profile.database();
        // Drafts beside the posts, in "drafts" as the Flask blog's database has them (it never reads them).
        return new SyncRemote(client, client.getDatabase(database).getCollection(profile.collection()),
                client.getDatabase(database).getCollection(dev.blogdesk.store.PostSchema.DRAFTS),
                String.join(",", cs.getHosts()) + "/" + database + "." + profile.collection());
    }

    public MongoCollection<Document> posts() {
        return posts;
    }

    /** The sync database: its GridFS bucket {@code fs} holds the images. */
    public com.mongodb.client.MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    /** The server's drafts: never in the collection the blog lists. */
    public MongoCollection<Document> drafts() {
        return drafts;
    }

    /** Hosts, database and collection: which server's state the sync bookkeeping belongs to. No credentials. */
    public String identity() {
        return identity;
    }

    /** "Test connection": one sentence that says what is wrong, or that all is well. */
    public static String test(ConnectionProfile profile) {
        try (SyncRemote remote = open(profile)) {
            long count = remote.posts.countDocuments();
            return "Connected: " + profile.database() + "." + profile.collection() + " holds " + count
                    + (count == 1 ? " post." : " posts.");
        } catch (MongoSecurityException e) {
            return "Authentication failed: the server refused the user name or password.";
        } catch (MongoTimeoutException e) {
            String detail = String.valueOf(e.getMessage());
            if (detail.contains("SSL") || detail.contains("TLS") || detail.contains("certificate")) {
                return "TLS problem: the secure connection could not be set up (check tls= and the certificate).";
            }
            if (detail.contains("Connection refused") || detail.contains("UnknownHost")) {
                return "Host unreachable: nothing answers at " + MongoUris.redact(profile.uri()) + ".";
            }
            return "Timeout: the server did not answer within 5 seconds.";
        } catch (MongoSocketOpenException e) {
            return "Host unreachable: nothing answers at " + MongoUris.redact(profile.uri()) + ".";
        } catch (MongoException e) {
            return "The server reported an error: " + dev.blogdesk.store.StoreErrors.reason(e);
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
