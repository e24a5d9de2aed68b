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

    static final String LEXICAL = """
            {"root":{"type":"root","version":1,"direction":"ltr","format":"","indent":0,"children":[
             {"type":"extended-heading","tag":"h2","version":1,"children":[{"type":"extended-text","text":"Why lexical","format":0,"version":1}]},
             {"type":"paragraph","version":1,"children":[
               {"type":"extended-text","text":"Ghost 5 is ","format":0,"version":1},
               {"type":"extended-text","text":"bold","format":1,"version":1},
               {"type":"extended-text","text":" and ","format":0,"version":1},
               {"type":"extended-text","text":"leaning","format":2,"version":1},
               {"type":"extended-text","text":", see ","format":0,"version":1},
               {"type":"link","url":"https://ghost.org/docs/","version":1,"children":[{"type":"extended-text","text":"the docs","format":0,"version":1}]},
               {"type":"extended-text","text":" or run ","format":0,"version":1},
               {"type":"extended-text","text":"ghost start","format":16,"version":1}]},
             {"type":"list","listType":"number","tag":"ol","start":1,"version":1,"children":[
               {"type":"listitem","value":1,"version":1,"children":[{"type":"extended-text","text":"install","format":0,"version":1}]},
               {"type":"listitem","value":2,"version":1,"children":[{"type":"extended-text","text":"write","format":0,"version":1}]}]},
             {"type":"image","version":1,"src":"/content/images/2023/05/harbour.jpg","alt":"The harbour","caption":""},
             {"type":"codeblock","version":1,"code":"npm install ghost-cli\\n","language":"bash","caption":""},
             {"type":"horizontalrule","version":1},
             {"type":"extended-quote","version":1,"children":[{"type":"extended-text","text":"Write every day.","format":0,"version":1}]},
             {"type":"markdown","version":1,"markdown":"A *markdown* card."},
             {"type":"bookmark","version":1,"url":"https://example.com/a","metadata":{"title":"A"}}]}}""";

    private static final String GHOST5_POSTS = "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, "
            + "title varchar(2000) not null, slug varchar(191) not null, mobiledoc text null, lexical text null, html text null, "
            + "comment_id varchar(50) null, plaintext text null, feature_image varchar(2000) null, featured boolean not null default '0', "
            + "type varchar(50) not null default 'post', status varchar(50) not null default 'draft', locale varchar(6) null, "
            + "visibility varchar(50) not null default 'public', email_recipient_filter text not null default 'all', "
            + "created_at datetime not null, created_by varchar(24) not null, updated_at datetime null, updated_by varchar(24) null, "
            + "published_at datetime null, published_by varchar(24) null, custom_excerpt varchar(2000) null, "
            + "newsletter_id varchar(24) null, show_title_and_feature_image boolean not null default '1', primary key (id))";

    @Test
    void ghost5LexicalBecomesMarkdownWithItsAuthorsInOrderItsTagsAndDraftsKeptPrivate() throws Exception {
        Path file = dir.resolve("ghost5.db");
        SqliteFiles.exec(file, GHOST5_POSTS,
                "CREATE TABLE users (id varchar(24) not null, name varchar(191) not null, slug varchar(191) not null, "
                        + "password varchar(60) not null, email varchar(191) not null, primary key (id))",
                "CREATE TABLE posts_authors (id varchar(24) not null, post_id varchar(24) not null, author_id varchar(24) not null, "
                        + "sort_order integer not null default '0', primary key (id))",
                "CREATE TABLE tags (id varchar(24) not null, name varchar(191) not null, slug varchar(191) not null, primary key (id))",
                "CREATE TABLE posts_tags (id varchar(24) not null, post_id varchar(24) not null, tag_id varchar(24) not null, "
                        + "sort_order integer not null default '0', primary key (id))",
                "INSERT INTO users VALUES ('u1', 'Jane Ghost', 'jane', '$2a$10$secret', 'jane@example.com'), "
                        + "('u2', 'Co Author', 'co', '$2a$10$other', 'co@example.com')",
                "INSERT INTO posts (id, uuid, title, slug, lexical, html, type, status, created_at, created_by, published_at) VALUES "
                        + "('p1', 'uu1', 'Why lexical', 'why', '" + LEXICAL.replace("'", "''") + "', '<h2>Why lexical</h2>', 'post', "
                        + "'published', '2023-05-01 08:00:00', 'u1', '2023-05-02 09:30:15')",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, html, type, status, created_at, created_by, published_at) VALUES "
                        + "('p2', 'uu2', 'From Ghost 4', 'old', '" + LegacyEnginesTest.MOBILEDOC + "', '<p>x</p>', 'post', 'published', "
                        + "'2021-01-01 08:00:00', 'u1', '2021-01-01 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, lexical, type, status, created_at, created_by, published_at) VALUES "
                        + "('p3', 'uu3', 'Coming soon', 'soon', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'scheduled', "
                        + "'2023-06-01 08:00:00', 'u1', '2030-01-01 00:00:00'), "
                        + "('p4', 'uu4', 'Members newsletter', 'news', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'sent', "
                        + "'2023-06-02 08:00:00', 'u1', '2023-06-02 10:00:00'), "
                        + "('p5', 'uu5', 'About', 'about', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'page', 'published', "
                        + "'2023-01-01 08:00:00', 'u1', '2023-01-01 08:00:00'), "
                        + "('p6', 'uu6', 'Unfinished', 'unfinished', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'draft', "
                        + "'2023-07-01 08:00:00', 'u2', NULL)",
                "INSERT INTO posts_authors VALUES ('a1', 'p1', 'u2', 1), ('a2', 'p1', 'u1', 0), ('a3', 'p6', 'u2', 0)",
                "INSERT INTO tags VALUES ('t1', 'Getting Started', 'getting-started'), ('t2', 'News', 'news')",
                "INSERT INTO posts_tags VALUES ('pt1', 'p1', 't2', 1), ('pt2', 'p1', 't1', 0)");

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

                <https://example.com/a>
                """);
        assertThat(Document.parse(report.toJson()).get("conversions", Document.class))
                .isEqualTo(new Document("lexical", 4).append("mobiledoc", 1));
        assertThat(report.summary()).contains("converted to Markdown: 4 posts from lexical, 1 post from mobiledoc");
        assertThat(lexical.getString("author")).as("the first author by sort_order").isEqualTo("Jane Ghost");
        assertThat(lexical.getList("tags", String.class)).containsExactlyInAnyOrder("Getting Started", "News");
        assertThat(date(lexical)).isEqualTo(Instant.parse("2023-05-02T09:30:15Z"));
        assertThat(lexical.get("legacy", Document.class).getString("format")).isEqualTo("lexical");
        assertThat(lexical.get("legacy", Document.class).getString("original")).isEqualTo(LEXICAL);
        assertThat(lexical.toJson()).doesNotContain("$2a$10$secret", "jane@example.com");
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
        SqliteFiles.exec(file, GHOST5_POSTS,
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

    // ---- Ghost 0.x

    @Test
    void ghost0MarkdownThatIsReallyWordPressHtmlIsConvertedAndItsEpochMillisecondDatesRead() throws Exception {
        Path file = dir.resolve("ghost0.db");
        SqliteFiles.exec(file,
                "CREATE TABLE posts (id integer not null primary key autoincrement, uuid varchar(36) not null, title varchar(150) not null, "
                        + "slug varchar(150) not null, markdown text null, html text null, image text null, featured boolean not null default '0', "
                        + "page boolean not null default '0', status varchar(150) not null default 'draft', language varchar(6) not null default 'en_US', "
                        + "meta_title varchar(150) null, meta_description varchar(200) null, author_id integer not null, created_at datetime not null, "
                        + "created_by integer not null, updated_at datetime null, updated_by integer null, published_at datetime null, published_by integer null)",
                "CREATE TABLE users (id integer not null primary key autoincrement, uuid varchar(36) not null, name varchar(150) not null, "
                        + "slug varchar(150) not null, password varchar(60) not null, email varchar(254) not null)",
                "CREATE TABLE tags (id integer not null primary key autoincrement, uuid varchar(36) not null, name varchar(150) not null, "
                        + "slug varchar(150) not null)",
                "CREATE TABLE posts_tags (id integer not null primary key autoincrement, post_id integer not null references posts (id), "
                        + "tag_id integer not null references tags (id), sort_order integer not null default '0')",
                "INSERT INTO users VALUES (1, 'uu', 'Old Timer', 'old', '$2a$10$x', 'old@example.com')",
                "INSERT INTO posts (id, uuid, title, slug, markdown, html, page, status, author_id, created_at, created_by, published_at) "
                        + "VALUES (1, 'a', 'Moved from WordPress', 'moved', '<p>Written in <em>WordPress</em>&nbsp;first.</p>', "
                        + "'<p>Written in <em>WordPress</em> first.</p>', 0, 'published', 1, 1420070000000, 1, 1420070400000), "
                        + "(2, 'b', 'Plain Markdown', 'plain', '# Hi\n\nJust *Markdown*.', '<h1>Hi</h1>', 0, 'published', 1, "
                        + "1420156800000, 1, 1420156800123), "
                        + "(3, 'c', 'Draft', 'draft', 'Not yet', '<p>Not yet</p>', 0, 'draft', 1, 1420243200000, 1, NULL)",
                "INSERT INTO tags VALUES (1, 't', 'Migration', 'migration'), (2, 'u', 'Ghost', 'ghost')",
                "INSERT INTO posts_tags (post_id, tag_id) VALUES (1, 1), (1, 2), (2, 2)");

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
        Path file = dir.resolve("wp.db");
        SqliteFiles.exec(file,
                "CREATE TABLE wp_users (ID integer PRIMARY KEY AUTOINCREMENT, user_login text NOT NULL DEFAULT '', "
                        + "user_pass text NOT NULL DEFAULT '', user_email text NOT NULL DEFAULT '', display_name text NOT NULL DEFAULT '')",
                "CREATE TABLE wp_posts (ID integer PRIMARY KEY AUTOINCREMENT, post_author integer NOT NULL DEFAULT '0', "
                        + "post_date text NOT NULL DEFAULT '0000-00-00 00:00:00', post_date_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_content text NOT NULL, post_title text NOT NULL, post_excerpt text NOT NULL DEFAULT '', "
                        + "post_status text NOT NULL DEFAULT 'publish', post_name text NOT NULL DEFAULT '', post_parent integer NOT NULL DEFAULT '0', "
                        + "post_type text NOT NULL DEFAULT 'post')",
                "CREATE TABLE wp_terms (term_id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT '', slug text NOT NULL DEFAULT '', "
                        + "term_group integer NOT NULL DEFAULT 0)",
                "CREATE TABLE wp_term_taxonomy (term_taxonomy_id integer PRIMARY KEY AUTOINCREMENT, term_id integer NOT NULL DEFAULT 0, "
                        + "taxonomy text NOT NULL DEFAULT '', description text NOT NULL, parent integer NOT NULL DEFAULT 0, count integer NOT NULL DEFAULT 0)",
                "CREATE TABLE wp_term_relationships (object_id integer NOT NULL DEFAULT 0, term_taxonomy_id integer NOT NULL DEFAULT 0, "
                        + "term_order integer NOT NULL DEFAULT 0, PRIMARY KEY (object_id, term_taxonomy_id))",
                "INSERT INTO wp_users (ID, user_login, display_name) VALUES (1, 'admin', 'Jane Writer')",
                "INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_status, post_type) VALUES "
                        + "(1, 1, '2020-05-04 12:00:00', '2020-05-04 10:00:00', 'Hello', 'Tagged', 'publish', 'post'), "
                        + "(2, 1, '2020-05-05 12:00:00', '2020-05-05 10:00:00', '', 'Home', 'publish', 'nav_menu_item')",
                "INSERT INTO wp_terms VALUES (1, 'Uncategorized', 'uncategorized', 0), (2, 'sqlite', 'sqlite', 0), (3, 'Main menu', 'main', 0)",
                "INSERT INTO wp_term_taxonomy VALUES (1, 1, 'category', '', 0, 1), (2, 2, 'post_tag', '', 0, 1), (3, 3, 'nav_menu', '', 0, 1)",
                "INSERT INTO wp_term_relationships VALUES (1, 1, 0), (1, 2, 0), (1, 3, 0), (2, 3, 0)");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.engine().label()).isEqualTo("WordPress");
        assertThat(post("Tagged").getList("tags", String.class)).containsExactly("Uncategorized", "sqlite");
        assertThat(LegacyEnginesTest.skipped(report)).containsExactly(
                "2:not_a_post:Not a post: a WordPress nav_menu_item with post_status 'publish'.");
    }

    // ---- WriteFreely

    @Test
    void writeFreelyTakesEmptyTitlesFromTheFirstLineKeepsItsStringIdsAndTreatsPostsOutsideACollectionAsDrafts() throws Exception {
        Path file = dir.resolve("writefreely.db");
        SqliteFiles.exec(file,
                "CREATE TABLE IF NOT EXISTS `collections` (id INTEGER PRIMARY KEY AUTOINCREMENT, alias TEXT DEFAULT NULL UNIQUE, "
                        + "title TEXT NOT NULL, description TEXT NOT NULL, style_sheet TEXT, script TEXT, format TEXT DEFAULT NULL, "
                        + "privacy INTEGER NOT NULL, owner_id INTEGER NOT NULL, view_count INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS `posts` (id TEXT NOT NULL, slug TEXT DEFAULT NULL, modify_date DATETIME DEFAULT NULL, "
                        + "text_appearance TEXT NOT NULL DEFAULT 'norm', language TEXT DEFAULT NULL, rtl INTEGER DEFAULT NULL, "
                        + "privacy INTEGER NOT NULL, owner_id INTEGER DEFAULT NULL, collection_id INTEGER DEFAULT NULL, "
                        + "pinned_position INTEGER DEFAULT NULL, created DATETIME NOT NULL, updated DATETIME NOT NULL, "
                        + "view_count INTEGER NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (id))",
                "CREATE TABLE IF NOT EXISTS `users` (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, "
                        + "password TEXT NOT NULL, email TEXT DEFAULT NULL, created DATETIME NOT NULL)",
                "INSERT INTO users VALUES (1, 'matt', '$2a$10$hash', 'matt@example.com', '2019-01-01 00:00:00')",
                "INSERT INTO collections VALUES (1, 'matt', 'Matt writes', '', NULL, NULL, NULL, 0, 1, 0)",
                "INSERT INTO posts (id, slug, privacy, owner_id, collection_id, created, updated, view_count, title, content) VALUES "
                        + "('a1b2c3d4e5f6g7h8', 'hello', 0, 1, 1, '2019-02-03 04:05:06', '2019-02-03 04:05:06', 3, '', "
                        + "'# Hello WriteFreely\n\nFirst post, no title field.'), "
                        + "('i9j0k1l2m3n4o5p6', 'titled', 0, 1, 1, '2019-02-04 04:05:06', '2019-02-04 04:05:06', 0, 'Titled', 'Body.'), "
                        + "('q7r8s9t0u1v2w3x4', NULL, 0, 1, NULL, '2019-02-05 04:05:06', '2019-02-05 04:05:06', 0, '', "
                        + "'Just thinking out loud today about the things I might write about when the weather turns and the evenings get long')");

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
        Path file = dir.resolve("rails.db");
        SqliteFiles.exec(file,
                "CREATE TABLE \"schema_migrations\" (\"version\" varchar NOT NULL PRIMARY KEY)",
                "CREATE TABLE \"ar_internal_metadata\" (\"key\" varchar NOT NULL PRIMARY KEY, \"value\" varchar, "
                        + "\"created_at\" datetime(6) NOT NULL, \"updated_at\" datetime(6) NOT NULL)",
                "CREATE TABLE \"articles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"title\" varchar, \"body\" text, "
                        + "\"author\" varchar, \"status\" varchar, \"created_at\" datetime(6) NOT NULL, \"updated_at\" datetime(6) NOT NULL)",
                "CREATE TABLE \"tags\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar, "
                        + "\"created_at\" datetime(6), \"updated_at\" datetime(6), \"taggings_count\" integer DEFAULT 0)",
                "CREATE TABLE \"taggings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"tag_id\" integer, \"taggable_type\" varchar, "
                        + "\"taggable_id\" integer, \"tagger_type\" varchar, \"tagger_id\" integer, \"context\" varchar(128), "
                        + "\"created_at\" datetime(6), \"tenant\" varchar(128))",
                "INSERT INTO articles VALUES (1, 'Rails on SQLite', '<div>CKEditor&nbsp;<span style=\"color:red\">wrote</span> this</div>', "
                        + "'DHH Fan', 'public', '2023-03-01 12:34:56.123456', '2023-03-01 12:34:56.123456'), "
                        + "(2, 'Kept to myself', 'Private words', 'DHH Fan', 'private', '2023-03-02 12:00:00', '2023-03-02 12:00:00'), "
                        + "(3, 'Old news', 'Archived words', NULL, 'archived', '2023-03-03 12:00:00', '2023-03-03 12:00:00')",
                "INSERT INTO tags (id, name) VALUES (1, 'ruby'), (2, 'spam')",
                "INSERT INTO taggings (tag_id, taggable_type, taggable_id, context) VALUES (1, 'Article', 1, 'tags'), "
                        + "(2, 'Comment', 1, 'tags')");

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
        Path sequelize = dir.resolve("sequelize.db");
        SqliteFiles.exec(sequelize,
                "CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)",
                "CREATE TABLE `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `username` VARCHAR(255), `email` VARCHAR(255), "
                        + "`password` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
                "CREATE TABLE `Posts` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255), `content` TEXT, "
                        + "`authorId` INTEGER REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE, "
                        + "`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
                "INSERT INTO Users VALUES (7, 'node_dev', 'n@example.com', 'hash', '2022-08-01 00:00:00.000 +00:00', '2022-08-01 00:00:00.000 +00:00')",
                "INSERT INTO Posts VALUES (1, 'Express yourself', 'Hi from Node.', 7, '2022-08-11 09:30:00.250 +00:00', "
                        + "'2022-08-11 09:30:00.250 +00:00')");
        ImportReport node = engine.run(ImportRequest.of(sequelize, null), ImportProgress.NONE);
        assertThat(node.engine().label()).isEqualTo("Node/Sequelize (Posts)");
        assertThat(post("Express yourself").getString("author")).isEqualTo("node_dev");
        assertThat(date(post("Express yourself"))).isEqualTo(Instant.parse("2022-08-11T09:30:00.250Z"));

        Path flaskr = dir.resolve("flaskr.sqlite");
        SqliteFiles.exec(flaskr,
                "CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL, password TEXT NOT NULL)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL, "
                        + "created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, title TEXT NOT NULL, body TEXT NOT NULL, "
                        + "FOREIGN KEY (author_id) REFERENCES user (id))",
                "INSERT INTO user VALUES (1, 'test', 'pbkdf2:sha256:50000$TCI4GzcX$0de171a4f4dac32e3364c7ddc7c14f3e2fa61f2d17574483f7ffbb431b4acb2f')",
                "INSERT INTO post (author_id, created, title, body) VALUES (1, '2018-01-01 00:00:00', 'test title', 'test\nbody')");
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
