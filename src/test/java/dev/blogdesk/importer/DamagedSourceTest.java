package dev.blogdesk.importer;

import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged SQLite files, damaged where real ones are: the post rows that read cleanly are imported, and
 * what was skipped is said; damage in the post rows themselves, or in the header, refuses the file in words.
 */
class DamagedSourceTest extends ImporterFixture {

    /** The Flask tutorial's site.db: users with password hashes, posts by them, an index on the title. */
    private Path siteDb(String name) throws Exception {
        Path file = dir.resolve(name);
        SqliteFiles.exec(file,
                "CREATE TABLE user (id INTEGER NOT NULL, username VARCHAR(20) NOT NULL, email VARCHAR(120) NOT NULL, "
                        + "image_file VARCHAR(20) NOT NULL, password VARCHAR(60) NOT NULL, PRIMARY KEY (id), UNIQUE (username), UNIQUE (email))",
                "CREATE TABLE post (id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, date_posted DATETIME NOT NULL, "
                        + "content TEXT NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id))",
                "CREATE INDEX ix_post_title ON post (title)");
        try (Connection c = SqliteFiles.open(file)) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("INSERT INTO user VALUES (?, ?, ?, 'default.jpg', ?)")) {
                for (int i = 1; i <= 40; i++) {
                    u.setInt(1, i);
                    u.setString(2, "writer" + i);
                    u.setString(3, "writer" + i + "@example.com");
                    u.setString(4, "$2b$12$" + "x".repeat(53));
                    u.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO post VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 120; i++) {
                    p.setInt(1, i);
                    p.setString(2, "Post " + i + " about things");
                    p.setString(3, "2019-0" + (1 + i % 9) + "-1" + (i % 10) + " 10:20:30.123456");
                    p.setString(4, ("Paragraph " + i + " of a post, written with care. ").repeat(1 + i % 20));
                    p.setInt(5, 1 + i % 40);
                    p.executeUpdate();
                }
            }
            c.commit();
        }
        return file;
    }

    /**
     * Overwrites the root page of every b-tree {@code where} names in sqlite_master (a table and its indexes,
     * or one index) with garbage.
     */
    private static void damage(Path file, String where) throws Exception {
        int pageSize;
        List<Integer> pages = new ArrayList<>();
        try (Connection c = SqliteFiles.open(file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE " + where)) {
                while (rs.next()) {
                    pages.add(rs.getInt(1));
                }
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int page : pages) {
            Arrays.fill(bytes, (page - 1) * pageSize, page * pageSize, (byte) 0xA5);
        }
        Files.write(file, bytes);
    }

    @Test
    void aDamagedUserTableCostsTheAuthorsNotThePosts() throws Exception {
        Path file = siteDb("site.db");
        damage(file, "tbl_name = 'user'"); // the table and its unique indexes
        byte[] before = Files.readAllBytes(file);

        ImportEngine.Inspection inspection = engine.inspect(file, null);
        assertThat(inspection.damage()).as("the wizard tells before anything is written").isPresent();
        ImportReport report = engine.run(ImportRequest.of(file, inspection.plan()), ImportProgress.NONE);

        assertThat(report.inserted()).isEqualTo(120);
        assertThat(report.verified()).isTrue();
        assertThat(report.problems()).extracting(p -> p.reason().code() + ":" + p.table())
                .contains("damaged_table:user", "damaged_file:post");
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.DAMAGED_TABLE).singleElement()
                .extracting(ImportProblem::message).asString().contains("without their authors");
        List<Document> docs = store.posts().find().into(new ArrayList<>());
        assertThat(docs).hasSize(120).allSatisfy(d -> {
            assertThat(d.getString("title")).startsWith("Post ");
            assertThat(d.getString("content")).startsWith("Paragraph ");
            assertThat(d.get("author")).isNull();
        });
        assertThat(Files.readAllBytes(file)).as("the source is never modified").isEqualTo(before);
    }

    @Test
    void theRealTutorialDatabaseWithItsUserTableDamagedStillGivesEveryPost() throws Exception {
        Path real = Path.of("..", "shared", "realdata", "coreyms_site.db");
        if (!Files.exists(real)) {
            real = Path.of("/work/shared/realdata/coreyms_site.db");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(real), "real data files not available");
        Path file = dir.resolve("coreyms_site.db");
        Files.copy(real, file);
        damage(file, "tbl_name = 'user'"); // here SQLite's own check stops with "malformed" instead of listing findings
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(25);
        assertThat(report.verified()).isTrue();
        assertThat(report.problems()).extracting(p -> p.reason().code())
                .as("the damaged user table is reported once, not as 25 unknown authors").containsExactlyInAnyOrder("damaged_table", "damaged_file");
    }

    @Test
    void aDamagedIndexOnThePostsCostsNothing() throws Exception {
        Path file = siteDb("indexed.db");
        damage(file, "name = 'ix_post_title'");
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(120);
        assertThat(report.problems()).extracting(p -> p.reason().code()).containsExactly("damaged_file");
        assertThat(store.posts().find(new Document("author", "writer2")).first()).isNotNull();
    }

    @Test
    void damageInThePostRowsThemselvesRefusesTheFileAndWritesNothing() throws Exception {
        Path file = siteDb("posts-damaged.db");
        damage(file, "tbl_name = 'post'");
        assertThatThrownBy(() -> engine.run(ImportRequest.of(file, null), ImportProgress.NONE))
                .isInstanceOf(ImportException.class).hasMessageContaining("damaged")
                .hasMessageContaining("Nothing was imported")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.CORRUPT);
        assertThat(store.posts().countDocuments()).isZero();
    }

    @Test
    void aBadPageSizeInTheHeaderIsHeaderDamageNotTruncation() throws Exception {
        Path file = siteDb("header.db");
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putShort(16, (short) 3000); // not a power of two
        Files.write(file, bytes);
        assertThatThrownBy(() -> engine.run(ImportRequest.of(file, null), ImportProgress.NONE))
                .isInstanceOf(ImportException.class).hasMessageContaining("damaged header").hasMessageContaining("page size of 3000")
                .hasMessageNotContaining("truncated")
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.Code.CORRUPT);
    }
}
