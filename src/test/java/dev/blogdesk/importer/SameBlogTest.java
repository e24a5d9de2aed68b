package dev.blogdesk.importer;

import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same blog read from another file (a copy under another name, a later snapshot) is recognised
 * instead of imported twice; two different blogs whose rows happen to share ids are not confused.
 */
class SameBlogTest extends ImporterFixture {


    private Path copy(Path file, String name) throws Exception {
        return Files.copy(file, dir.resolve(name));
    }

    @Test
    void aCopyUnderAnotherNameIsTheSameBlogAndDuplicatesNothing() throws Exception {
        Path site = SqliteFiles.sqlalchemyBlog(dir, 25);
        engine.run(ImportRequest.of(site, null), ImportProgress.NONE);
        Path backup = copy(site, "site-backup.db");

        ImportReport preview = engine.run(ImportRequest.of(backup, null).asDryRun(), ImportProgress.NONE);
        assertThat(preview.inserted()).as("not \"25 new\"").isZero();
        assertThat(preview.unchanged()).isEqualTo(25);
        assertThat(preview.counts().alreadyImported()).isEqualTo(25);
        assertThat(preview.counts().otherFiles()).containsExactly("blog.db");

        ImportReport report = engine.run(ImportRequest.of(backup, null), ImportProgress.NONE);
        assertThat(report.verified()).as(report.verification().message()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(25);
        assertThat(report.summary()).contains("25 rows were imported before from blog.db");
        assertThat(Document.parse(report.toJson()).get("already_imported", Document.class).getString("action")).isEqualTo("update");
    }

    @Test
    void aLaterSnapshotUpdatesTheEditedPostInPlaceAddsTheNewOneAndRerunsChangeNothing() throws Exception {
        Path site = SqliteFiles.sqlalchemyBlog(dir, 5);
        engine.run(ImportRequest.of(site, null), ImportProgress.NONE);
        ObjectId edited = store.posts().find(new Document("title", "Post number 2")).first().getObjectId("_id");
        Path later = copy(site, "site-2024.db");
        SqliteFiles.exec(later, "UPDATE post SET content = 'Rewritten later.' WHERE id = 2",
                "INSERT INTO post VALUES (6, 'Post number 6', 'Brand new.', '2024-01-01 00:00:00')");

        ImportReport report = engine.run(ImportRequest.of(later, null), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(4);
        assertThat(report.verified()).as(report.verification().message()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(6);
        Document post = store.posts().find(new Document("_id", edited)).first();
        assertThat(post.getString("content")).isEqualTo("Rewritten later.");
        assertThat(post.get("legacy", Document.class).getString("source")).isEqualTo("site-2024.db");

        ImportReport again = engine.run(ImportRequest.of(later, null), ImportProgress.NONE);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(store.posts().countDocuments()).isEqualTo(6);
        ImportReport original = engine.run(ImportRequest.of(site, null), ImportProgress.NONE);
        assertThat(original.inserted()).as(original.summary()).isZero();
        assertThat(store.posts().countDocuments()).isEqualTo(6);
    }

    @Test
    void theUserCanImportTheCopyAsNewPostsOrSkipIt() throws Exception {
        Path site = SqliteFiles.sqlalchemyBlog(dir, 3);
        engine.run(ImportRequest.of(site, null), ImportProgress.NONE);
        Path backup = copy(site, "site-backup.db");

        ImportReport skipped = engine.run(ImportRequest.of(backup, null).withSameBlog(ImportRequest.SameBlog.SKIP), ImportProgress.NONE);
        assertThat(skipped.skipped()).isEqualTo(3);
        assertThat(skipped.problemCounts()).containsEntry(ImportProblem.Reason.ALREADY_IMPORTED, 3L);
        assertThat(store.posts().countDocuments()).isEqualTo(3);

        ImportReport asNew = engine.run(ImportRequest.of(backup, null).withSameBlog(ImportRequest.SameBlog.NEW), ImportProgress.NONE);
        assertThat(asNew.inserted()).isEqualTo(3);
        assertThat(store.posts().countDocuments()).isEqualTo(6);
    }

    @Test
    void twoDifferentBlogsWhoseRowsShareIdsAreBothImported() throws Exception {
        Path mine = dir.resolve("mine.db");
        Path yours = dir.resolve("yours.db");
        for (Path file : new Path[] {mine, yours}) {
            String who = file.getFileName().toString().replace(".db", "");
            SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                    "INSERT INTO post VALUES (1, 'Hello from " + who + "', 'First.', '2020-01-0" + (who.equals("mine") ? 1 : 2) + " 00:00:00')",
                    "INSERT INTO post VALUES (2, 'About', 'Me.', '2020-02-0" + (who.equals("mine") ? 1 : 2) + " 00:00:00')");
        }
        engine.run(ImportRequest.of(mine, null), ImportProgress.NONE);
        ImportReport second = engine.run(ImportRequest.of(yours, null), ImportProgress.NONE);
        assertThat(second.inserted()).isEqualTo(2);
        assertThat(second.counts().alreadyImported()).isZero();
        assertThat(store.posts().countDocuments()).isEqualTo(4);
    }
}
