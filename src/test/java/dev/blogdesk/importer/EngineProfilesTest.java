package dev.blogdesk.importer;

import dev.blogdesk.testing.EngineDatabases;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database per engine, built from the tables the engine's own schema creates (Ghost 0.11's and
 * 5.x's {@code schema.js}, WordPress 6's {@code schema.php} through the SQLite Database Integration
 * plugin, WriteFreely's {@code sqlite.sql}, Rails 7's {@code schema.rb} with acts-as-taggable-on,
 * Sequelize 6's default model tables, Flask's own tutorial, flaskr), with the rows real blogs hold:
 * the engine is recognised, published posts reach blogdb.posts, drafts blogdb.drafts, pages and the
 * rest are counted, and authors, tags, dates and the converted Markdown come through.
 */
class EngineProfilesTest extends ImporterFixture {


    private static Instant date(Document d) {
        return d.getDate("date_posted").toInstant();
    }

    // ---- Ghost 5
    @Test
    void ghost5LexicalBecomesMarkdownWithItsAuthorsInOrderItsTagsAndDraftsKeptPrivate() throws Exception {
        Path file = EngineDatabases.ghost5(dir);

        ImportEngine.Inspection inspection = engine.inspect(file, null);
        assertThat(inspection.engine().looksLike()).isEqualTo("Looks like Ghost 5 (lexical)");
        assertThat(inspection.plan().contentColumn()).isEqualTo("lexical");
        assertThat(inspection.plan().contentFallback()).contains("mobiledoc");
        assertThat(inspection.plan().dateColumn()).contains("published_at");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);

        assertThat(report.counts().published()).isEqualTo(2);
        assertThat(report.counts().drafts()).isEqualTo(3);
        assertThat(LegacyEnginesTest.skipped(report)).containsExactly("p5:page_skipped:A page: a Ghost page with status 'published'.");
        Document lexical = post("Why lexical");
        assertThat(lexical.getString("content")).isEqualTo("""
                ## Why lexical

                Ghost 5 is **bold** and *leaning*, see [the docs](https://ghost.org/docs/) or run `ghost start`

                1. install
                2. write

                ![The harbour](/content/images/2023/05/harbour.jpg)

                ```bash
                npm install ghost-cli
                ```

                ---

                > Write every day.

                A *markdown* card.

                [A](https://example.com/a)

                What A is about.
                """);
        assertThat(Document.parse(report.toJson()).get("conversions", Document.class))
                .isEqualTo(new Document("lexical", 4).append("mobiledoc", 1));
        assertThat(report.summary()).contains("converted to Markdown: 4 posts from lexical, 1 post from mobiledoc");
        assertThat(lexical.getString("author")).as("the first author by sort_order").isEqualTo("Jane Ghost");
        assertThat(lexical.getList("tags", String.class)).containsExactlyInAnyOrder("Getting Started", "News");
        assertThat(date(lexical)).isEqualTo(Instant.parse("2023-05-02T09:30:15Z"));
        assertThat(lexical.get("legacy", Document.class).getString("format")).isEqualTo("lexical");
        assertThat(lexical.get("legacy", Document.class).getString("original")).isEqualTo(EngineDatabases.LEXICAL);
        assertThat(lexical.toJson()).doesNotContain("$2a$10$secret", "jane@example.com");
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS)
                .as("checked against the page Ghost rendered: its bookmark card shows the linked site's name, which the Markdown leaves out")
                .extracting(p -> p.id() + ": " + p.message()).containsExactly("p1: the text differs at character 161: the HTML has "
                        + "“…. A What A is about. Example”, the Markdown “…. A What A is about.” (compared with the page the old blog rendered from its lexical)");
        assertThat(post("From Ghost 4").get("legacy", Document.class).getString("format")).as("no lexical yet: its mobiledoc")
                .isEqualTo("mobiledoc");
        assertThat(post("From Ghost 4").getString("content")).startsWith("## Getting started\n");
        assertThat(draft("Coming soon").getString("status")).isEqualTo("draft");
        assertThat(draft("Members newsletter")).isNotNull();
        Document unfinished = draft("Unfinished");
        assertThat(date(unfinished)).as("no published_at: when it was written").isEqualTo(Instant.parse("2023-07-01T08:00:00Z"));
        assertThat(unfinished.getString("author")).isEqualTo("Co Author");
        assertThat(store.posts().countDocuments(new Document("title", "Unfinished"))).isZero();
    }

    @Test
    void aGhostDraftPublishedAtTheSourceMovesToPostsOnTheNextImportAndBackWhenUnpublished() throws Exception {
        Path file = dir.resolve("ghost5.db");
        SqliteFiles.exec(file, EngineDatabases.GHOST5_POSTS,
                "INSERT INTO posts (id, uuid, title, slug, html, type, status, created_at, created_by) VALUES "
                        + "('p1', 'uu1', 'Soon public', 'soon', '<p>Text.</p>', 'post', 'draft', '2023-05-01 08:00:00', 'u1')");
        engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(draft("Soon public")).isNotNull();
        assertThat(post("Soon public")).isNull();

        SqliteFiles.exec(file, "UPDATE posts SET status = 'published', published_at = '2023-05-03 10:00:00' WHERE id = 'p1'");
        ImportReport published = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(published.updated()).isEqualTo(1);
        assertThat(published.verified()).as(published.verification().message()).isTrue();
        assertThat(post("Soon public").getString("status")).isEqualTo("published");
        assertThat(date(post("Soon public"))).isEqualTo(Instant.parse("2023-05-03T10:00:00Z"));
        assertThat(store.drafts().countDocuments()).as("exactly one copy").isZero();
        assertThat(store.database().getCollection("post_revisions").countDocuments(new Document("post_id", post("Soon public").get("_id"))))
                .as("the move is in the post's history").isGreaterThanOrEqualTo(1);

        SqliteFiles.exec(file, "UPDATE posts SET status = 'draft' WHERE id = 'p1'");
        engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(post("Soon public")).isNull();
        assertThat(draft("Soon public").getString("status")).isEqualTo("draft");

        ImportReport again = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.counts().drafts()).isEqualTo(1);
    }

    @Test
    void aGhost5PostWithNeitherLexicalNorMobiledocIsConvertedFromItsHtml() throws Exception {
        Path file = dir.resolve("ghost5.db");
        SqliteFiles.exec(file, EngineDatabases.GHOST5_POSTS,
                "INSERT INTO posts (id, uuid, title, slug, html, type, status, created_at, created_by, published_at) VALUES "
                        + "('p1', 'uu1', 'Via the API', 'api', '<p>Sent as <strong>HTML</strong> only.</p>', 'post', 'published', "
                        + "'2023-05-01 08:00:00', 'u1', '2023-05-01 09:00:00')");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(post("Via the API").getString("content")).isEqualTo("Sent as **HTML** only.\n");
        assertThat(post("Via the API").get("legacy", Document.class).getString("format")).isEqualTo("html");
        assertThat(report.problemCounts()).doesNotContainKey(ImportProblem.Reason.MISSING_CONTENT);
    }

    // ---- Ghost 0.x

    @Test
    void ghost0MarkdownThatIsReallyWordPressHtmlIsConvertedAndItsEpochMillisecondDatesRead() throws Exception {
        Path file = EngineDatabases.ghost0(dir);

        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().label()).isEqualTo("Ghost 0.x (markdown)");
        Document moved = post("Moved from WordPress");
        assertThat(moved.getString("content")).isEqualTo("Written in *WordPress* first.\n");
        assertThat(date(moved)).isEqualTo(Instant.parse("2015-01-01T00:00:00Z"));
        assertThat(moved.getList("tags", String.class)).containsExactlyInAnyOrder("Migration", "Ghost");
        assertThat(moved.getString("author")).isEqualTo("Old Timer");
        Document plain = post("Plain Markdown");
        assertThat(plain.getString("content")).isEqualTo("# Hi\n\nJust *Markdown*.");
        assertThat(date(plain)).isEqualTo(Instant.parse("2015-01-02T00:00:00.123Z"));
        assertThat(date(draft("Draft"))).isEqualTo(Instant.parse("2015-01-03T00:00:00Z"));
    }

    // ---- WordPress terms

    @Test
    void wordPressTagsAndCategoriesComeThroughItsTermTablesButMenusDoNot() throws Exception {
        Path file = EngineDatabases.wordPressTerms(dir);
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().label()).isEqualTo("WordPress");
        assertThat(post("Tagged").getList("tags", String.class)).containsExactly("Uncategorized", "sqlite");
        assertThat(LegacyEnginesTest.skipped(report)).containsExactly(
                "2:not_a_post:Not a post: a WordPress nav_menu_item with post_status 'publish'.");
    }

    // ---- WriteFreely

    @Test
    void writeFreelyTakesEmptyTitlesFromTheFirstLineKeepsItsStringIdsAndTreatsPostsOutsideACollectionAsDrafts() throws Exception {
        Path file = EngineDatabases.writeFreely(dir);

        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().name()).isEqualTo("writefreely");
        assertThat(report.counts().published()).isEqualTo(2);
        assertThat(report.counts().drafts()).isEqualTo(1);
        assertThat(report.problemCounts()).doesNotContainKey(ImportProblem.Reason.MISSING_TITLE);
        Document hello = post("Hello WriteFreely");
        assertThat(hello.getString("content")).isEqualTo("# Hello WriteFreely\n\nFirst post, no title field.");
        assertThat(hello.get("legacy", Document.class).get("id")).isEqualTo("a1b2c3d4e5f6g7h8");
        assertThat(hello.getString("author")).isEqualTo("matt");
        assertThat(date(hello)).isEqualTo(Instant.parse("2019-02-03T04:05:06Z"));
        assertThat(post("Titled")).isNotNull();
        assertThat(draft("Just thinking out loud today about the things I might write about when the…")).isNotNull();
        assertThat(hello.toJson()).doesNotContain("$2a$10$hash", "matt@example.com");
    }

    // ---- Rails

    @Test
    void railsArticlesBringTheirTaggingsOfArticlesOnlyAndTheAuthorColumn() throws Exception {
        Path file = EngineDatabases.rails(dir);

        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().label()).isEqualTo("Rails (articles)");
        Document rails = post("Rails on SQLite");
        assertThat(rails.getList("tags", String.class)).as("a Comment's tagging is not the article's").containsExactly("ruby");
        assertThat(rails.getString("author")).isEqualTo("DHH Fan");
        assertThat(rails.getString("content")).isEqualTo("CKEditor wrote this\n");
        assertThat(date(rails)).isEqualTo(Instant.parse("2023-03-01T12:34:56.123Z"));
        assertThat(draft("Kept to myself")).isNotNull();
        assertThat(draft("Old news").containsKey("author")).isFalse();
    }

    // ---- Node/Sequelize, flaskr, Flask

    @Test
    void sequelizeFlaskrAndFlaskBlogsAreRecognisedWithTheirAuthorsAndDates() throws Exception {
        Path sequelize = EngineDatabases.sequelize(dir);
        ImportReport node = engine.run(ImportRequest.of(sequelize, null), ImportProgress.NONE);
        assertThat(node.engine().label()).isEqualTo("Node/Sequelize (Posts)");
        assertThat(post("Express yourself").getString("author")).isEqualTo("node_dev");
        assertThat(date(post("Express yourself"))).isEqualTo(Instant.parse("2022-08-11T09:30:00.250Z"));

        Path flaskr = EngineDatabases.flaskr(dir);
        ImportReport tutorial = engine.run(ImportRequest.of(flaskr, null), ImportProgress.NONE);
        assertThat(tutorial.engine().name()).isEqualTo("flaskr");
        assertThat(post("test title").getString("author")).isEqualTo("test");
        assertThat(post("test title").getString("content")).isEqualTo("test\nbody");

        Path flask = SqliteFiles.sqlalchemyBlog(dir, 2);
        assertThat(engine.run(ImportRequest.of(flask, null).asDryRun(), ImportProgress.NONE).engine().name()).isEqualTo("flask");
    }

    @Test
    void theJsonReportNamesTheEngineTheCountsByStatusAndThePostsWithoutADate() throws Exception {
        Path file = dir.resolve("undated.db");
        SqliteFiles.exec(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT, draft BOOLEAN)",
                "INSERT INTO notes VALUES (1, 'One', 'x', 0), (2, 'Two', 'y', 1)");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        Document json = Document.parse(report.toJson());
        assertThat(json.get("engine", Document.class).getString("name")).isEqualTo("generic");
        assertThat(json.get("by_status", Document.class)).isEqualTo(new Document("published", 1).append("draft", 1));
        assertThat(json.get("without_date")).isEqualTo(2);
        assertThat(report.summary()).contains("1 published (blogdb.posts), 1 draft (blogdb.drafts", "2 posts have no date");
        List<String> titles = store.drafts().find().map(d -> d.getString("title")).into(new ArrayList<>());
        assertThat(titles).containsExactly("Two");
    }

    @Test
    void aPostThatIsOnlyAJsonSampleIsNotTakenForGhostsSource() throws Exception {
        Path file = dir.resolve("notes.db");
        String sample = "{\"root\": {\"children\": [1, 2]}, \"sections\": [], \"version\": \"1\"}";
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (1, 'A config file', '" + sample + "', '2020-01-01 00:00:00')");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(post("A config file").getString("content")).isEqualTo(sample);
        assertThat(report.problems()).isEmpty();
        assertThat(report.counts().conversions()).isEmpty();
    }
}
