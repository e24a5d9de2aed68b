package dev.blogdesk.importer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.MongoPostRepository;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Imports a legacy SQLite blog into the {@code posts} collection. The store is the bottleneck, so a
 * reader thread builds documents while this thread writes them: reader -> bounded queue -> batched
 * unordered writes. Re-runs are idempotent: each row has a deterministic {@code _id}, and a row whose
 * source values did not change since the last import is left alone (even if edited in BlogDesk since).
 */
public final class ImportEngine {

    public static final int BATCH_SIZE = 1000;
    static final int WRITERS = 2;
    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

    /** Called from the importing thread after every batch. */
    public interface ProgressListener {
        void progress(long read, long written, long total);
    }

    private final MongoCollection<Document> posts;
    private final Path workDir;
    private final boolean legacyIndex;

    /**
     * @param workDir     a folder inside the data dir for the source's snapshot
     * @param legacyIndex create the unique {@code legacy} key index after the load. Real MongoDB: yes.
     *                    The embedded server: no, it takes ~0.12 ms per document to build there and no
     *                    query uses it; one document per row is guaranteed by the deterministic _id.
     */
    public ImportEngine(MongoDatabase database, Path workDir, boolean legacyIndex) {
        this.posts = database.getCollection(MongoPostRepository.COLLECTION);
        this.workDir = workDir;
        this.legacyIndex = legacyIndex;
    }

    /** Reads the schema of {@code file} and proposes a mapping. Writes nothing to the store. */
    public Inspection inspect(Path file, String table) {
        try (SourceSnapshot snapshot = SourceSnapshot.open(file, workDir)) {
            SqliteSchema schema = SqliteSchema.read(snapshot.connection());
            return new Inspection(schema, SqliteInspector.propose(schema, table));
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.UNREADABLE, "SQLite cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public record Inspection(SqliteSchema schema, MappingPlan plan) {
    }

    /**
     * Runs the import. With {@code dryRun}, everything is read, built and counted but nothing is written.
     * {@code sample} receives the first documents as they will be stored (for the preview).
     */
    public ImportReport run(Path file, MappingPlan plan, boolean dryRun, ProgressListener progress,
                            AtomicBoolean cancel, int sampleSize, Consumer<Document> sample) {
        long started = System.nanoTime();
        String source = file.getFileName().toString();
        try (SourceSnapshot snapshot = SourceSnapshot.open(file, workDir)) {
            SqliteSchema schema = SqliteSchema.read(snapshot.connection());
            MappingPlan effective = plan != null ? plan : SqliteInspector.propose(schema, null);
            SqliteInspector.validate(schema, effective);
            long total = schema.table(effective.table()).map(SqliteSchema.Table::rowCount).orElse(0L);
            Map<ObjectId, String> existing = existingChecksums(source, effective.table());
            Run run = new Run(snapshot, effective, new DocumentFactory(source, effective.table()), existing, dryRun,
                    cancel, sampleSize, sample);
            long loadStart = System.nanoTime();
            run.execute(progress, total);
            long loaded = System.nanoTime();
            if (!dryRun && !run.cancelled() && legacyIndex) {
                createIndexes();
            }
            long indexed = System.nanoTime();
            String verification;
            boolean verified = false;
            if (dryRun) {
                verification = "Not verified: dry run, nothing was written.";
            } else if (run.cancelled()) {
                verification = "Cancelled after " + run.read + " rows; what was written is kept. Run the import again to finish.";
            } else {
                Verification v = verify(source, effective.table(), run.expectedDigests, run.unchangedChecksums, run.problems);
                verified = v.ok();
                verification = v.message();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Import phases: prepare {} ms, load {} ms, indexes {} ms, verify {} ms", (loadStart - started) / 1_000_000,
                    (loaded - loadStart) / 1_000_000, (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
            ImportReport report = new ImportReport(source, effective.table(), dryRun, run.cancelled(), run.read, run.inserted.get(),
                    run.updated.get(), run.unchanged.get(), run.skipped.get(), run.failed.get(), verified, verification, run.relatedRowsRead,
                    run.problems.countsCopy(), List.copyOf(run.problems.listed), run.problems.notListed, millis);
            log.info("Import of {} done: {}", source, report.summary().replace('\n', ' '));
            return report;
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.UNREADABLE, "Reading " + source + " failed: " + e.getMessage(), e);
        } catch (MongoException e) {
            throw new ImportException(ImportException.Code.TARGET, "The store stopped answering (" + e.getClass().getSimpleName()
                    + "). What was written is kept; run the import again to finish, nothing will be duplicated.", e);
        }
    }

    private Map<ObjectId, String> existingChecksums(String source, String table) {
        Map<ObjectId, String> map = new HashMap<>();
        for (Document d : posts.find(new Document("legacy.source", source).append("legacy.table", table))
                .projection(Projections.include("legacy.checksum")).batchSize(1000)) {
            Document legacy = d.get("legacy", Document.class);
            if (d.get("_id") instanceof ObjectId id && legacy != null) {
                map.put(id, legacy.getString("checksum"));
            }
        }
        return map;
    }

    private void createIndexes() {
        try {
            posts.createIndex(Indexes.ascending("legacy.source", "legacy.table", "legacy.id"),
                    new IndexOptions().name("legacy_key").unique(true).sparse(true));
        } catch (MongoException e) {
            // The deterministic _id already guarantees one document per row; the index only speeds lookups.
            log.warn("Index on legacy key not created: {}", e.getMessage());
        }
    }

    private record Verification(boolean ok, String message) {
    }

    private Verification verify(String source, String table, Map<ObjectId, Long> expected, Map<ObjectId, String> unchanged,
                                ImportReport.Problems problems) {
        Set<ObjectId> seen = new HashSet<>();
        long mismatched = 0;
        long stale = 0;
        for (Document d : posts.find(new Document("legacy.source", source).append("legacy.table", table))
                .projection(Projections.include("title", "content", "date_posted", "legacy.checksum", "legacy.id"))
                .batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
            ObjectId id = d.getObjectId("_id");
            Long digest = expected.get(id);
            String checksum = unchanged.get(id);
            if (digest != null) {
                seen.add(id);
                if (digest != DocumentFactory.contentDigest(d.get("title"), d.get("content"), d.get("date_posted"))) {
                    mismatched++;
                    problems.add(new ImportProblem(table, d.get("legacy", Document.class).get("id"), Reason.VERIFY_MISMATCH,
                            "The stored title, content or date differs from the source."));
                }
            } else if (checksum != null) {
                seen.add(id);
            } else {
                stale++;
            }
        }
        long missing = expected.size() + unchanged.size() - seen.size();
        boolean ok = mismatched == 0 && missing == 0;
        String message = ok
                ? "Verified: all " + seen.size() + " documents are stored and match the source (content checksums)."
                : "NOT verified: " + missing + " documents missing, " + mismatched + " differ from the source.";
        if (stale > 0) {
            message += " " + stale + " documents from earlier imports have no row in the source any more; they were left as they are.";
        }
        return new Verification(ok, message);
    }

    /** One import run: reader thread and writer state. */
    private final class Run {
        final SourceSnapshot snapshot;
        final MappingPlan plan;
        final DocumentFactory factory;
        final Map<ObjectId, String> existing;
        final boolean dryRun;
        final AtomicBoolean cancel;
        final int sampleSize;
        final Consumer<Document> sample;
        final ImportReport.Problems problems = new ImportReport.Problems();
        // Written by the reader thread, corrected by the writer thread on write errors.
        final Map<ObjectId, Long> expectedDigests = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<ObjectId, String> unchangedChecksums = new HashMap<>();
        volatile Map<String, Long> relatedRowsRead = Map.of();
        volatile long read;
        final AtomicLong inserted = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Run(SourceSnapshot snapshot, MappingPlan plan, DocumentFactory factory, Map<ObjectId, String> existing,
            boolean dryRun, AtomicBoolean cancel, int sampleSize, Consumer<Document> sample) {
            this.snapshot = snapshot;
            this.plan = plan;
            this.factory = factory;
            this.existing = existing;
            this.dryRun = dryRun;
            this.cancel = cancel;
            this.sampleSize = sampleSize;
            this.sample = sample;
        }

        boolean cancelled() {
            return cancel.get();
        }

        /** Work for the writer: documents to insert, updates of changed rows. An empty batch ends the stream. */
        private record Batch(List<Document> inserts, List<WriteModel<Document>> updates, boolean end) {
        }

        void execute(ProgressListener progress, long total) throws SQLException {
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
            Throwable[] readerFailure = new Throwable[1];
            Thread reader = new Thread(() -> {
                try {
                    readAll(queue);
                } catch (Throwable t) {
                    readerFailure[0] = t;
                    cancel.set(true);
                    offerEnd(queue);
                }
            }, "blogdesk-import-reader");
            reader.setDaemon(true);
            reader.start();
            AtomicLong written = new AtomicLong();
            // Two batches in flight keep the store busy while the driver waits for the other's reply.
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
                Thread t = new Thread(r, "blogdesk-import-writer");
                t.setDaemon(true);
                return t;
            });
            Semaphore inFlight = new Semaphore(WRITERS);
            List<Future<?>> pending = new ArrayList<>();
            try {
                while (true) {
                    Batch batch = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (batch == null) {
                        if (!reader.isAlive() && queue.isEmpty()) {
                            break;
                        }
                        continue;
                    }
                    if (batch.end()) {
                        break;
                    }
                    if (!dryRun && !cancel.get()) {
                        inFlight.acquire();
                        pending.removeIf(f -> f.isDone() && rethrow(f));
                        pending.add(writers.submit(() -> {
                            try {
                                written.addAndGet(write(batch));
                            } finally {
                                inFlight.release();
                            }
                        }));
                    }
                    progress.progress(read, written.get(), total);
                }
                for (Future<?> f : pending) {
                    f.get();
                }
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
            } catch (ExecutionException e) {
                cancel.set(true);
                offerEnd(queue);
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                writers.shutdownNow();
            }
            if (readerFailure[0] instanceof SQLException e) {
                throw e;
            }
            if (readerFailure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (readerFailure[0] != null) {
                throw new IllegalStateException(readerFailure[0]);
            }
            progress.progress(read, written.get(), total);
        }

        /** @return true once the finished write is checked (a failed one throws) */
        private boolean rethrow(Future<?> done) {
            try {
                done.get();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void offerEnd(BlockingQueue<Batch> queue) {
            queue.clear();
            queue.offer(new Batch(List.of(), List.of(), true));
        }

        private void readAll(BlockingQueue<Batch> queue) throws SQLException, InterruptedException {
            Date now = new Date();
            Set<String> seenIds = new HashSet<>();
            List<Document> inserts = new ArrayList<>(BATCH_SIZE);
            List<WriteModel<Document>> updates = new ArrayList<>();
            int sampled = 0;
            try (RowReader rows = new RowReader(snapshot.connection(), plan)) {
                relatedRowsRead = Map.copyOf(rows.relatedRowsRead());
                problems.addAll(rows.relatedProblems());
                SourceRow row;
                while (!cancel.get() && (row = rows.next()) != null) {
                    read++;
                    List<ImportProblem> rowProblems = new ArrayList<>(row.problems());
                    if (row.id() == null) {
                        rowProblems.add(new ImportProblem(plan.table(), null, Reason.MISSING_ID, "The id is NULL (row " + read + ")."));
                    } else if (!seenIds.add(row.idText())) {
                        rowProblems.add(new ImportProblem(plan.table(), row.id(), Reason.DUPLICATE_ID, "Another row has id " + row.id() + "."));
                    }
                    Document doc = rowProblems.stream().anyMatch(p -> p.reason().skipsRow()) ? null
                            : factory.build(row, now, rowProblems);
                    problems.addAll(rowProblems);
                    if (doc == null) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    if (sampled < sampleSize) {
                        sample.accept(doc);
                        sampled++;
                    }
                    classify(doc, inserts, updates);
                    if (inserts.size() + updates.size() >= BATCH_SIZE) {
                        queue.put(new Batch(inserts, updates, false));
                        inserts = new ArrayList<>(BATCH_SIZE);
                        updates = new ArrayList<>();
                    }
                }
            }
            if (!inserts.isEmpty() || !updates.isEmpty()) {
                queue.put(new Batch(inserts, updates, false));
            }
            queue.put(new Batch(List.of(), List.of(), true));
        }

        private void classify(Document doc, List<Document> inserts, List<WriteModel<Document>> updates) {
            ObjectId id = doc.getObjectId("_id");
            Document legacy = doc.get("legacy", Document.class);
            String checksum = legacy.getString("checksum");
            String previous = existing.get(id);
            if (previous == null) {
                inserts.add(doc);
                inserted.incrementAndGet();
                expectedDigests.put(id, DocumentFactory.contentDigest(doc.get("title"), doc.get("content"), doc.get("date_posted")));
            } else if (previous.equals(checksum)) {
                unchanged.incrementAndGet();
                unchangedChecksums.put(id, checksum);
            } else {
                Document set = new Document(doc);
                set.remove("_id");
                set.remove("version");
                Document update = new Document("$set", set).append("$inc", new Document("version", 1L));
                Document unset = new Document();
                for (String optional : List.of("date_posted", "author", "tags", "comments")) {
                    if (!doc.containsKey(optional)) {
                        unset.append(optional, "");
                    }
                }
                if (!unset.isEmpty()) {
                    update.append("$unset", unset);
                }
                updates.add(new UpdateOneModel<>(new Document("_id", id), update));
                updated.incrementAndGet();
                expectedDigests.put(id, DocumentFactory.contentDigest(doc.get("title"), doc.get("content"), doc.get("date_posted")));
            }
        }

        /** @return documents written */
        private long write(Batch batch) {
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
                    id = doc.get("legacy", Document.class).get("id");
                    expectedDigests.remove(doc.getObjectId("_id"));
                    inserted.decrementAndGet();
                }
                problems.add(new ImportProblem(plan.table(), id, Reason.WRITE_FAILED,
                        "The store refused the document (code " + error.getCode() + ": " + error.getMessage() + ")."));
            }
        }
    }
}
