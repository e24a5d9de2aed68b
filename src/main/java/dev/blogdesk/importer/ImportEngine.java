package dev.blogdesk.importer;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.StoreErrors;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
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

    private final MongoDatabase database;
    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;
    private final dev.blogdesk.store.PostRevisions revisions;
    private final Path workDir;
    private final boolean legacyIndex;

    /**
     * @param workDir     a folder inside the data dir for the source's snapshot
     * @param legacyIndex create the unique {@code legacy} key index after the load. Real MongoDB: yes.
     *                    The embedded server: no, it takes ~0.12 ms per document to build there and no
     *                    query uses it; one document per row is guaranteed by the deterministic _id.
     */
    public ImportEngine(MongoDatabase database, Path workDir, boolean legacyIndex) {
        this.database = database;
        this.posts = database.getCollection(PostSchema.COLLECTION);
        this.drafts = database.getCollection(PostSchema.DRAFTS);
        this.revisions = new dev.blogdesk.store.PostRevisions(database);
        this.workDir = workDir;
        this.legacyIndex = legacyIndex;
    }

    /** Reads the schema of {@code file} and proposes a mapping. Writes nothing to the store. */
    public Inspection inspect(Path file, String table) {
        try (SourceSnapshot snapshot = SourceSnapshot.open(file, workDir)) {
            SqliteSchema schema = SqliteSchema.read(snapshot.connection());
            MappingPlan plan = SqliteInspector.propose(schema, table);
            return new Inspection(schema, plan, snapshot.damage(), SqliteInspector.engine(schema, plan));
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.UNREADABLE, "SQLite cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code damage}: what SQLite's check found; the post rows are read in full before anything is written. */
    public record Inspection(SqliteSchema schema, MappingPlan plan, java.util.Optional<String> damage, SourceEngine engine) {
    }

    /**
     * Runs the import. With a dry run, everything is read, built and counted but nothing is written.
     * The request's sample receives the first documents as they will be stored (for the preview).
     */
    public ImportReport run(ImportRequest request, ImportProgress progress) {
        Path file = request.file();
        MappingPlan plan = request.plan();
        boolean dryRun = request.dryRun();
        long started = System.nanoTime();
        String source = file.getFileName().toString();
        Run[] runSoFar = new Run[1]; // for the message when the store stops answering
        try (SourceSnapshot snapshot = SourceSnapshot.open(file, workDir)) {
            SqliteSchema schema = SqliteSchema.read(snapshot.connection());
            MappingPlan effective = plan != null ? plan : SqliteInspector.propose(schema, null);
            SqliteInspector.validate(schema, effective);
            snapshot.requirePostRowsReadable(effective.table());
            long total = schema.table(effective.table()).map(SqliteSchema.Table::rowCount).orElse(0L);
            Map<ObjectId, Imported> existing = existingChecksums(source, effective.table());
            SourceEngine sourceEngine = SqliteInspector.engine(schema, effective);
            Run run = new Run(snapshot, effective, new DocumentFactory(source, effective.table(), request.keepHtml()), existing, request,
                    sourceEngine);
            runSoFar[0] = run;
            long loadStart = System.nanoTime();
            run.execute(progress, total);
            long loaded = System.nanoTime();
            if (!dryRun && !run.cancelled() && legacyIndex) {
                createIndexes();
            }
            long indexed = System.nanoTime();
            ImportReport.Verification verification;
            if (dryRun) {
                verification = new ImportReport.Verification(false, "Not verified: dry run, nothing was written.");
            } else if (run.cancelled()) {
                verification = new ImportReport.Verification(false, "Cancelled after " + run.read
                        + " rows; what was written is kept. Run the import again to finish.");
            } else {
                verification = new ImportVerifier(posts, drafts).verify(source, effective.table(), run.expectedDigests,
                        run.unchangedChecksums, run.problems);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Import phases: prepare {} ms, load {} ms, indexes {} ms, verify {} ms", (loadStart - started) / 1_000_000,
                    (loaded - loadStart) / 1_000_000, (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
            ImportReport.Outcome outcome = dryRun ? ImportReport.Outcome.DRY_RUN
                    : run.cancelled() ? ImportReport.Outcome.CANCELLED : ImportReport.Outcome.IMPORTED;
            ImportReport report = new ImportReport(source, effective.table(), sourceEngine, outcome,
                    new ImportReport.Counts(run.read, run.inserted.get(), run.updated.get(), run.unchanged.get(),
                            run.skipped.get(), run.failed.get(), run.drafts.get(), run.undated.get()),
                    verification, run.relatedRowsRead, run.problems.snapshot(), millis);
            log.info("Import of {} done: {}", source, report.summary().replace('\n', ' '));
            return report;
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.UNREADABLE, "Reading " + source + " failed: " + e.getMessage(), e);
        } catch (MongoException e) {
            Run run = runSoFar[0];
            boolean wroteSome = run != null && run.inserted.get() + run.updated.get() > 0;
            throw new ImportException(ImportException.Code.TARGET, wroteSome
                    ? "The store stopped answering: " + StoreErrors.reason(e) + " What was written is kept; "
                    + "run the import again to finish, nothing will be duplicated."
                    : "The store did not answer: " + StoreErrors.reason(e) + " Nothing was written; "
                    + "run the import again once it is reachable.", e);
        }
    }

    /** A row imported before: its checksum then, and the collection its post is in now. */
    private record Imported(String checksum, PostStatus status) {
    }

    /** Drafts first: a post caught in both collections by an interrupted move is the published one. */
    private Map<ObjectId, Imported> existingChecksums(String source, String table) {
        Map<ObjectId, Imported> map = new HashMap<>();
        for (PostStatus status : List.of(PostStatus.DRAFT, PostStatus.PUBLISHED)) {
            MongoCollection<Document> collection = status == PostStatus.DRAFT ? drafts : posts;
            for (Document d : collection.find(ImportVerifier.fromSource(source, table))
                    .projection(Projections.include(PostSchema.LEGACY_CHECKSUM_PATH)).batchSize(1000)) {
                Document legacy = d.get(PostSchema.LEGACY, Document.class);
                if (d.get(PostSchema.ID) instanceof ObjectId id && legacy != null) {
                    map.put(id, new Imported(legacy.getString(PostSchema.LEGACY_CHECKSUM), status));
                }
            }
        }
        return map;
    }

    private void createIndexes() {
        try {
            posts.createIndex(Indexes.ascending(PostSchema.LEGACY_SOURCE_PATH, PostSchema.LEGACY_TABLE_PATH,
                            PostSchema.LEGACY_ID_PATH),
                    new IndexOptions().name("legacy_key").unique(true).sparse(true));
        } catch (MongoException e) {
            // The deterministic _id already guarantees one document per row; the index only speeds lookups.
            log.warn("Index on legacy key not created: {}", e.getMessage());
        }
    }

    /** One import run: reader thread and writer state. */
    private final class Run {
        final SourceSnapshot snapshot;
        final MappingPlan plan;
        final DocumentFactory factory;
        final Map<ObjectId, Imported> existing;
        final boolean dryRun;
        final boolean importPages;
        final AtomicBoolean cancel;
        final int sampleSize;
        final Consumer<Document> sample;
        final BatchWriter writer;
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
        /** Rows whose post is a draft after the import (of inserted, updated and unchanged). */
        final AtomicLong drafts = new AtomicLong();
        /** Rows written (or to be written) without a date. */
        final AtomicLong undated = new AtomicLong();

        final SourceEngine engine;

        Run(SourceSnapshot snapshot, MappingPlan plan, DocumentFactory factory, Map<ObjectId, Imported> existing,
            ImportRequest request, SourceEngine engine) {
            this.engine = engine;
            this.snapshot = snapshot;
            this.plan = plan;
            this.factory = factory;
            this.existing = existing;
            this.dryRun = request.dryRun();
            this.importPages = request.importPages();
            this.cancel = request.cancel();
            this.sampleSize = request.sampleSize();
            this.sample = request.sample();
            this.writer = new BatchWriter(database, revisions, plan.table(), problems, expectedDigests, inserted, failed);
        }

        boolean cancelled() {
            return cancel.get();
        }

        /** Work for the writers; the end marker ends the stream. */
        private record Batch(BatchWriter.Batch work, boolean end) {
        }

        void execute(ImportProgress progress, long total) throws SQLException {
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
                                written.addAndGet(writer.write(batch.work()));
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
            queue.offer(new Batch(null, true));
        }

        private void readAll(BlockingQueue<Batch> queue) throws SQLException, InterruptedException {
            Date now = new Date();
            Set<String> seenIds = new HashSet<>();
            List<Document> inserts = new ArrayList<>(BATCH_SIZE);
            List<BatchWriter.Change> updates = new ArrayList<>();
            int sampled = 0;
            try (RowReader rows = new RowReader(snapshot.connection(), plan, importPages, engine.titleFromContent())) {
                relatedRowsRead = Map.copyOf(rows.relatedRowsRead());
                problems.addAll(rows.relatedProblems());
                snapshot.damage().ifPresent(damage -> problems.add(new ImportProblem(plan.table(), null, Reason.DAMAGED_FILE,
                        "SQLite's check found damage in the file (" + damage + "); every " + plan.table()
                                + " row read cleanly, so the posts were imported.")));
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
                        queue.put(new Batch(new BatchWriter.Batch(inserts, updates), false));
                        inserts = new ArrayList<>(BATCH_SIZE);
                        updates = new ArrayList<>();
                    }
                }
            }
            if (!inserts.isEmpty() || !updates.isEmpty()) {
                queue.put(new Batch(new BatchWriter.Batch(inserts, updates), false));
            }
            queue.put(new Batch(null, true));
        }

        private void classify(Document doc, List<Document> inserts, List<BatchWriter.Change> updates) {
            ObjectId id = doc.getObjectId(PostSchema.ID);
            Document legacy = doc.get(PostSchema.LEGACY, Document.class);
            String checksum = legacy.getString(PostSchema.LEGACY_CHECKSUM);
            PostStatus status = PostStatus.ofField(doc.get(PostSchema.STATUS));
            Imported previous = existing.get(id);
            if (previous == null) {
                inserts.add(doc);
                inserted.incrementAndGet();
                expectedDigests.put(id, DocumentFactory.contentDigest(doc));
                countStatus(status);
                countUndated(doc);
            } else if (checksum.equals(previous.checksum())) {
                // Left where it is, also when the writer published or unpublished it in BlogDesk since.
                unchanged.incrementAndGet();
                unchangedChecksums.put(id, checksum);
                countStatus(previous.status());
            } else {
                Document set = new Document(doc);
                set.remove(PostSchema.ID);
                set.remove(PostSchema.VERSION);
                Document update = new Document("$set", set).append("$inc", new Document(PostSchema.VERSION, 1L));
                Document unset = new Document();
                for (String optional : List.of(PostSchema.DATE_POSTED, PostSchema.AUTHOR, PostSchema.TAGS, PostSchema.COMMENTS)) {
                    if (!doc.containsKey(optional)) {
                        unset.append(optional, "");
                    }
                }
                if (!unset.isEmpty()) {
                    update.append("$unset", unset);
                }
                updates.add(new BatchWriter.Change(id, update, previous.status(), status));
                updated.incrementAndGet();
                expectedDigests.put(id, DocumentFactory.contentDigest(doc));
                countStatus(status);
                countUndated(doc);
            }
        }

        private void countUndated(Document doc) {
            if (!doc.containsKey(PostSchema.DATE_POSTED)) {
                undated.incrementAndGet();
            }
        }

        private void countStatus(PostStatus status) {
            if (status == PostStatus.DRAFT) {
                drafts.incrementAndGet();
            }
        }
    }
}
