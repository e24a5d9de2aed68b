package dev.blogdesk.ui.importwizard;

import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.testing.EngineDatabases;
import dev.blogdesk.testing.TestStore;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel.Page;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every engine's database, the same files the engine's own tests import, taken through the wizard as
 * a user does: the engine named on the mapping page, the counts on the preview page, the converted
 * post in the preview, then the import, its report and what is stored.
 */
class EngineWizardTest {

    @TempDir
    Path dir;
    TestStore store;
    ImportWizardViewModel vm;

    /** A database builder from {@link EngineDatabases}. */
    interface Builder {
        Path build(Path dir) throws Exception;
    }

    /** What the wizard must show and store for one engine's database; {@code lossy}: a post the fidelity check flags. */
    record Case(String name, Builder builder, String looksLike, long published, long drafts, long pages, long notPosts,
                long revisions, String title, String content, Instant date, String author, List<String> tags, String lossy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> engines() {
        return Stream.of(
                new Case("WordPress, prefix blog_", EngineDatabases::wordPressPrefixed, "Looks like WordPress (table prefix blog_)",
                        1, 2, 1, 3, 1, "I’m on SQLite", "Hello world from **WordPress**.\n",
                        Instant.parse("2020-05-04T10:00:00Z"), "Jane Writer", List.of(), null),
                new Case("WordPress terms", EngineDatabases::wordPressTerms, "Looks like WordPress",
                        1, 0, 0, 1, 0, "Tagged", "Hello", Instant.parse("2020-05-04T10:00:00Z"), "Jane Writer",
                        List.of("Uncategorized", "sqlite"), null),
                new Case("Ghost 0.x", EngineDatabases::ghost0, "Looks like Ghost 0.x (markdown)",
                        2, 1, 0, 0, 0, "Plain Markdown", "# Hi\n\nJust *Markdown*.", Instant.parse("2015-01-02T00:00:00.123Z"),
                        "Old Timer", List.of("Ghost"), null),
                new Case("Ghost 1–4", EngineDatabases::ghost1to4, "Looks like Ghost 1–4 (mobiledoc)",
                        2, 1, 1, 0, 0, "Welcome to Ghost", EngineDatabases.MOBILEDOC_AS_MARKDOWN, Instant.parse("2018-06-12T09:00:00Z"), null, List.of(), "Cut short"),
                new Case("Ghost 5", EngineDatabases::ghost5, "Looks like Ghost 5 (lexical)",
                        2, 3, 1, 0, 0, "Why lexical", null, Instant.parse("2023-05-02T09:30:15Z"), "Jane Ghost",
                        List.of("Getting Started", "News"), "Why lexical"),
                new Case("WriteFreely", EngineDatabases::writeFreely, "Looks like WriteFreely",
                        2, 1, 0, 0, 0, "Hello WriteFreely", "# Hello WriteFreely\n\nFirst post, no title field.",
                        Instant.parse("2019-02-03T04:05:06Z"), "matt", List.of(), null),
                new Case("Django", EngineDatabases::django, "Looks like Django (blog_post)",
                        1, 1, 0, 0, 0, "Live", "Out there.", Instant.parse("2021-06-02T08:30:00Z"), "ola", List.of(), null),
                new Case("Rails", EngineDatabases::rails, "Looks like Rails (articles)",
                        1, 2, 0, 0, 0, "Rails on SQLite", "CKEditor wrote this\n", Instant.parse("2023-03-01T12:34:56.123Z"),
                        "DHH Fan", List.of("ruby"), null),
                new Case("Node/Sequelize", EngineDatabases::sequelize, "Looks like Node/Sequelize (Posts)",
                        1, 0, 0, 0, 0, "Express yourself", "Hi from Node.", Instant.parse("2022-08-11T09:30:00.250Z"),
                        "node_dev", List.of(), null),
                new Case("flaskr", EngineDatabases::flaskr, "Looks like flaskr (the Flask tutorial's blog)",
                        1, 0, 0, 0, 0, "test title", "test\nbody", Instant.parse("2018-01-01T00:00:00Z"), "test", List.of(), null));
    }

    @BeforeEach
    void setUp() throws Exception {
        store = TestStore.open(Files.createDirectories(dir.resolve("data")));
        ImportEngine engine = new ImportEngine(store.database(), dir.resolve("data/import-work"), ImportTarget.IN_PROCESS);
        vm = new ImportWizardViewModel(engine, new DirectTaskExecutor(), new MarkdownRenderer(), title -> { });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachEnginesBlogGoesThroughTheWizardWithItsCountsItsConvertedPostsAndItsDrafts(Case c) throws Exception {
        vm.choose(c.builder().build(dir));
        assertThat(vm.pageProperty().get()).isEqualTo(Page.MAPPING);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.engineTextProperty().get()).isEqualTo(c.looksLike());

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PREVIEW);
        assertThat(vm.scanFindings()).contains(ImportReport.count(c.published(), "published post goes", "published posts go")
                + " to blogdb.posts; " + ImportReport.count(c.drafts(), "draft goes", "drafts go")
                + " to blogdb.drafts, which the blog never shows.");
        assertThat(vm.scanFindings().stream().anyMatch(l -> l.contains("skipped: go back and tick")))
                .as("the pages line").isEqualTo(c.pages() > 0);
        Document sample = vm.samples().samples().stream().filter(d -> c.title().equals(d.getString("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no preview of " + c.title()));
        if (c.content() != null) {
            assertThat(sample.getString("content")).as("the preview shows the post as it will be stored").isEqualTo(c.content());
        }
        if (c.lossy() != null) {
            assertThat(vm.conversions().posts()).extracting(ConversionReview::titleOf).containsExactly(c.lossy());
            assertThat(vm.conversions().differenceProperty().get()).startsWith("“" + c.lossy() + "” reads differently: ");
        } else {
            assertThat(vm.conversions().posts()).as("nothing reads differently").isEmpty();
        }
        assertThat(store.posts().countDocuments() + store.drafts().countDocuments()).as("the preview writes nothing").isZero();

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REPORT);
        ImportReport report = vm.reportProperty().get();
        assertThat(report.verified()).isTrue();
        assertThat(report.counts().published()).isEqualTo(c.published());
        assertThat(report.counts().drafts()).isEqualTo(c.drafts());
        assertThat(report.problemCounts().getOrDefault(Reason.PAGE_SKIPPED, 0L)).isEqualTo(c.pages());
        assertThat(report.problemCounts().getOrDefault(Reason.NOT_A_POST, 0L)).isEqualTo(c.notPosts());
        assertThat(report.counts().revisions()).isEqualTo(c.revisions());
        assertThat(store.posts().countDocuments()).isEqualTo(c.published());
        assertThat(store.drafts().countDocuments()).isEqualTo(c.drafts());
        assertThat(store.drafts().countDocuments(new Document("status", "draft"))).as("every draft says so").isEqualTo(c.drafts());

        Document stored = store.posts().find(new Document("title", c.title())).first();
        assertThat(stored).as("published: " + c.title()).isNotNull();
        assertThat(stored.getString("content")).isEqualTo(sample.getString("content"));
        assertThat(stored.getDate("date_posted").toInstant()).isEqualTo(c.date());
        assertThat(stored.getString("author")).isEqualTo(c.author());
        assertThat(stored.getList("tags", String.class, List.of())).containsExactlyInAnyOrderElementsOf(c.tags());
        assertThat(new ArrayList<>(vm.problems())).as("the report page lists what the report does")
                .hasSameSizeAs(report.problems());
    }
}
