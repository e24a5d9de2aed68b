package dev.blogdesk.importer;

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
        Path file = dir.resolve("wordpress.db");
        SqliteFiles.exec(file,
                "CREATE TABLE blog_users (ID integer PRIMARY KEY AUTOINCREMENT, user_login text NOT NULL DEFAULT '', "
                        + "user_pass text NOT NULL DEFAULT '', user_nicename text NOT NULL DEFAULT '', user_email text NOT NULL DEFAULT '', "
                        + "user_url text NOT NULL DEFAULT '', user_registered text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "user_activation_key text NOT NULL DEFAULT '', user_status integer NOT NULL DEFAULT '0', display_name text NOT NULL DEFAULT '')",
                "CREATE TABLE blog_posts (ID integer PRIMARY KEY AUTOINCREMENT, post_author integer NOT NULL DEFAULT '0', "
                        + "post_date text NOT NULL DEFAULT '0000-00-00 00:00:00', post_date_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_content text NOT NULL, post_title text NOT NULL, post_excerpt text NOT NULL, "
                        + "post_status text NOT NULL DEFAULT 'publish', comment_status text NOT NULL DEFAULT 'open', "
                        + "ping_status text NOT NULL DEFAULT 'open', post_password text NOT NULL DEFAULT '', post_name text NOT NULL DEFAULT '', "
                        + "to_ping text NOT NULL, pinged text NOT NULL, post_modified text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_modified_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', post_content_filtered text NOT NULL, "
                        + "post_parent integer NOT NULL DEFAULT '0', guid text NOT NULL DEFAULT '', menu_order integer NOT NULL DEFAULT '0', "
                        + "post_type text NOT NULL DEFAULT 'post', post_mime_type text NOT NULL DEFAULT '', comment_count integer NOT NULL DEFAULT '0')",
                "INSERT INTO blog_users (ID, user_login, user_pass, user_email, display_name) "
                        + "VALUES (1, 'admin', '$P$Bsecret', 'admin@example.com', 'Jane Writer')",
                row(1, "2020-05-04 12:00:00", "2020-05-04 10:00:00", "<p>Hello&nbsp;world from <strong>WordPress</strong>.</p>",
                        "I&#8217;m on SQLite", "publish", "post", 0),
                row(2, "0000-00-00 00:00:00", "0000-00-00 00:00:00", "Half a thought", "Draft &amp; unfinished", "draft", "post", 0),
                row(3, "2020-05-05 09:00:00", "0000-00-00 00:00:00", "", "Auto Draft", "auto-draft", "post", 0),
                row(4, "2020-01-01 00:00:00", "2020-01-01 00:00:00", "<p>About me</p>", "About", "publish", "page", 0),
                row(5, "2020-05-04 12:00:00", "2020-05-04 10:00:00", "", "cat.jpg", "inherit", "attachment", 1),
                row(6, "2020-05-04 11:59:00", "2020-05-04 09:59:00", "<p>Hello world</p>", "I'm on SQLite", "inherit", "revision", 1),
                row(7, "2020-06-01 08:00:00", "2020-06-01 06:00:00", "<p>Not yet</p>", "Scheduled post", "future", "post", 0));

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

    private static String row(int id, String date, String gmt, String content, String title, String status, String type, int parent) {
        return "INSERT INTO blog_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, "
                + "to_ping, pinged, post_content_filtered, post_parent, post_type) VALUES (" + id + ", 1, '" + date + "', '" + gmt + "', '"
                + content.replace("'", "''") + "', '" + title.replace("'", "''") + "', '', '" + status + "', '', '', '', " + parent
                + ", '" + type + "')";
    }

    /** A Ghost 1–4 post as its editor stores it: markup sections, a list, and image, code, hr and markdown cards. */
    static final String MOBILEDOC = "{\"version\":\"0.3.1\",\"atoms\":[],\"cards\":["
            + "[\"image\",{\"src\":\"/content/images/boat.jpg\",\"alt\":\"A boat\",\"caption\":\"\"}],"
            + "[\"code\",{\"code\":\"console.log(\\\"hi\\\");\\n\",\"language\":\"js\"}],[\"hr\",{}],"
            + "[\"markdown\",{\"markdown\":\"Written in *Markdown* inside Ghost.\"}]],"
            + "\"markups\":[[\"strong\"],[\"a\",[\"href\",\"https://ghost.org/docs/\"]]],"
            + "\"sections\":[[1,\"h2\",[[0,[],0,\"Getting started\"]]],"
            + "[1,\"p\",[[0,[],0,\"Ghost \"],[0,[0],1,\"says\"],[0,[],0,\" hi, see \"],[0,[1],1,\"the docs\"],[0,[],0,\" & more.\"]]],"
            + "[3,\"ul\",[[[0,[],0,\"one\"]],[[0,[],0,\"two\"]]]],"
            + "[10,0],[10,1],[10,2],[10,3]]}";

    @Test
    void ghostPostsArePublishedOnlyWhenGhostPublishedThemAndPagesStayOut() throws Exception {
        Path file = dir.resolve("ghost.db");
        SqliteFiles.exec(file,
                "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, title varchar(2000) not null, "
                        + "slug varchar(191) not null, mobiledoc text null, html text null, comment_id varchar(50) null, "
                        + "plaintext text null, feature_image varchar(2000) null, featured boolean not null default '0', "
                        + "page boolean not null default '0', status varchar(50) not null default 'draft', locale varchar(6) null, "
                        + "visibility varchar(50) not null default 'public', author_id varchar(24) not null, created_at datetime not null, "
                        + "updated_at datetime null, published_at datetime null, primary key (id))",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, html, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8b', 'u1', 'Welcome to Ghost', 'welcome', '" + MOBILEDOC + "', "
                        + "'<p>Ghost <em>says</em> hi.</p>', 0, 'published', '1', '2018-06-12 08:00:00', '2018-06-12 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, html, page, status, author_id, created_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8c', 'u2', 'Secret draft', 'secret', '<p>Not yet.</p>', 0, 'draft', '1', '2018-06-13 08:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, html, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8d', 'u3', 'About', 'about', '<p>Me.</p>', 1, 'published', '1', "
                        + "'2018-06-12 08:00:00', '2018-06-12 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8e', 'u4', 'Cut short', 'cut', '{\"version\":\"0.3.1\",\"sections\":[[1,\"p\"', 0, "
                        + "'published', '1', '2018-06-14 08:00:00', '2018-06-14 09:00:00')");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(storedTitles()).containsExactlyInAnyOrder("Welcome to Ghost", "Cut short");
        Document cut = store.posts().find(new Document("title", "Cut short")).first();
        assertThat(cut.getString("content")).as("kept as it was, never half-converted").startsWith("{\"version\":\"0.3.1\"");
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS)
                .extracting(ImportProblem::message).singleElement().asString().contains("The mobiledoc could not be read");
        Document welcome = store.posts().find(new Document("title", "Welcome to Ghost")).first();
        assertThat(welcome.getString("content")).isEqualTo("""
                ## Getting started

                Ghost **says** hi, see [the docs](https://ghost.org/docs/) \\& more.

                * one
                * two

                ![A boat](/content/images/boat.jpg)

                ```js
                console.log("hi");
                ```

                ---

                Written in *Markdown* inside Ghost.
                """);
        assertThat(welcome.get("legacy", Document.class).getString("format")).isEqualTo("mobiledoc");
        assertThat(welcome.get("legacy", Document.class).getString("original")).isEqualTo(MOBILEDOC);
        assertThat(draftTitles()).containsExactly("Secret draft:draft");
        assertThat(skipped(report)).containsExactly(
                "5b1f7d1f2a2b3c4d5e6f7a8d:page_skipped:A page: a Ghost page with status 'published'.");
    }

    @Test
    void djangoDraftsWithoutAPublishedDateAndFlaggedDraftsGoToDrafts() throws Exception {
        Path file = dir.resolve("django.db");
        SqliteFiles.exec(file,
                "CREATE TABLE django_migrations (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, app varchar(255) NOT NULL, "
                        + "name varchar(255) NOT NULL, applied datetime NOT NULL)",
                "CREATE TABLE auth_user (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, password varchar(128) NOT NULL, "
                        + "last_login datetime NULL, is_superuser bool NOT NULL, username varchar(150) NOT NULL UNIQUE, "
                        + "last_name varchar(150) NOT NULL, email varchar(254) NOT NULL, is_staff bool NOT NULL, is_active bool NOT NULL, "
                        + "date_joined datetime NOT NULL, first_name varchar(150) NOT NULL)",
                "INSERT INTO auth_user VALUES (1, 'pbkdf2_sha256$260000$salt$hash', NULL, 1, 'ola', 'Nordmann', 'ola@example.com', "
                        + "1, 1, '2021-05-30 10:00:00', 'Ola')",
                "CREATE TABLE blog_post (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, title varchar(200) NOT NULL, text text NOT NULL, "
                        + "created_date datetime NOT NULL, published_date datetime NULL, "
                        + "author_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED)",
                "INSERT INTO blog_post VALUES (1, 'Live', 'Out there.', '2021-06-01 10:00:00', '2021-06-02 08:30:00', 1)",
                "INSERT INTO blog_post VALUES (2, 'Not yet', 'Private.', '2021-06-03 10:00:00', NULL, 1)");
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
