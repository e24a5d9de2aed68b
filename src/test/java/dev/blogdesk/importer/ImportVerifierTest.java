package dev.blogdesk.importer;

import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-back after an import: it notices a document the store lost or changed, and posts whose row is gone. */
class ImportVerifierTest extends ImporterFixture {

    private static Document post(String title, String status) {
        Document doc = new Document("_id", new ObjectId()).append("title", title).append("content", "Text of " + title)
                .append("date_posted", new Date(1_600_000_000_000L)).append("legacy", new Document("id", title));
        return status == null ? doc : doc.append("status", status);
    }

    @Test
    void aDocumentTheStoreChangedOrLostAfterAcknowledgingItIsReportedAndTheImportIsNotVerified() {
        List<Document> batch = List.of(post("Kept", null), post("Changed", null), post("Lost", "draft"), post("Draft", "draft"));
        Map<ObjectId, Long> expected = new HashMap<>();
        for (Document doc : batch) {
            expected.put(doc.getObjectId("_id"), DocumentFactory.contentDigest(doc));
        }
        store.posts().insertMany(List.of(batch.get(0), batch.get(1)));
        store.drafts().insertMany(List.of(batch.get(2), batch.get(3)));
        store.posts().updateOne(new Document("title", "Changed"), new Document("$set", new Document("content", "Cut sho")));
        store.drafts().deleteOne(new Document("title", "Lost"));
        ImportReport.Problems problems = new ImportReport.Problems();
        ImportVerifier verifier = new ImportVerifier(store.posts(), store.drafts(), "post", problems);

        verifier.checkInserted(batch, expected);
        ImportReport.Verification verification = verifier.finish(expected, Map.of(), 0);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.message()).isEqualTo("NOT verified: 1 documents missing, 1 differ from the source.");
        assertThat(problems.snapshot().listed()).extracting(p -> p.id() + ":" + p.reason().code()).containsExactly("Changed:verify_mismatch");

        ImportVerifier whole = new ImportVerifier(store.posts(), store.drafts(), "post", new ImportReport.Problems());
        Map<ObjectId, Long> intact = Map.of(batch.get(0).getObjectId("_id"), expected.get(batch.get(0).getObjectId("_id")),
                batch.get(3).getObjectId("_id"), expected.get(batch.get(3).getObjectId("_id")));
        whole.checkInserted(batch, intact);
        assertThat(whole.finish(intact, Map.of(), 0).message())
                .isEqualTo("Verified: all 2 documents are stored and match the source (content checksums).");
    }

    @Test
    void aRowGoneFromTheFileLeavesItsPostAndTheReportSaysSo() throws Exception {
        Path file = dir.resolve("site.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (1, 'One', 'a', '2020-01-01'), (2, 'Two', 'b', '2020-01-02'), (3, 'Three', 'c', '2020-01-03')");
        assertThat(engine.run(ImportRequest.of(file, null), ImportProgress.NONE).verified()).isTrue();

        SqliteFiles.exec(file, "DELETE FROM post WHERE id = 2", "UPDATE post SET content = 'changed' WHERE id = 3");
        ImportReport again = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);

        assertThat(again.verified()).isTrue();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.verification().message()).isEqualTo("Verified: all 2 documents are stored and match the source "
                + "(content checksums). 1 documents from earlier imports have no row in the source any more; they were left as they are.");
        assertThat(post("Two")).as("never deleted by an import").isNotNull();
    }
}
