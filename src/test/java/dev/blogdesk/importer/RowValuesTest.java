package dev.blogdesk.importer;

import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a row's values become: dates in every form (and garbage never replaced by now), text byte for byte,
 * rows and comments over MongoDB's document limit, duplicate and missing ids.
 */
class RowValuesTest extends ImporterFixture {

    @Test
    void everyDateFormIsParsedAndGarbageIsReportedNeverReplacedByNow() throws Exception {
        Path file = dir.resolve("dates.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted)",
                "INSERT INTO post VALUES (1, 'a', '', '2018-05-02 19:40:02.427409')",
                "INSERT INTO post VALUES (2, 'b', '', '2018-05-02T19:40:02Z')",
                "INSERT INTO post VALUES (3, 'c', '', '2018-05-02T21:40:02+02:00')",
                "INSERT INTO post VALUES (4, 'd', '', '2018-05-02')",
                "INSERT INTO post VALUES (5, 'e', '', 1525290002)",
                "INSERT INTO post VALUES (6, 'f', '', 1525290002427)",
                "INSERT INTO post VALUES (7, 'g', '', NULL)",
                "INSERT INTO post VALUES (8, 'h', '', 'last tuesday')",
                "INSERT INTO post VALUES (9, 'i', '', 1525290002.5)",
                "INSERT INTO post VALUES (10, 'j', '', '2018-05-02 19:40:02')");

        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(10);
        Map<Long, Instant> dates = store.posts().find().into(new ArrayList<>()).stream()
                .filter(d -> d.get("date_posted") != null)
                .collect(Collectors.toMap(d -> d.get("legacy", Document.class).getLong("id"), d -> d.getDate("date_posted").toInstant()));
        assertThat(dates).containsOnlyKeys(1L, 2L, 3L, 4L, 5L, 6L, 9L, 10L);
        assertThat(dates.get(1L)).isEqualTo(Instant.parse("2018-05-02T19:40:02.427Z"));
        assertThat(dates.get(2L)).isEqualTo(Instant.parse("2018-05-02T19:40:02Z"));
        assertThat(dates.get(3L)).isEqualTo(Instant.parse("2018-05-02T19:40:02Z"));
        assertThat(dates.get(4L)).isEqualTo(Instant.parse("2018-05-02T00:00:00Z"));
        assertThat(dates.get(5L)).isEqualTo(Instant.parse("2018-05-02T19:40:02Z"));
        assertThat(dates.get(6L)).isEqualTo(Instant.parse("2018-05-02T19:40:02.427Z"));
        assertThat(dates.get(9L)).isEqualTo(Instant.parse("2018-05-02T19:40:02.500Z"));
        assertThat(dates.get(10L)).isEqualTo(Instant.parse("2018-05-02T19:40:02Z"));
        assertThat(codes(report)).containsExactlyInAnyOrder("missing_date:7", "invalid_date:8");
        assertThat(stored("post", 8L).get("legacy", Document.class).getString("date_raw")).isEqualTo("last tuesday");
        assertThat(report.verified()).isTrue();
    }

    @Test
    void naiveDatesFollowTheChosenZone() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 3);
        ImportEngine.Inspection inspection = engine.inspect(file, null);
        run(file, inspection.plan().withZone(ZoneId.of("Asia/Tokyo")), false);
        // post 1: 2019-02-02 10:01:07.000037 in Tokyo = 01:01:07 UTC
        assertThat(stored("post", 1L).getDate("date_posted").toInstant()).isEqualTo(Instant.parse("2019-02-02T01:01:07Z"));
    }

    @Test
    void textIsStoredByteForByteAndInvalidUtf8IsReportedAndKept() throws Exception {
        Path file = dir.resolve("text.db");
        String tricky = "CRLF\r\nline 😀 emoji, 漢字 CJK, tab\t and trailing spaces   \n\n";
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (2, CAST(X'4f6b6179' AS TEXT), CAST(X'48656c6c6f20ff20776f726c64' AS TEXT), '2020-01-01')",
                "INSERT INTO post VALUES (3, NULL, 'no title', '2020-01-01')",
                "INSERT INTO post VALUES (4, 12345, 67.5, '2020-01-01')");
        try (Connection c = SqliteFiles.open(file);
             PreparedStatement ps = c.prepareStatement("INSERT INTO post VALUES (1, ?, ?, '2020-01-01')")) {
            ps.setString(1, "Unicode ✓");
            ps.setString(2, tricky);
            ps.executeUpdate();
        }
        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(stored("post", 1L).getString("content").getBytes(StandardCharsets.UTF_8)).isEqualTo(tricky.getBytes(StandardCharsets.UTF_8));

        Document broken = stored("post", 2L);
        assertThat(broken.getString("content")).isEqualTo("Hello \uFFFD world");
        Binary raw = broken.get("legacy", Document.class).get("raw", Document.class).get("content", Binary.class);
        assertThat(raw.getData()).isEqualTo(HexFormat.of().parseHex("48656c6c6f20ff20776f726c64"));
        assertThat(stored("post", 3L).getString("title")).isEmpty();
        assertThat(stored("post", 4L).getString("title")).isEqualTo("12345");
        assertThat(codes(report)).containsExactlyInAnyOrder("invalid_utf8:2", "missing_title:3");
        assertThat(report.problemCounts()).containsEntry(Reason.INVALID_UTF8, 1L);
    }

    @Test
    void aRowOverSixteenMegabytesIsSkippedAndTheRestGoesIn() throws Exception {
        Path file = dir.resolve("huge.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (1, 'small', 'ok', '2020-01-01')",
                "INSERT INTO post VALUES (2, 'huge', printf('%.*c', 17000000, 'x'), '2020-01-01')",
                "INSERT INTO post VALUES (3, 'small too', 'ok', '2020-01-01')");
        ImportReport report = run(file);
        assertThat(report.read()).isEqualTo(3);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(codes(report)).containsExactly("too_large:2");
        assertThat(report.verified()).isTrue();
        assertThat(stored("post", 2L)).isNull();
    }

    @Test
    void commentsThatWouldExceedTheDocumentLimitAreCappedAndReported() throws Exception {
        Path file = dir.resolve("chatty.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "CREATE TABLE comment (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES post(id), body TEXT)",
                "INSERT INTO post VALUES (1, 'Popular', 'x', '2020-01-01'), (2, 'Quiet', 'y', '2020-01-02')",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
                        + "INSERT INTO comment (post_id, body) SELECT 1, printf('%.*c', 1000000, 'c') FROM n",
                "INSERT INTO comment (post_id, body) VALUES (2, 'one small comment')");
        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.skipped()).isZero();
        assertThat(codes(report)).containsExactly("comments_capped:1");
        assertThat(report.problems().get(0).message()).matches("Kept 1[0-9] of 20 comments.*");
        int kept = stored("post", 1L).getList("comments", Document.class).size();
        assertThat(kept).isBetween(10, 16);
        assertThat(stored("post", 2L).getList("comments", Document.class)).hasSize(1);
        assertThat(report.verified()).isTrue();
    }

    @Test
    void duplicateAndMissingIdsAreSkippedWithAReason() throws Exception {
        Path file = dir.resolve("dupes.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (1, 'first', 'a', '2020-01-01'), (1, 'second with same id', 'b', '2020-01-02'), "
                        + "(NULL, 'no id', 'c', '2020-01-03'), (2, 'fine', 'd', '2020-01-04')");
        ImportReport report = run(file);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(codes(report)).containsExactlyInAnyOrder("duplicate_id:1", "missing_id:null");
        assertThat(stored("post", 1L).getString("title")).isEqualTo("first");
    }

    /**
     * Schemas from the Django Girls tutorial (blog_post: created_date, published_date) and a Sequelize blog
     * (Posts: createdAt, authorId), with a Flask blog's human-readable dates: each gets its date column, and
     * its dates arrive instead of being dropped.
     */
    @Test
    void djangoSequelizeAndWrittenOutDatesAreFoundAndParsed() throws Exception {
        Path django = dir.resolve("django.db");
        SqliteFiles.exec(django,
                "CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username VARCHAR(150), password VARCHAR(128))",
                "CREATE TABLE blog_post (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, text TEXT NOT NULL, "
                        + "created_date DATETIME NOT NULL, published_date DATETIME NULL, author_id INTEGER REFERENCES auth_user (id))",
                "INSERT INTO auth_user VALUES (1, 'ola', 'pbkdf2_sha256$x')",
                "INSERT INTO blog_post VALUES (1, 'Hello', 'First post.', '2021-06-01 10:00:00.123456', '2021-06-02 08:30:00', 1)");
        assertThat(engine.inspect(django, null).plan().dateColumn()).contains("published_date");
        run(django);
        assertThat(stored("blog_post", 1L).getDate("date_posted").toInstant()).isEqualTo(java.time.Instant.parse("2021-06-02T08:30:00Z"));

        Path sequelize = dir.resolve("sequelize.db");
        SqliteFiles.exec(sequelize,
                "CREATE TABLE `Posts` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255), `content` TEXT, "
                        + "`authorId` INTEGER, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
                "INSERT INTO Posts VALUES (1, 'Node post', 'Body', 1, '2022-08-11 10:15:00.000 +00:00', '2022-08-12 10:15:00.000 +00:00')");
        assertThat(engine.inspect(sequelize, null).plan().dateColumn()).contains("createdAt");
        run(sequelize);
        assertThat(stored("Posts", 1L).getDate("date_posted").toInstant()).isEqualTo(java.time.Instant.parse("2022-08-11T10:15:00Z"));

        Path flask = dir.resolve("flask.db");
        SqliteFiles.exec(flask,
                "CREATE TABLE blog_posts (id INTEGER PRIMARY KEY, title VARCHAR(140), text TEXT, date VARCHAR(40))",
                "INSERT INTO blog_posts VALUES (1, 'Written out', 'Body', 'August 11, 2022')",
                "INSERT INTO blog_posts VALUES (2, 'Nonsense', 'Body', 'the day after')");
        ImportReport report = run(flask);
        assertThat(stored("blog_posts", 1L).getDate("date_posted").toInstant()).isEqualTo(java.time.Instant.parse("2022-08-11T00:00:00Z"));
        assertThat(stored("blog_posts", 2L).containsKey("date_posted")).isFalse();
        assertThat(codes(report)).contains("invalid_date:2");
    }
}
