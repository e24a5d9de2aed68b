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
 * Databases built from other engines' published schemas (WordPress's wp_posts/wp_users as the SQLite
 * Database Integration plugin creates them, with a table prefix other than wp_; Ghost 1–4's posts; the
 * Django Girls tutorial's blog_post) with realistic rows: only published posts reach blogdb.posts.
 */
class LegacyEnginesTest extends ImporterFixture {


    private List<String> storedTitles() {
        return store.posts().find().map(d -> d.getString("title")).into(new ArrayList<>());
    }

    private List<String> draftTitles() {
        return store.drafts().find().map(d -> d.getString("title") + ":" + d.getString("status")).into(new ArrayList<>());
    }

    /** The rows skipped because they are no posts or pages, as "id:reason:message". */
    static List<String> skipped(ImportReport report) {
        return report.problems().stream().filter(p -> p.reason() == ImportProblem.Reason.NOT_A_POST
                        || p.reason() == ImportProblem.Reason.PAGE_SKIPPED)
                .map(p -> p.id() + ":" + p.reason().code() + ":" + p.message()).toList();
    }

    @Test
    void wordPressWithAnotherPrefixPublishesOnlyItsPublishedPostsKeepsDraftsPrivateAndSkipsTheRest() throws Exception {
        Path file = EngineDatabases.wordPressPrefixed(dir);

        ImportEngine.Inspection inspection = engine.inspect(file, null);
        assertThat(inspection.plan().table()).isEqualTo("blog_posts");
        assertThat(inspection.plan().dateColumn()).contains("post_date_gmt");
        assertThat(inspection.plan().author()).get().extracting(MappingPlan.AuthorSource::nameColumn).isEqualTo("display_name");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);

        assertThat(inspection.engine().label()).isEqualTo("WordPress (table prefix blog_)");
        assertThat(report.engine().name()).isEqualTo("wordpress");
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.counts().drafts()).isEqualTo(2);
        assertThat(report.counts().published()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(4);
        assertThat(storedTitles()).containsExactly("I’m on SQLite");
        assertThat(draftTitles()).containsExactlyInAnyOrder("Draft & unfinished:draft", "Scheduled post:draft");
        assertThat(store.drafts().find(new Document("title", "Draft & unfinished")).first().containsKey("date_posted"))
                .as("0000-00-00 00:00:00 is no date").isFalse();
        assertThat(report.counts().undated()).isEqualTo(1);
        Document post = store.posts().find().first();
        assertThat(post.getString("content")).isEqualTo("Hello world from **WordPress**.\n");
        assertThat(post.getString("author")).isEqualTo("Jane Writer");
        assertThat(post.getDate("date_posted").toInstant()).isEqualTo(Instant.parse("2020-05-04T10:00:00Z"));
        assertThat(post.toJson()).doesNotContain("$P$Bsecret", "admin@example.com");
        assertThat(skipped(report)).containsExactlyInAnyOrder(
                "3:not_a_post:Not a post: a WordPress post with post_status 'auto-draft'.",
                "4:page_skipped:A page: a WordPress page with post_status 'publish'.",
                "5:not_a_post:Not a post: a WordPress attachment with post_status 'inherit'.",
                "6:not_a_post:Not a post: a WordPress revision with post_status 'inherit'.");

        ImportReport withPages = engine.run(ImportRequest.of(file, null).includingPages(true), ImportProgress.NONE);
        assertThat(withPages.inserted()).as("only the page is new").isEqualTo(1);
        assertThat(withPages.unchanged()).isEqualTo(3);
        assertThat(storedTitles()).containsExactlyInAnyOrder("I’m on SQLite", "About");
    }

    @Test
    void ghostPostsArePublishedOnlyWhenGhostPublishedThemAndPagesStayOut() throws Exception {
        Path file = EngineDatabases.ghost1to4(dir);
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(storedTitles()).containsExactlyInAnyOrder("Welcome to Ghost", "Cut short");
        Document cut = store.posts().find(new Document("title", "Cut short")).first();
        assertThat(cut.getString("content")).as("kept as it was, never half-converted").startsWith("{\"version\":\"0.3.1\"");
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS)
                .extracting(ImportProblem::message).singleElement().asString().contains("The mobiledoc could not be read");
        Document welcome = store.posts().find(new Document("title", "Welcome to Ghost")).first();
        assertThat(welcome.getString("content")).isEqualTo(EngineDatabases.MOBILEDOC_AS_MARKDOWN);
        assertThat(welcome.get("legacy", Document.class).getString("format")).isEqualTo("mobiledoc");
        assertThat(welcome.get("legacy", Document.class).getString("original")).isEqualTo(EngineDatabases.MOBILEDOC);
        assertThat(draftTitles()).containsExactly("Secret draft:draft");
        assertThat(skipped(report)).containsExactly(
                "5b1f7d1f2a2b3c4d5e6f7a8d:page_skipped:A page: a Ghost page with status 'published'.");
    }

    @Test
    void djangoDraftsWithoutAPublishedDateAndFlaggedDraftsGoToDrafts() throws Exception {
        Path file = EngineDatabases.django(dir);
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().label()).isEqualTo("Django (blog_post)");
        assertThat(storedTitles()).containsExactly("Live");
        assertThat(store.posts().find().first().getString("author")).isEqualTo("ola");
        assertThat(store.posts().find().first().toJson()).doesNotContain("pbkdf2", "ola@example.com");
        assertThat(draftTitles()).containsExactly("Not yet:draft");
        assertThat(store.drafts().find().first().getDate("date_posted").toInstant())
                .as("a draft's date is when it was written").isEqualTo(Instant.parse("2021-06-03T10:00:00Z"));
        assertThat(skipped(report)).isEmpty();

        Path flagged = dir.resolve("flagged.db");
        SqliteFiles.exec(flagged,
                "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, created_at TEXT, draft BOOLEAN, status TEXT)",
                "INSERT INTO articles VALUES (1, 'Public', 'x', '2022-01-01', 0, 'published')",
                "INSERT INTO articles VALUES (2, 'Flagged', 'x', '2022-01-02', 1, 'published')",
                "INSERT INTO articles VALUES (3, 'Pending', 'x', '2022-01-03', 0, 'pending')",
                "INSERT INTO articles VALUES (4, 'Other status', 'x', '2022-01-04', 0, 'featured')");
        ImportReport second = engine.run(ImportRequest.of(flagged, null), ImportProgress.NONE);
        assertThat(store.posts().countDocuments(new Document("legacy.table", "articles"))).isEqualTo(2);
        assertThat(store.drafts().countDocuments(new Document("legacy.table", "articles"))).isEqualTo(2);
        assertThat(second.counts().drafts()).isEqualTo(2);
        assertThat(skipped(second)).isEmpty();
    }
}
