package dev.blogdesk.importer;

import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An embedded store in a fresh data folder and an import engine writing to it, for the importer's tests. */
abstract class ImporterFixture {

    @TempDir
    Path dir;
    TestStore store;
    ImportEngine engine;

    @BeforeEach
    void openStore() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        store = TestStore.open(dir.resolve("data"));
        engine = new ImportEngine(store.database(), dir.resolve("data/import-work"), TestStore.isRealServer() ? ImportTarget.MONGODB_SERVER : ImportTarget.IN_PROCESS);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    ImportReport run(Path file) {
        return run(file, null, false);
    }

    ImportReport run(Path file, MappingPlan plan, boolean dryRun) {
        return engine.run(ImportRequest.of(file, plan).withDryRun(dryRun), ImportProgress.NONE);
    }

    /** The published post imported from this table's row, or null. */
    Document stored(String table, Object id) {
        return store.posts().find(new Document("legacy.table", table).append("legacy.id", id)).first();
    }

    /** The report's problems as "reason:id". */
    List<String> codes(ImportReport report) {
        return report.problems().stream().map(p -> p.reason().code() + ":" + p.id()).toList();
    }

    /** The published post with this title, or null. */
    Document post(String title) {
        return store.posts().find(new Document("title", title)).first();
    }

    /** The draft with this title, or null. */
    Document draft(String title) {
        return store.drafts().find(new Document("title", title)).first();
    }
}
