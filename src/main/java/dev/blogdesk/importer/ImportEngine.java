package dev.blogdesk.importer;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.blogdesk.store.StoreErrors;
import dev.blogdesk.store.PostSchema;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * Imports a legacy SQLite blog into the {@code posts} collection. The store is the bottleneck, so a
 * reader thread builds documents while this thread writes them: reader -> bounded queue -> batched
 * unordered writes. Re-runs are idempotent: each row has a deterministic {@code _id}, and a row whose
 * source values did not change since the last import is left alone (even if edited in BlogDesk since).
 */
public final class ImportEngine {

    public static final int BATCH_SIZE = 1000;
    /**
     * Documents per write to a MongoDB server over the network: each write is a round trip and, on a
     * {@code serve} endpoint, a durable commit, so fewer and larger writes keep up with a plain insertMany.
     */
    static final int SERVER_BATCH_SIZE = 10_000;
    /** A batch is written once its text reaches this many characters, however few documents it has. */
    static final long BATCH_CHARS = 8L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> drafts;
    private final Path workDir;
    private final ImportTarget target;

    /**
     * @param workDir a folder inside the data dir for the source's snapshot
     * @param target  what serves {@code database}: it decides the batch size and the legacy index (one
     *                document per row is guaranteed by the deterministic _id either way)
     */
    public ImportEngine(MongoDatabase database, Path workDir, ImportTarget target) {
        this.database = database;
        this.posts = database.getCollection(PostSchema.COLLECTION);
        this.drafts = database.getCollection(PostSchema.DRAFTS);
        this.workDir = workDir;
        this.target = target;
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
        ImportRun[] runSoFar = new ImportRun[1]; // for the message when the store stops answering
        if (request.siteFolder() != null && !java.nio.file.Files.isDirectory(request.siteFolder())) {
            throw new ImportException(ImportException.Code.BAD_MAPPING, "There is no folder " + request.siteFolder()
                    + ": choose the old site's folder for its images, or leave it empty.");
        }
        try (SourceSnapshot snapshot = SourceSnapshot.open(file, workDir)) {
            SqliteSchema schema = SqliteSchema.read(snapshot.connection());
            MappingPlan effective = plan != null ? plan : SqliteInspector.propose(schema, null);
            SqliteInspector.validate(schema, effective);
            snapshot.requirePostRowsReadable(effective.table());
            long total = schema.table(effective.table()).map(SqliteSchema.Table::rowCount).orElse(0L);
            EarlierImports existing = EarlierImports.load(drafts, posts, source, effective.table());
            LegacyImages images = new LegacyImages(request.siteFolder(), new dev.blogdesk.store.PostImages(database), request.imagePrefix(),
                    !dryRun);
            DocumentFactory factory = new DocumentFactory(source, effective.table(), request.keepHtml(), images);
            SourceEngine sourceEngine = SqliteInspector.engine(schema, effective);
            ImportRun run = new ImportRun(database, snapshot, effective, factory, existing, request,
                    sourceEngine, target);
            runSoFar[0] = run;
            long loadStart = System.nanoTime();
            if (!dryRun && target.legacyIndex) {
                // Kept up as the documents arrive: building it afterwards took the server longer than the load.
                createIndexes();
            }
            long indexed = System.nanoTime();
            run.execute(progress, total, schema);
            run.finishHistory(!dryRun && !run.cancelled());
            long loaded = System.nanoTime();
            ImportReport.Verification verification;
            if (dryRun) {
                verification = new ImportReport.Verification(false, "Not verified: dry run, nothing was written.");
            } else if (run.cancelled()) {
                verification = new ImportReport.Verification(false, "Cancelled after " + run.read
                        + " rows; what was written is kept. Run the import again to finish.");
            } else {
                verification = run.verifier.finish(run.expectedDigests, run.unchangedChecksums, existing.goneFromThisFile());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Import phases: prepare {} ms, indexes {} ms, load {} ms, verify {} ms", (loadStart - started) / 1_000_000,
                    (indexed - loadStart) / 1_000_000, (loaded - indexed) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
            ImportReport.Outcome outcome = dryRun ? ImportReport.Outcome.DRY_RUN
                    : run.cancelled() ? ImportReport.Outcome.CANCELLED : ImportReport.Outcome.IMPORTED;
            ImportReport report = new ImportReport(source, effective.table(), sourceEngine, outcome,
                    new ImportReport.Counts(run.read, run.inserted.get(), run.updated.get(), run.unchanged.get(),
                            run.skipped.get(), run.failed.get(), run.drafts.get(), run.undated.get(), run.revisionCount,
                            run.alreadyImported.get(), List.copyOf(run.otherFiles), request.sameBlog(),
                            images.imported, images.notFound, factory.conversions()),
                    verification, run.relatedRowsRead, run.problems.snapshot(), millis);
            log.info("Import of {} done: {}", source, report.summary().replace('\n', ' '));
            return report;
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.UNREADABLE, "Reading " + source + " failed: " + e.getMessage(), e);
        } catch (MongoException e) {
            ImportRun run = runSoFar[0];
            boolean wroteSome = run != null && run.inserted.get() + run.updated.get() > 0;
            throw new ImportException(ImportException.Code.TARGET, wroteSome
                    ? "The store stopped answering: " + StoreErrors.reason(e) + " What was written is kept; "
                    + "run the import again to finish, nothing will be duplicated."
                    : "The store did not answer: " + StoreErrors.reason(e) + " Nothing was written; "
                    + "run the import again once it is reachable.", e);
        }
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
}
