package dev.blogdesk.importer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.RevisionSource;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one batch of an import: new documents with one unordered {@code insertMany} per collection
 * ({@code posts} for published posts, {@code drafts} for drafts), changed rows with one unordered
 * {@code bulkWrite} per collection, and a row whose status changed at the source is moved, copy first,
 * as the repository moves a post. A document the store refuses is counted and reported; the rest of the
 * batch still lands. Safe to call from several writer threads at once.
 */
final class BatchWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchWriter.class);

    /** A changed row: the update of its source fields, and the collection it is in and belongs in. */
    record Change(ObjectId id, Document update, PostStatus from, PostStatus to) {
    }

    /** Work for a writer: documents to insert (each names its status), changes of rows imported before. */
    record Batch(List<Document> inserts, List<Change> changes) {
        boolean isEmpty() {
            return inserts.isEmpty() && changes.isEmpty();
        }
    }

    private final Map<PostStatus, MongoCollection<Document>> collections = new EnumMap<>(PostStatus.class);
    private final PostRevisions revisions;
    private final String table;
    private final ImportReport.Problems problems;
    private final Map<ObjectId, Long> expectedDigests;
    private final AtomicLong inserted;
    private final AtomicLong failed;

    /**
     * @param expectedDigests what verification expects of each document; a refused one is taken out
     * @param inserted        counted when a document was queued; a refused insert is taken back
     */
    BatchWriter(MongoDatabase database, PostRevisions revisions, String table, ImportReport.Problems problems,
                Map<ObjectId, Long> expectedDigests, AtomicLong inserted, AtomicLong failed) {
        for (PostStatus status : PostStatus.values()) {
            collections.put(status, database.getCollection(status.collection()));
        }
        this.revisions = revisions;
        this.table = table;
        this.problems = problems;
        this.expectedDigests = expectedDigests;
        this.inserted = inserted;
        this.failed = failed;
    }

    /** @return documents written */
    long write(Batch batch) {
        long n = 0;
        Map<PostStatus, List<Document>> inserts = new EnumMap<>(PostStatus.class);
        for (Document doc : batch.inserts()) {
            inserts.computeIfAbsent(PostStatus.ofField(doc.get(PostSchema.STATUS)), s -> new ArrayList<>()).add(doc);
        }
        for (Map.Entry<PostStatus, List<Document>> e : inserts.entrySet()) {
            try {
                collections.get(e.getKey()).insertMany(e.getValue(), new InsertManyOptions().ordered(false));
                n += e.getValue().size();
            } catch (MongoBulkWriteException failure) {
                n += e.getValue().size() - failure.getWriteErrors().size();
                recordFailures(failure, e.getValue());
            }
        }
        Map<PostStatus, List<Change>> inPlace = new EnumMap<>(PostStatus.class);
        for (Change change : batch.changes()) {
            if (change.from() == change.to()) {
                inPlace.computeIfAbsent(change.to(), s -> new ArrayList<>()).add(change);
            } else {
                n += move(change) ? 1 : 0;
            }
        }
        for (Map.Entry<PostStatus, List<Change>> e : inPlace.entrySet()) {
            n += update(collections.get(e.getKey()), e.getValue());
        }
        return n;
    }

    private long update(MongoCollection<Document> collection, List<Change> changes) {
        Map<Object, Document> before = new LinkedHashMap<>();
        List<WriteModel<Document>> models = new ArrayList<>();
        for (Change change : changes) {
            Document doc = collection.find(new Document(PostSchema.ID, change.id())).first();
            if (doc != null) {
                before.put(change.id(), doc);
            }
            models.add(new UpdateOneModel<>(new Document(PostSchema.ID, change.id()), change.update()));
        }
        long n;
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            n = models.size();
        } catch (MongoBulkWriteException e) {
            n = models.size() - e.getWriteErrors().size();
            recordFailures(e, null);
        }
        for (Map.Entry<Object, Document> e : before.entrySet()) {
            Document now = collection.find(new Document(PostSchema.ID, e.getKey())).first();
            if (now != null && !Objects.equals(now.get(PostSchema.VERSION), e.getValue().get(PostSchema.VERSION))) {
                recordRevision(collection, e.getValue(), now);
            }
        }
        return n;
    }

    /**
     * A row published or unpublished at the source since the last import: the updated post is written to
     * the collection it belongs in, then removed from the other. Cut short, it leaves two copies, never
     * none, and the store settles on the published one as it does for the editor's moves.
     */
    private boolean move(Change change) {
        MongoCollection<Document> from = collections.get(change.from());
        MongoCollection<Document> to = collections.get(change.to());
        Document byId = new Document(PostSchema.ID, change.id());
        Document stored = from.find(byId).first();
        if (stored == null) {
            return false; // moved or deleted meanwhile: the next run sees where it is
        }
        Document moved = new Document(stored);
        change.update().get("$set", Document.class).forEach(moved::put);
        Document unset = change.update().get("$unset", Document.class);
        if (unset != null) {
            unset.keySet().forEach(moved::remove);
        }
        long version = stored.get(PostSchema.VERSION) instanceof Number v ? v.longValue() : 0L;
        moved.put(PostSchema.VERSION, version + 1);
        try {
            to.replaceOne(byId, moved, new ReplaceOptions().upsert(true));
            from.deleteOne(byId);
        } catch (com.mongodb.MongoWriteException e) {
            failed.incrementAndGet();
            problems.add(new ImportProblem(table, stored.get(PostSchema.LEGACY, Document.class).get(PostSchema.LEGACY_ID),
                    Reason.WRITE_FAILED, "The store refused to move the post to " + change.to().collection() + " ("
                    + e.getError().getMessage() + ")."));
            return false;
        }
        recordRevision(to, stored, moved);
        return true;
    }

    /** An import that changed a post adds a revision of what it wrote (and of the state before, if none had it). */
    private void recordRevision(MongoCollection<Document> collection, Document before, Document now) {
        Object id = now.get(PostSchema.ID);
        try {
            ObjectId revision = revisions.recordStored(before, now, RevisionSource.IMPORT);
            collection.updateOne(new Document(PostSchema.ID, id), Updates.set(PostRevisions.POINTER, revision));
        } catch (dev.blogdesk.store.StoreException | com.mongodb.MongoException failure) {
            log.warn("Post {} was updated, but its revision was not kept: {}", id, failure.getMessage());
        }
    }

    private void recordFailures(MongoBulkWriteException e, List<Document> inserts) {
        for (BulkWriteError error : e.getWriteErrors()) {
            failed.incrementAndGet();
            Object id = null;
            if (inserts != null && error.getIndex() < inserts.size()) {
                Document doc = inserts.get(error.getIndex());
                id = doc.get(PostSchema.LEGACY, Document.class).get(PostSchema.LEGACY_ID);
                expectedDigests.remove(doc.getObjectId(PostSchema.ID));
                inserted.decrementAndGet();
            }
            problems.add(new ImportProblem(table, id, Reason.WRITE_FAILED,
                    "The store refused the document (code " + error.getCode() + ": " + error.getMessage() + ")."));
        }
    }
}
