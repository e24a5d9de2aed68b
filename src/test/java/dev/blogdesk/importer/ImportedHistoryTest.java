package dev.blogdesk.importer;

import dev.blogdesk.store.PostRevisions;
import dev.blogdesk.store.Revision;
import dev.blogdesk.store.RevisionSource;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions an old blog kept of its posts (WordPress's revision rows, Ghost 5's post_revisions, Ghost
 * 4's mobiledoc_revisions) become the imported post's history, converted like the post, oldest first.
 */
class ImportedHistoryTest extends ImporterFixture {

    PostRevisions history;

    @BeforeEach
    void setUp() throws Exception {
        history = new PostRevisions(store.database());
    }

    private String idOf(String title) {
        Document d = store.posts().find(new Document("title", title)).first();
        return d.getObjectId("_id").toHexString();
    }

    @Test
    void wordPressRevisionRowsBecomeThePostsHistoryAndARerunAddsNoneTwice() throws Exception {
        Path file = dir.resolve("wp.db");
        SqliteFiles.exec(file,
                "CREATE TABLE wp_posts (ID integer PRIMARY KEY AUTOINCREMENT, post_author integer NOT NULL DEFAULT '0', "
                        + "post_date text NOT NULL DEFAULT '0000-00-00 00:00:00', post_date_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_content text NOT NULL, post_title text NOT NULL, post_status text NOT NULL DEFAULT 'publish', "
                        + "post_modified text NOT NULL DEFAULT '0000-00-00 00:00:00', post_modified_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_parent integer NOT NULL DEFAULT '0', post_type text NOT NULL DEFAULT 'post')",
                "INSERT INTO wp_posts (ID, post_date_gmt, post_content, post_title, post_status, post_modified_gmt, post_parent, post_type) VALUES "
                        + "(10, '2020-05-04 10:00:00', '<p>Third and <strong>final</strong> words.</p>', 'Final title', 'publish', "
                        + "'2020-05-04 10:00:00', 0, 'post'), "
                        + "(11, '2020-05-01 09:00:00', '<p>First words.</p>', 'First title', 'inherit', '2020-05-01 09:00:00', 10, 'revision'), "
                        + "(12, '2020-05-02 09:00:00', '<p>First and second words.</p>', 'Second title', 'inherit', '2020-05-02 09:00:00', 10, 'revision'), "
                        + "(13, '2020-05-03 09:00:00', '<p>Other post.</p>', 'Other', 'inherit', '2020-05-03 09:00:00', 99, 'revision')");

        ImportReport dry = engine.run(ImportRequest.of(file, null).asDryRun(), ImportProgress.NONE);
        assertThat(dry.counts().revisions()).isEqualTo(2);
        assertThat(store.database().getCollection(PostRevisions.COLLECTION).countDocuments()).isZero();

        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.counts().revisions()).isEqualTo(2);
        assertThat(report.summary()).contains("2 earlier versions from the old blog kept in the posts' history");
        List<Revision> revisions = history.list(idOf("Final title"));
        assertThat(revisions).extracting(Revision::title).containsExactly("Second title", "First title");
        assertThat(revisions).extracting(Revision::source).containsOnly(RevisionSource.IMPORT);
        assertThat(revisions).extracting(Revision::origin).containsExactly("wordpress 12", "wordpress 11");
        assertThat(revisions.get(1).savedAt()).isEqualTo(Instant.parse("2020-05-01T09:00:00Z"));
        assertThat(history.read(revisions.get(1).id()).orElseThrow().content()).isEqualTo("First words.\n");
        assertThat(history.read(revisions.get(0).id()).orElseThrow().content()).as("rebuilt from its delta")
                .isEqualTo("First and second words.\n");

        ImportReport again = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(again.counts().revisions()).isZero();
        assertThat(history.list(idOf("Final title"))).hasSize(2);
    }

    @Test
    void ghostKeepsItsLexicalAndMobiledocRevisions() throws Exception {
        Path file = dir.resolve("ghost.db");
        SqliteFiles.exec(file,
                "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, title varchar(2000) not null, "
                        + "slug varchar(191) not null, mobiledoc text null, lexical text null, html text null, "
                        + "type varchar(50) not null default 'post', status varchar(50) not null default 'draft', "
                        + "created_at datetime not null, published_at datetime null, primary key (id))",
                "CREATE TABLE post_revisions (id varchar(24) not null, post_id varchar(24) not null, lexical text null, "
                        + "created_at_ts bigint not null, created_at datetime not null, author_id varchar(24) null, "
                        + "title varchar(2000) null, post_status varchar(50) null, reason varchar(50) null, primary key (id))",
                "CREATE TABLE mobiledoc_revisions (id varchar(24) not null, post_id varchar(24) not null, mobiledoc text null, "
                        + "created_at_ts bigint not null, created_at datetime not null, primary key (id))",
                "INSERT INTO posts (id, uuid, title, slug, lexical, status, created_at, published_at) VALUES ('p1', 'u', 'Now', 'now', "
                        + "'{\"root\":{\"type\":\"root\",\"children\":[{\"type\":\"paragraph\",\"children\":[{\"type\":\"text\",\"text\":\"Now.\"}]}]}}', "
                        + "'published', '2023-01-01 00:00:00', '2023-01-02 00:00:00')",
                "INSERT INTO post_revisions (id, post_id, lexical, created_at_ts, created_at, title) VALUES ('r1', 'p1', "
                        + "'{\"root\":{\"type\":\"root\",\"children\":[{\"type\":\"paragraph\",\"children\":[{\"type\":\"text\",\"text\":\"Before.\"}]}]}}', "
                        + "1672531200000, '2023-01-01 00:00:00', 'Then')",
                "INSERT INTO mobiledoc_revisions VALUES ('m1', 'p1', '{}', 1600000000000, '2020-09-13 12:26:40')");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.counts().revisions()).as("Ghost 5's own revisions, not the older table").isEqualTo(1);
        List<Revision> revisions = history.list(idOf("Now"));
        assertThat(revisions).extracting(Revision::title).containsExactly("Then");
        assertThat(revisions.get(0).savedAt()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(history.read(revisions.get(0).id()).orElseThrow().content()).isEqualTo("Before.\n");
    }
}
