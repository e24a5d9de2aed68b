package dev.blogdesk.sync;

/** Where the posts are synced to: a MongoDB URI, database and collection (Flask-PyMongo's by default). */
public record ConnectionProfile(String uri, String database, String collection) {

    public static final String DEFAULT_DATABASE = "blogdb";
    public static final String DEFAULT_COLLECTION = "posts";

    public ConnectionProfile {
        database = database == null || database.isBlank() ? databaseOf(uri) : database.strip();
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection.strip();
    }

    private static String databaseOf(String uri) {
        try {
            String db = new com.mongodb.ConnectionString(uri.trim()).getDatabase();
            return db == null ? DEFAULT_DATABASE : db;
        } catch (RuntimeException e) {
            return DEFAULT_DATABASE;
        }
    }
}
