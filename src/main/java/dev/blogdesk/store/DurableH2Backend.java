package dev.blogdesk.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, made durable and observable.
 *
 * <p>Durable: it commits its MVStore about once a second, so a kill -9 loses acknowledged writes (we
 * measured ~600 of 1000). Committing before the reply is sent makes every acknowledged write durable at
 * ~0.5 ms per write. {@code MVStore.commit()} returns at once when nothing changed, so reads pay nothing.
 *
 * <p>Observable: every document written to or removed from {@code blogdb.posts} is reported to the
 * {@link PostChangeLog}, at the lowest level the backend has, so no command (insert, update, upsert,
 * findAndModify, delete, drop) and no client can change a post without the search index hearing of it.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final PostChangeLog changeLog;

    DurableH2Backend(MVStore store, PostChangeLog changeLog) {
        super(store);
        this.store = store;
        this.changeLog = changeLog;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commitIfChanged();
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        if (!store.isClosed() && store.hasUnsavedChanges()) {
            store.commit();
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
            if (!PostChangeLog.NAMESPACE.equals(namespace)) {
                return super.openOrCreateCollection(collectionName, options);
            }
            // The same map names H2Database uses, so existing stores open unchanged.
            return new ObservedCollection(this, collectionName, options,
                    getMvStore().openMap("databases." + namespace), getMvStore().openMap("meta." + namespace));
        }
    }

    private final class ObservedCollection extends H2Collection {

        /** The collection's documents by _id: H2Collection's own map (it keys documents by their _id). */
        private final org.h2.mvstore.MVMap<Object, Document> documents;

        ObservedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           org.h2.mvstore.MVMap<Object, Document> dataMap,
                           org.h2.mvstore.MVMap<String, Object> metaMap) {
            super(database, collectionName, options, dataMap, metaMap, DurableH2Backend.this.getCursorRegistry());
            this.documents = dataMap;
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

        @Override
        protected Object addDocumentInternal(Document document) {
            Object id = document.get(getIdField());
            long s = changeLog.beforeWrite(id);
            Object key;
            try {
                key = super.addDocumentInternal(document);
            } catch (RuntimeException e) {
                changeLog.afterFailure(s, id);
                throw e;
            }
            changeLog.afterUpsert(s, key, document);
            return key;
        }

        @Override
        protected void handleUpdate(Object key, Document oldDocument, Document newDocument) {
            long s = changeLog.beforeWrite(key);
            try {
                super.handleUpdate(key, oldDocument, newDocument);
            } catch (RuntimeException e) {
                changeLog.afterFailure(s, key);
                throw e;
            }
            changeLog.afterUpsert(s, key, newDocument);
        }

        @Override
        protected void removeDocument(Object key) {
            long s = changeLog.beforeWrite(key);
            try {
                super.removeDocument(key);
            } catch (RuntimeException e) {
                changeLog.afterFailure(s, key);
                throw e;
            }
            changeLog.afterRemove(s, key);
        }

        @Override
        public void drop() {
            long s = changeLog.beforeDrop();
            try {
                super.drop();
            } finally {
                // Even a failed drop may have removed some documents: the index starts over either way.
                changeLog.afterDrop(s);
            }
        }
    }
}
