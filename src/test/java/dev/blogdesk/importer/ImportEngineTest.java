package dev.blogdesk.importer;

import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.Post;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportEngineTest extends ImporterFixture {

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void sqlalchemyBlogIsImportedFieldByFieldAndTheSourceIsUntouched() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 30);
        String before = sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        ImportReport report = run(file);

        assertThat(report.read()).isEqualTo(30);
        assertThat(report.inserted()).isEqualTo(30);
        assertThat(report.skipped() + report.failed() + report.updated() + report.unchanged()).isZero();
        assertThat(report.problems()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(30);

        Document doc = stored("post", 7L);
        assertThat(doc.get("_id")).isInstanceOf(ObjectId.class);
        assertThat(doc.getString("title")).isEqualTo("Post number 7");
        assertThat(doc.getString("content")).isEqualTo("Content of post 7\n\nWith **Markdown**.");
        // 2019-08-08 10:07:49.000259 -> BSON dates hold milliseconds; the full text is kept in legacy.date_raw
        assertThat(doc.getDate("date_posted").toInstant()).isEqualTo(Instant.parse("2019-08-08T10:07:49Z"));
        assertThat(doc.get("updated_at")).isInstanceOf(Date.class);
        assertThat(doc.get("version")).isEqualTo(1L);
        Document legacy = doc.get("legacy", Document.class);
        assertThat(legacy.getString("source")).isEqualTo("blog.db");
        assertThat(legacy.getString("table")).isEqualTo("post");
        assertThat(legacy.get("id")).isEqualTo(7L);
        assertThat(legacy.getString("date_raw")).isEqualTo("2019-08-08 10:07:49.000259");

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(dir.resolve("data/import-work")).isEmptyDirectory();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("blog.db", "data");
        }

        // The editor sees imported posts as ordinary posts.
        MongoPostRepository repo = store.repository();
        Post post = repo.findById(doc.getObjectId("_id").toHexString()).orElseThrow();
        assertThat(post.version()).isEqualTo(1);
        assertThat(repo.list(0, 1).get(0).title()).isEqualTo("Post number 23"); // 2019-12-24, the newest
    }

    @Test
    void importingTwiceLeavesOneDocumentPerRowAndRerunsUpdateOnlyChangedRows() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 20);
        run(file);
        ImportReport again = run(file);
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(20);
        assertThat(again.verified()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(20);

        // A user edits post 3 in BlogDesk; the source changes post 5 and gains post 21.
        MongoPostRepository repo = store.repository();
        Post three = repo.findById(stored("post", 3L).getObjectId("_id").toHexString()).orElseThrow();
        repo.update(three.withText(three.title(), "edited in BlogDesk"));
        SqliteFiles.exec(file, "UPDATE post SET content = 'changed at the source' WHERE id = 5",
                "INSERT INTO post (id, title, content, date_posted) VALUES (21, 'New', 'new row', '2020-01-01 00:00:00')");

        ImportReport third = run(file);
        assertThat(third.read()).isEqualTo(21);
        assertThat(third.inserted()).isEqualTo(1);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(19);
        assertThat(third.verified()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(21);
        assertThat(stored("post", 5L).getString("content")).isEqualTo("changed at the source");
        assertThat(stored("post", 5L).get("version")).isEqualTo(2L);
        assertThat(stored("post", 3L).getString("content")).isEqualTo("edited in BlogDesk");

        // History: the imported text and the edit of post 3; both imports of post 5, each rebuilt whole.
        var history = store.repository().revisions();
        String threeId = stored("post", 3L).getObjectId("_id").toHexString();
        assertThat(history.list(threeId)).extracting(dev.blogdesk.store.Revision::source)
                .containsExactly(dev.blogdesk.store.RevisionSource.SAVE, dev.blogdesk.store.RevisionSource.IMPORT);
        String fiveId = stored("post", 5L).getObjectId("_id").toHexString();
        var five = history.list(fiveId);
        assertThat(five).extracting(dev.blogdesk.store.Revision::source)
                .containsExactly(dev.blogdesk.store.RevisionSource.IMPORT, dev.blogdesk.store.RevisionSource.IMPORT);
        assertThat(history.read(five.get(0).id()).orElseThrow().content()).isEqualTo("changed at the source");
        assertThat(history.read(five.get(1).id()).orElseThrow().content()).isNotEqualTo("changed at the source").isNotBlank();
        assertThat(stored("post", 5L).get(dev.blogdesk.store.PostRevisions.POINTER)).hasToString(five.get(0).id());
    }

    @Test
    void flaskrDatabaseTakesTheAuthorsNameAndNeverThePassword() throws Exception {
        Path file = dir.resolve("flaskr.sqlite");
        SqliteFiles.exec(file,
                "CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL, password TEXT NOT NULL)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL, "
                        + "created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, title TEXT NOT NULL, body TEXT NOT NULL, "
                        + "FOREIGN KEY (author_id) REFERENCES user (id))",
                "INSERT INTO user (username, password) VALUES ('alice', 'pbkdf2:sha256:600000$SECRETHASH')",
                "INSERT INTO post (author_id, created, title, body) VALUES (1, '2023-04-05 06:07:08', 'Hello flaskr', 'Body text')");

        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.relatedRowsRead()).containsEntry("user", 1L);
        Document doc = stored("post", 1L);
        assertThat(doc.getString("content")).isEqualTo("Body text");
        assertThat(doc.getString("author")).isEqualTo("alice");
        assertThat(doc.getDate("date_posted").toInstant()).isEqualTo(Instant.parse("2023-04-05T06:07:08Z"));
        assertThat(doc.toJson()).doesNotContain("SECRETHASH").doesNotContain("password");
    }

    @Test
    void realTutorialDatabasesKeepEveryPostWithItsAuthorAndNoPrivateData() throws Exception {
        for (String name : List.of("coreyms_site.db", "coreyms_site_2018.db")) {
            Path real = Path.of("..", "shared", "realdata", name);
            if (!Files.exists(real)) {
                real = Path.of("/work/shared/realdata", name);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(real), "real data files not available");
            Path copy = dir.resolve(name);
            Files.copy(real, copy);
            ImportReport report = run(copy);
            assertThat(report.read()).isEqualTo(25);
            assertThat(report.inserted()).isEqualTo(25);
            assertThat(report.verified()).isTrue();
            assertThat(report.problems()).isEmpty();
            List<Document> docs = store.posts().find(new Document("legacy.source", name)).into(new ArrayList<>());
            assertThat(docs).hasSize(25).allSatisfy(d -> {
                assertThat(d.getString("author")).isNotBlank();
                assertThat(d.get("date_posted")).isInstanceOf(Date.class);
                assertThat(d.toJson()).doesNotContain("@").doesNotContain("$2b$").doesNotContain("image_file");
            });
        }
        assertThat(store.posts().countDocuments()).isEqualTo(50);
        Document first = stored("post", 1L);
        assertThat(first).isNotNull();
    }

    @Test
    void tagsAndCommentsAreEmbedded() throws Exception {
        Path file = dir.resolve("tagged.db");
        SqliteFiles.exec(file,
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, body TEXT, published_at TEXT)",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE posts_tags (post_id INTEGER REFERENCES posts(id), tag_id INTEGER REFERENCES tags(id))",
                "CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES posts(id), author TEXT, email TEXT, body TEXT, created_at TEXT)",
                "INSERT INTO posts VALUES (1, 'Tagged', 'x', '2021-01-01T10:00:00Z'), (2, 'Plain', 'y', '2021-01-02T10:00:00Z')",
                "INSERT INTO tags VALUES (1, 'java'), (2, 'mongodb')",
                "INSERT INTO posts_tags VALUES (1, 2), (1, 1)",
                "INSERT INTO comments VALUES (1, 1, 'bob', 'bob@example.com', 'Nice!', '2021-01-03 11:00:00'), "
                        + "(2, 1, 'eve', 'eve@example.com', 'Thanks', 'not a date')");

        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(2);
        Document tagged = stored("posts", 1L);
        assertThat(tagged.getList("tags", String.class)).containsExactly("java", "mongodb");
        List<Document> comments = tagged.getList("comments", Document.class);
        assertThat(comments).extracting(c -> c.getString("author")).containsExactly("bob", "eve");
        assertThat(comments.get(0).getString("body")).isEqualTo("Nice!");
        assertThat(comments.get(0).getDate("date").toInstant()).isEqualTo(Instant.parse("2021-01-03T11:00:00Z"));
        assertThat(comments.get(1).getString("date_raw")).isEqualTo("not a date");
        assertThat(tagged.toJson()).doesNotContain("example.com");
        assertThat(stored("posts", 2L).containsKey("tags")).isFalse();
        assertThat(codes(report)).containsExactly("invalid_date:2");
        assertThat(report.problems().get(0).table()).isEqualTo("comments");
    }

    @Test
    void uncheckpointedRowsOfAWalDatabaseAreImported() throws Exception {
        Path file = dir.resolve("wal.db");
        try (Connection writer = SqliteFiles.open(file); Statement st = writer.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)");
            for (int i = 1; i <= 50; i++) {
                st.execute("INSERT INTO post VALUES (" + i + ", 'wal " + i + "', 'c', '2020-01-01')");
            }
            assertThat(Files.size(dir.resolve("wal.db-wal"))).isPositive();
            // The blog app still has the database open: its rows are only in the -wal file.
            ImportReport report = run(file);
            assertThat(report.inserted()).isEqualTo(50);
            st.execute("INSERT INTO post VALUES (51, 'still writable', 'c', '2020-01-01')");
        }
        assertThat(store.posts().countDocuments()).isEqualTo(50);
    }

    @Test
    void aStoreThatStopsAnsweringBeforeTheFirstWriteSaysNothingWasWritten() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 5);
        dev.blogdesk.store.EmbeddedMongo server = dev.blogdesk.store.EmbeddedMongo.start(dir.resolve("gone"), 0);
        String uri = server.connectionString() + "/?serverSelectionTimeoutMS=1000";
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
            ImportEngine away = new ImportEngine(client.getDatabase("blogdb"), dir.resolve("gone-work"), ImportTarget.BLOGDESK_ENDPOINT);
            server.close(); // gone before the import wrote anything
            assertThatThrownBy(() -> away.run(ImportRequest.of(file, null), ImportProgress.NONE))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("Nothing was written")
                    .hasMessageNotContaining("What was written is kept");
        }
    }

    @Test
    void aDryRunWritesNothingButCountsEverything() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 12);
        List<Document> sample = new ArrayList<>();
        ImportReport report = engine.run(ImportRequest.of(file, null).asDryRun().sampling(5, sample::add), ImportProgress.NONE);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.inserted()).isEqualTo(12);
        assertThat(report.verified()).isFalse();
        assertThat(store.posts().countDocuments()).isZero();
        assertThat(sample).hasSize(5);
        assertThat(sample.get(0).getString("title")).isEqualTo("Post number 1");
        assertThat(sample.get(0).get("date_posted")).isInstanceOf(Date.class);
    }

    @Test
    void cancellingStopsCleanlyAndARerunFinishesWithExactCounts() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 5000);
        AtomicBoolean cancel = new AtomicBoolean();
        ImportReport cancelled = engine.run(ImportRequest.of(file, null).cancelledBy(cancel), (read, written, total) -> {
            if (written >= ImportEngine.BATCH_SIZE) {
                cancel.set(true);
            }
        });
        assertThat(cancelled.cancelled()).isTrue();
        long partial = store.posts().countDocuments();
        assertThat(partial).isBetween(1L, 4999L);

        ImportReport rerun = run(file);
        assertThat(rerun.inserted() + rerun.unchanged()).isEqualTo(5000);
        assertThat(rerun.unchanged()).isEqualTo(partial);
        assertThat(rerun.verified()).isTrue();
        assertThat(store.posts().countDocuments()).isEqualTo(5000);
    }

    @Test
    void brokenSourceFilesGetSpecificMessagesAndNothingIsWritten() throws Exception {
        Path random = dir.resolve("random.db");
        byte[] noise = new byte[8192];
        new java.util.Random(7).nextBytes(noise);
        Files.write(random, noise);
        assertThatThrownBy(() -> run(random)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is not a SQLite database")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.NOT_SQLITE);

        Path valid = SqliteFiles.sqlalchemyBlog(dir, 2000);
        byte[] bytes = Files.readAllBytes(valid);
        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> run(truncated)).isInstanceOf(ImportException.class).hasMessageContaining("truncated")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.TRUNCATED);

        Path empty = dir.resolve("empty.db");
        Files.createFile(empty);
        assertThatThrownBy(() -> run(empty)).hasMessageContaining("empty file")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.EMPTY);

        Path noTables = dir.resolve("notables.db");
        SqliteFiles.exec(noTables, "CREATE TABLE t (x)", "DROP TABLE t");
        assertThatThrownBy(() -> run(noTables)).hasMessageContaining("no tables")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.EMPTY);

        Path noPosts = dir.resolve("shop.db");
        SqliteFiles.exec(noPosts, "CREATE TABLE product (id INTEGER PRIMARY KEY, sku TEXT, price REAL)");
        assertThatThrownBy(() -> run(noPosts)).hasMessageContaining("No table looks like blog posts").hasMessageContaining("product")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.NO_POST_TABLE);

        assertThatThrownBy(() -> run(dir.resolve("missing.db"))).hasMessageContaining("There is no file")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.UNREADABLE);
        assertThatThrownBy(() -> run(dir)).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.UNREADABLE);

        Path corrupt = dir.resolve("corrupt.db");
        byte[] damaged = bytes.clone();
        for (int i = 4096; i < 8192; i++) {
            damaged[i] = (byte) 0xA5;
        }
        Files.write(corrupt, damaged);
        assertThatThrownBy(() -> run(corrupt)).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).code()).isIn(ImportException.Code.CORRUPT, ImportException.Code.UNREADABLE);

        assertThat(store.posts().countDocuments()).isZero();
        try (var work = Files.list(dir.resolve("data/import-work"))) {
            assertThat(work).isEmpty();
        }
    }

    @Test
    void theInspectorProposesAMappingTheUserCanChange() throws Exception {
        Path file = dir.resolve("two.db");
        SqliteFiles.exec(file,
                "CREATE TABLE entries (id INTEGER PRIMARY KEY, headline TEXT, text TEXT, pub_date TEXT, summary TEXT)",
                "CREATE TABLE drafts (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
                "INSERT INTO entries VALUES (1, 'Headline', 'Body', '2020-01-01', 'Short')",
                "INSERT INTO drafts VALUES (1, 'Draft', 'Draft body')");
        ImportEngine.Inspection inspection = engine.inspect(file, null);
        assertThat(inspection.plan().table()).isEqualTo("entries");
        assertThat(inspection.plan().titleColumn()).isEqualTo("headline");
        assertThat(inspection.plan().contentColumn()).isEqualTo("text");
        assertThat(inspection.plan().dateColumn()).contains("pub_date");
        assertThat(inspection.schema().tables()).extracting(SqliteSchema.Table::name, SqliteSchema.Table::rowCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drafts", 1L), org.assertj.core.groups.Tuple.tuple("entries", 1L));

        run(file, inspection.plan().withContent("summary"), false);
        assertThat(stored("entries", 1L).getString("content")).isEqualTo("Short");

        MappingPlan drafts = engine.inspect(file, "drafts").plan();
        assertThat(drafts.table()).isEqualTo("drafts");
        assertThat(run(file, drafts, false).inserted()).isEqualTo(1);
        assertThatThrownBy(() -> run(file, inspection.plan().withTitle("nope"), false))
                .hasMessageContaining("has no column \"nope\"");
    }
}
