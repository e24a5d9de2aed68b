package dev.blogdesk.importer;

import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flask blog whose editor was CKEditor: HTML with &nbsp;, inline styles, spans and a malformed list,
 * entity-laden titles, and one post the conversion cannot render the same, next to a post already in Markdown.
 */
class HtmlImportTest extends ImporterFixture {

    Path file;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("ckeditor.db");
        SqliteFiles.exec(file, "CREATE TABLE blog_posts (id INTEGER PRIMARY KEY, title VARCHAR(140) NOT NULL, "
                + "text TEXT NOT NULL, date DATETIME NOT NULL)");
        try (var c = SqliteFiles.open(file); PreparedStatement ps = c.prepareStatement("INSERT INTO blog_posts VALUES (?, ?, ?, ?)")) {
            insert(ps, 1, "I&#039;m back &amp; blogging", "<p>Hello&nbsp;world, this is <strong>bold</strong> and <em>italic</em>.</p>"
                    + "<p style=\"text-align:center\"><span style=\"color:#ff0000\">Read <a href=\"https://example.com/a\">the notes</a></span>.</p>");
            insert(ps, 2, "Lists &amp; pictures", "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ol>"
                    + "<p><img src=\"/static/uploads/cat.jpg\" alt=\"A cat\"></p><h2>Code</h2><pre><code>print(\"hi\")</code></pre>");
            insert(ps, 3, "Glossary", "<dl><dt>Slug</dt><dd>The address of a post</dd></dl>");
            insert(ps, 4, "Already Markdown", "# Notes\n\nSome *Markdown* with a <br> inside.");
        }
    }

    private static void insert(PreparedStatement ps, int id, String title, String text) throws Exception {
        ps.setInt(1, id);
        ps.setString(2, title);
        ps.setString(3, text);
        ps.setString(4, "2021-03-0" + id + " 09:00:00");
        ps.executeUpdate();
    }

    private Document post(long id) {
        return store.posts().find(new Document("legacy.id", id)).first();
    }

    @Test
    void htmlBecomesMarkdownWithTheOriginalKeptAndWhatReadsDifferentlyIsListed() throws Exception {
        String before = HexSha.of(file);
        ImportReport report = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);

        assertThat(report.inserted()).isEqualTo(4);
        assertThat(report.verified()).isTrue();
        Document first = post(1);
        assertThat(first.getString("title")).isEqualTo("I'm back & blogging");
        assertThat(first.getString("content")).isEqualTo(
                "Hello world, this is **bold** and *italic*.\n\nRead [the notes](https://example.com/a).\n");
        Document legacy = first.get("legacy", Document.class);
        assertThat(legacy.getString("format")).isEqualTo("html");
        assertThat(legacy.getString("original")).startsWith("<p>Hello&nbsp;world");
        assertThat(legacy.getString("title_raw")).isEqualTo("I&#039;m back &amp; blogging");

        assertThat(post(2).getString("content")).contains("* one\n* two\n  * nested", "![A cat](/static/uploads/cat.jpg)",
                "## Code", "print(\"hi\")");
        Document markdown = post(4);
        assertThat(markdown.getString("content")).as("Markdown with a little HTML is left alone")
                .isEqualTo("# Notes\n\nSome *Markdown* with a <br> inside.");
        assertThat(markdown.get("legacy", Document.class).containsKey("format")).isFalse();

        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS)
                .extracting(ImportProblem::id).containsExactly(3L);
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS)
                .first().extracting(ImportProblem::message).asString().contains("the text differs");
        assertThat(post(3).get("legacy", Document.class).getString("original")).contains("<dl>");
        assertThat(HexSha.of(file)).as("the source file is never modified").isEqualTo(before);

        ImportReport again = engine.run(ImportRequest.of(file, null), ImportProgress.NONE);
        assertThat(again.unchanged()).as("a re-run converts the same way and finds nothing changed").isEqualTo(4);
    }

    @Test
    void keepingTheHtmlStoresItAsItIs() {
        ImportReport report = engine.run(ImportRequest.of(file, null).keepingHtml(true), ImportProgress.NONE);
        assertThat(report.verified()).isTrue();
        Document first = post(1);
        assertThat(first.getString("content")).startsWith("<p>Hello&nbsp;world");
        assertThat(first.get("legacy", Document.class).getString("format")).isEqualTo("html");
        assertThat(first.get("legacy", Document.class).containsKey("original")).isFalse();
        assertThat(first.getString("title")).as("entities in titles are decoded either way").isEqualTo("I'm back & blogging");
        assertThat(report.problems()).noneMatch(p -> p.reason() == ImportProblem.Reason.CONVERSION_DIFFERS);
    }

    /** SHA-256 of a file, to prove the import never writes to its source. */
    static final class HexSha {
        static String of(Path file) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
    }
}
