package dev.blogdesk.importer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.importer.ImportProblem.Reason;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.RevisionSource;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one batch of an import: new documents with one unordered {@code insertMany}, changed rows with
 * one unordered {@code bulkWrite}. A document the store refuses is counted and reported; the rest of
 * the batch still lands. Safe to call from several writer threads at once.
 */
final class BatchWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchWriter.class);

    /** Work for a writer: documents to insert, updates of changed rows. */
    record Batch(List<Document> inserts, List<WriteModel<Document>> updates) {
    }

    private final MongoCollection<Document> posts;
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
    BatchWriter(MongoCollection<Document> posts, PostRevisions revisions, String table, ImportReport.Problems problems,
                Map<ObjectId, Long> expectedDigests, AtomicLong inserted, AtomicLong failed) {
        this.posts = posts;
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
        if (!batch.inserts().isEmpty()) {
            try {
                posts.insertMany(batch.inserts(), new InsertManyOptions().ordered(false));
                n += batch.inserts().size();
            } catch (MongoBulkWriteException e) {
                n += batch.inserts().size() - e.getWriteErrors().size();
                recordFailures(e, batch.inserts());
            }
        }
        if (!batch.updates().isEmpty()) {
            Map<Object, Document> before = stored(batch.updates());
            try {
                posts.bulkWrite(batch.updates(), new BulkWriteOptions().ordered(false));
                n += batch.updates().size();
            } catch (MongoBulkWriteException e) {
                n += batch.updates().size() - e.getWriteErrors().size();
                recordFailures(e, null);
            }
            recordRevisions(before);
        }
        return n;
    }

    /** The posts a batch of updates changes, as they are before it (the history keeps that state). */
    private Map<Object, Document> stored(List<WriteModel<Document>> updates) {
        Map<Object, Document> before = new java.util.LinkedHashMap<>();
        for (WriteModel<Document> model : updates) {
            if (model instanceof UpdateOneModel<Document> update && update.getFilter() instanceof Document filter) {
                Object id = filter.get(PostSchema.ID);
                Document doc = posts.find(new Document(PostSchema.ID, id)).first();
                if (doc != null) {
                    before.put(id, doc);
                }
            }
        }
        return before;
    }

    /** An import that changed a post adds a revision of what it wrote (and of the state before, if none had it). */
    private void recordRevisions(Map<Object, Document> before) {
        for (Map.Entry<Object, Document> e : before.entrySet()) {
            Document now = posts.find(new Document(PostSchema.ID, e.getKey())).first();
            if (now == null || java.util.Objects.equals(now.get(PostSchema.VERSION), e.getValue().get(PostSchema.VERSION))) {
                continue; // the update did not land: nothing changed, nothing to record
            }
            try {
                ObjectId revision = revisions.recordStored(e.getValue(), now, RevisionSource.IMPORT);
                posts.updateOne(new Document(PostSchema.ID, e.getKey()), Updates.set(PostRevisions.POINTER, revision));
            } catch (dev.blogdesk.store.StoreException | com.mongodb.MongoException failure) {
                log.warn("Post {} was updated, but its revision was not kept: {}", e.getKey(), failure.getMessage());
            }
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
