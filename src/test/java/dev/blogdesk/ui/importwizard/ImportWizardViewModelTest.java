package dev.blogdesk.ui.importwizard;

import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.testing.SqliteFiles;
import dev.blogdesk.testing.TestStore;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel.Page;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWizardViewModelTest {

    @TempDir
    Path dir;
    TestStore store;
    ImportWizardViewModel vm;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = TestStore.open(Files.createDirectories(dir.resolve("data")));
        ImportEngine engine = new ImportEngine(store.database(), dir.resolve("data/import-work"), ImportTarget.IN_PROCESS);
        vm = new ImportWizardViewModel(engine, new DirectTaskExecutor(), new MarkdownRenderer(), shown::add);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    Path userPostBlog() throws Exception {
        Path file = dir.resolve("site.db");
        SqliteFiles.exec(file,
                "CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT, email TEXT, password TEXT)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, date_posted TEXT, content TEXT, summary TEXT, user_id INTEGER REFERENCES user(id))",
                "INSERT INTO user VALUES (1, 'corey', 'corey@example.com', '$2b$12$hash')",
                "INSERT INTO post VALUES (1, 'First', '2018-05-02 19:40:02.427409', '# Hello\n\n**bold**', 'short one', 1)",
                "INSERT INTO post VALUES (2, 'Second', 'garbage date', 'text', 'short two', 1)");
        return file;
    }

    @Test
    void aBrokenFileStaysOnTheFirstPageWithASpecificMessage() throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "hello");
        vm.choose(junk);
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CHOOSE);
        assertThat(vm.errorProperty().get()).contains("notes.txt is not a SQLite database");

        vm.choose(dir.resolve("missing.db"));
        assertThat(vm.errorProperty().get()).contains("There is no file");
        assertThat(store.posts().countDocuments()).isZero();
    }

    @Test
    void theWholeFlowFromFileToReportAndTheImportedPosts() throws Exception {
        vm.choose(userPostBlog());
        assertThat(vm.pageProperty().get()).isEqualTo(Page.MAPPING);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.tables()).extracting(TableRow::name, TableRow::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("post", 2L), org.assertj.core.groups.Tuple.tuple("user", 1L));
        assertThat(vm.tableProperty().get()).isEqualTo("post");
        assertThat(vm.titleColumnProperty().get()).isEqualTo("title");
        assertThat(vm.contentColumnProperty().get()).isEqualTo("content");
        assertThat(vm.dateColumnProperty().get()).isEqualTo("date_posted");
        assertThat(vm.includeAuthorProperty().get()).isTrue();
        assertThat(vm.authorTextProperty().get()).contains("user.username");

        vm.zoneProperty().set("Not/AZone");
        assertThat(vm.canGoNextProperty().get()).isFalse();
        vm.zoneProperty().set("UTC");

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PREVIEW);
        assertThat(store.posts().countDocuments()).as("the preview writes nothing").isZero();
        assertThat(vm.samples().samples()).hasSize(2);
        Document first = vm.samples().selectedProperty().get();
        assertThat(first.getString("author")).isEqualTo("corey");
        assertThat(vm.samples().jsonProperty().get()).contains("\"date_posted\"").doesNotContain("corey@example.com");
        assertThat(vm.samples().htmlProperty().get()).contains("<strong>bold</strong>");
        assertThat(vm.scanFindings()).anySatisfy(l -> assertThat(l).contains("2 rows in post: 2 new"))
                .anySatisfy(l -> assertThat(l).contains("1 × invalid_date").contains("imported without date_posted"));

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REPORT);
        assertThat(vm.reportProperty().get().inserted()).isEqualTo(2);
        assertThat(vm.reportProperty().get().verified()).isTrue();
        assertThat(vm.problems()).extracting(p -> p.reason().code()).containsExactly("invalid_date");
        assertThat(store.posts().countDocuments()).isEqualTo(2);

        Path saved = dir.resolve("report.json");
        vm.saveReport(saved);
        assertThat(Document.parse(Files.readString(saved)).getInteger("inserted")).isEqualTo(2);

        vm.showImportedPosts();
        assertThat(shown).containsExactly("site.db");
    }

    @Test
    void theUserCanRemapColumnsAndLeaveOutTheAuthor() throws Exception {
        vm.choose(userPostBlog());
        vm.contentColumnProperty().set("summary");
        vm.includeAuthorProperty().set(false);
        vm.next();
        vm.next();
        Document stored = store.posts().find(new Document("legacy.id", 1L)).first();
        assertThat(stored.getString("content")).isEqualTo("short one");
        assertThat(stored.containsKey("author")).isFalse();
    }

    @Test
    void privateColumnsAreNeverOffered() throws Exception {
        vm.choose(userPostBlog());
        vm.tableProperty().set("user");
        assertThat(vm.columns()).containsExactly("id", "username");
        assertThat(vm.errorProperty().get()).contains("has no title column");
        assertThat(vm.canGoNextProperty().get()).isFalse();
    }

    @Test
    void aGhostBlogIsNamedOnTheMappingPageItsDraftsAndPagesAreCountedAndPagesComeInWhenAskedFor() throws Exception {
        Path file = dir.resolve("ghost.db");
        SqliteFiles.exec(file,
                "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, title varchar(2000) not null, "
                        + "slug varchar(191) not null, mobiledoc text null, html text null, page boolean not null default '0', "
                        + "status varchar(50) not null default 'draft', created_at datetime not null, published_at datetime null, "
                        + "primary key (id))",
                "INSERT INTO posts VALUES ('a', 'u1', 'Live', 'live', NULL, '<p>Out.</p>', 0, 'published', '2020-01-01', '2020-01-02'), "
                        + "('b', 'u2', 'Private', 'private', NULL, '<p>Not yet.</p>', 0, 'draft', '2020-01-03', NULL), "
                        + "('c', 'u3', 'About', 'about', NULL, '<p>Me.</p>', 1, 'published', '2020-01-01', '2020-01-01')");
        vm.choose(file);
        assertThat(vm.engineTextProperty().get()).isEqualTo("Looks like Ghost 1–4 (mobiledoc)");
        assertThat(vm.importPagesProperty().get()).as("pages are skipped unless asked for").isFalse();

        vm.next();
        assertThat(vm.scanFindings())
                .contains("1 published post goes to blogdb.posts; 1 draft goes to blogdb.drafts, which the blog never shows.")
                .contains("1 page is skipped: go back and tick \"Import pages as posts\" to bring it in.");

        vm.back();
        vm.importPagesProperty().set(true);
        vm.next();
        assertThat(vm.scanFindings()).contains("2 published posts go to blogdb.posts; 1 draft goes to blogdb.drafts, "
                + "which the blog never shows.");
        vm.next();
        assertThat(store.posts().find().map(d -> d.getString("title")).into(new ArrayList<>())).containsExactlyInAnyOrder("Live", "About");
        assertThat(store.drafts().find().map(d -> d.getString("title")).into(new ArrayList<>())).containsExactly("Private");
    }

    @Test
    void aCopyOfAnImportedBlogPreviewsAsTheSamePostsAndTheUserCanChooseToSkipIt() throws Exception {
        Path site = userPostBlog();
        vm.choose(site);
        vm.next();
        vm.next();
        Path backup = Files.copy(site, dir.resolve("site-backup.db"));

        ImportWizardViewModel again = new ImportWizardViewModel(new ImportEngine(store.database(), dir.resolve("data/import-work"), ImportTarget.IN_PROCESS),
                new DirectTaskExecutor(), new MarkdownRenderer(), shown::add);
        again.choose(backup);
        assertThat(again.sameBlogProperty().get()).isEqualTo(dev.blogdesk.importer.ImportRequest.SameBlog.UPDATE);
        again.next();
        assertThat(again.scanFindings())
                .contains("2 rows in post: 0 new, 0 changed since the last import, 2 unchanged, 0 to skip.")
                .contains("2 rows were imported before from site.db: the same posts, updated only where the row changed.");
        again.back();
        again.sameBlogProperty().set(dev.blogdesk.importer.ImportRequest.SameBlog.SKIP);
        again.next();
        assertThat(again.scanFindings()).contains("2 rows were imported before from site.db: skipped.");
        again.next();
        assertThat(store.posts().countDocuments()).isEqualTo(2);
    }

    @Test
    void aConvertedPostThatReadsDifferentlyIsShownSideBySideWithItsOriginal() throws Exception {
        Path file = dir.resolve("ckeditor.db");
        SqliteFiles.exec(file, "CREATE TABLE blog_posts (id INTEGER PRIMARY KEY, title TEXT, text TEXT, date TEXT)",
                "INSERT INTO blog_posts VALUES (1, 'Fine', '<p>Plain <strong>words</strong>.</p>', '2021-01-01')",
                "INSERT INTO blog_posts VALUES (2, 'Glossary', '<dl><dt>Slug</dt><dd>The address of a post</dd></dl>', '2021-01-02')");
        vm.choose(file);
        vm.next();
        ConversionReview review = vm.conversions();
        assertThat(review.posts()).extracting(ConversionReview::titleOf).containsExactly("Glossary");
        assertThat(review.selectedProperty().get()).isNotNull();
        assertThat(review.differenceProperty().get()).startsWith("“Glossary” reads differently: the text differs at character");
        assertThat(review.originalHtmlProperty().get()).contains("<dt>Slug</dt>");
        assertThat(review.convertedHtmlProperty().get()).contains("The address of a post").doesNotContain("<dt>");
        assertThat(store.posts().countDocuments()).as("only looked at").isZero();
    }
}
