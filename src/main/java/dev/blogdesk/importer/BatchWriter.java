package dev.blogdesk.importer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.PostSchema;
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

    /** Work for a writer: documents to insert, updates of changed rows. */
    record Batch(List<Document> inserts, List<WriteModel<Document>> updates) {
    }

    private final MongoCollection<Document> posts;
    private final String table;
    private final ImportReport.Problems problems;
    private final Map<ObjectId, Long> expectedDigests;
    private final AtomicLong inserted;
    private final AtomicLong failed;

    /**
     * @param expectedDigests what verification expects of each document; a refused one is taken out
     * @param inserted        counted when a document was queued; a refused insert is taken back
     */
    BatchWriter(MongoCollection<Document> posts, String table, ImportReport.Problems problems,
                Map<ObjectId, Long> expectedDigests, AtomicLong inserted, AtomicLong failed) {
        this.posts = posts;
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
            try {
                posts.bulkWrite(batch.updates(), new BulkWriteOptions().ordered(false));
                n += batch.updates().size();
            } catch (MongoBulkWriteException e) {
                n += batch.updates().size() - e.getWriteErrors().size();
                recordFailures(e, null);
            }
        }
        return n;
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
