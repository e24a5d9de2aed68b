package dev.blogdesk.importer;

import com.mongodb.client.MongoDatabase;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.types.ObjectId;
import dev.blogdesk.importer.EarlierImports.Imported;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * One import run: a reader thread builds documents from the source rows while writer threads store them
 * (reader -> bounded queue -> batched unordered writes), and the counts, checksums and problems the
 * report and the verification need.
 */
final class ImportRun {
    final SourceSnapshot snapshot;
    final MappingPlan plan;
    final DocumentFactory factory;
    final EarlierImports earlier;
    private final int batchSize;
    private final int writerCount;
    final ImportRequest.SameBlog sameBlog;
    /** Rows recognised as imported before from another file of the same blog, and those files. */
    final AtomicLong alreadyImported = new AtomicLong();
    final java.util.Set<String> otherFiles = new java.util.TreeSet<>();
    final boolean dryRun;
    final boolean importPages;
    final AtomicBoolean cancel;
    final int sampleSize;
    final Consumer<Document> sample;
    final ImportRequest request;
    final BatchWriter writer;
    /** Reads each batch back once the store acknowledged it; the rest after the load. */
    final ImportVerifier verifier;
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
    /** The old blog's revisions, when it keeps any; the new posts that have some; how many they have. */
    LegacyRevisions history;
    final List<WithHistory> withHistory = new ArrayList<>();
    long revisionCount;

    /** A new post whose earlier versions are imported once it is written. */
    private record WithHistory(String rowId, ObjectId id, PostStatus status, String title, java.time.Instant date) {
    }

    final SourceEngine engine;

    private final dev.blogdesk.store.PostRevisions revisions;

    ImportRun(MongoDatabase database, SourceSnapshot snapshot, MappingPlan plan, DocumentFactory factory,
              EarlierImports earlier, ImportRequest request, SourceEngine engine, ImportTarget target) {
        this.batchSize = target.batchSize;
        this.writerCount = target.writers;
        this.revisions = new dev.blogdesk.store.PostRevisions(database);
        this.engine = engine;
        this.snapshot = snapshot;
        this.plan = plan;
        this.factory = factory;
        this.earlier = earlier;
        this.sameBlog = request.sameBlog();
        this.dryRun = request.dryRun();
        this.importPages = request.importPages();
        this.cancel = request.cancel();
        this.sampleSize = request.sampleSize();
        this.sample = request.sample();
        this.request = request;
        this.writer = new BatchWriter(database, revisions, plan.table(), problems, expectedDigests, inserted, failed);
        this.verifier = new ImportVerifier(database.getCollection(PostStatus.PUBLISHED.collection()),
                database.getCollection(PostStatus.DRAFT.collection()), plan.table(), problems);
    }

    boolean cancelled() {
        return cancel.get();
    }

    /** Work for the writers; the end marker ends the stream. */
    private record Batch(BatchWriter.Batch work, boolean end) {
    }

    void execute(ImportProgress progress, long total, SqliteSchema schema) throws SQLException {
        history = LegacyRevisions.open(snapshot.connection(), schema, engine, plan).orElse(null);
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
        // Batches in flight (the target says how many) keep the store busy while the driver waits for a reply.
        ExecutorService writers = Executors.newFixedThreadPool(writerCount, r -> {
            Thread t = new Thread(r, "blogdesk-import-writer");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(writerCount);
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
                            if (!cancel.get()) {
                                verifier.checkInserted(batch.work().inserts(), expectedDigests);
                            }
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
        List<Document> inserts = new ArrayList<>(batchSize);
        long batchChars = 0;
        List<BatchWriter.Change> updates = new ArrayList<>();
        int sampled = 0;
        int differing = 0;
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
                if (differing < ImportRequest.MAX_DIFFERING) {
                    for (ImportProblem p : rowProblems) {
                        if (p.reason() == Reason.CONVERSION_DIFFERS && differing++ < ImportRequest.MAX_DIFFERING) {
                            request.differing().accept(new ImportRequest.Differing(doc, p.message(), row.renderedHtml()));
                        }
                    }
                }
                classify(doc, inserts, updates);
                batchChars += doc.getString(PostSchema.CONTENT).length();
                if (inserts.size() + updates.size() >= batchSize || batchChars >= ImportEngine.BATCH_CHARS) {
                    queue.put(new Batch(new BatchWriter.Batch(inserts, updates), false));
                    batchChars = 0;
                    inserts = new ArrayList<>(batchSize);
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
        String rowId = String.valueOf(legacy.get(PostSchema.LEGACY_ID));
        Imported previous = earlier.fromThisFile(rowId);
        if (previous != null) {
            id = previous.id();
        } else {
            String title = legacy.getString("title_raw") != null ? legacy.getString("title_raw") : doc.getString(PostSchema.TITLE);
            Optional<Imported> same = earlier.fromAnotherFile(rowId, checksum, title,
                    legacy.getString("date_raw"));
            if (same.isPresent()) {
                alreadyImported.incrementAndGet();
                otherFiles.add(same.get().source());
                if (sameBlog == ImportRequest.SameBlog.SKIP) {
                    skipped.incrementAndGet();
                    problems.add(new ImportProblem(plan.table(), legacy.get(PostSchema.LEGACY_ID), Reason.ALREADY_IMPORTED,
                            "Imported before from " + same.get().source() + "."));
                    return;
                }
                if (sameBlog == ImportRequest.SameBlog.UPDATE) {
                    previous = same.get();
                    id = previous.id();
                }
            }
        }
        if (previous == null) {
            inserts.add(doc);
            inserted.incrementAndGet();
            expectedDigests.put(id, DocumentFactory.contentDigest(doc));
            countStatus(status);
            countUndated(doc);
            long versions = history == null ? 0 : history.count(rowId);
            if (versions > 0) {
                revisionCount += versions;
                withHistory.add(new WithHistory(rowId, id, status, doc.getString(PostSchema.TITLE),
                        doc.getDate(PostSchema.UPDATED_AT).toInstant()));
            }
        } else if (checksum.equals(previous.checksum()) && DocumentFactory.imagesOf(legacy) <= previous.images()) {
            // Left where it is, also when the writer published or unpublished it in BlogDesk since. Images found
            // only now (the old site's folder given on a re-run) change the post, though its row did not.
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

    /** With {@code write}, adds the old blog's earlier versions of each new post to its history, now that it is written. */
    void finishHistory(boolean write) throws SQLException {
        if (history == null) {
            return;
        }
        try (LegacyRevisions open = history) {
            for (WithHistory post : write ? withHistory : List.<WithHistory>of()) {
                if (expectedDigests.containsKey(post.id())) { // not refused by the store
                    revisions.addImported(post.id(), post.status(),
                            open.of(post.rowId(), post.title(), post.date(), factory::markdownOf));
                }
            }
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
