package dev.blogdesk.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code blogdesk import} from the packaged jar. */
class ImportCliIT {

    @TempDir
    Path dir;

    CliIT.Result run(String... args) throws Exception {
        CliIT cli = new CliIT();
        cli.dataDir = dir.resolve("home");
        return cli.run(args);
    }

    @Test
    void jsonReportHasTheContractFieldsAndProblemsWithReasons() throws Exception {
        Path file = dir.resolve("blog.db");
        SqliteFiles.exec(file, "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT, content TEXT, date_posted TEXT)",
                "INSERT INTO post VALUES (1, 'ok', 'fine', '2020-01-01 10:00:00.123456')",
                "INSERT INTO post VALUES (2, 'bad date', 'x', 'someday')",
                "INSERT INTO post VALUES (3, '', 'no title', '2020-01-02')");
        Path data = dir.resolve("data");

        CliIT.Result dry = run("import", file.toString(), "--data-dir", data.toString(), "--dry-run", "--json");
        assertThat(dry.exit()).isZero();
        assertThat(Document.parse(dry.stdout().get(0)).getInteger("inserted")).isEqualTo(3);

        CliIT.Result r = run("import", file.toString(), "--data-dir", data.toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).hasSize(1);
        Document report = Document.parse(r.stdout().get(0));
        for (String field : List.of("read", "inserted", "updated", "unchanged", "skipped", "failed")) {
            assertThat(report.get(field)).as(field).isInstanceOf(Integer.class);
        }
        assertThat(report.getInteger("read")).isEqualTo(3);
        assertThat(report.getInteger("inserted")).isEqualTo(3);
        assertThat(report.getBoolean("verified")).isTrue();
        List<Document> problems = report.getList("problems", Document.class);
        assertThat(problems).extracting(p -> p.getString("reason") + ":" + p.get("id") + ":" + p.getString("table"))
                .containsExactlyInAnyOrder("invalid_date:2:post", "missing_title:3:post");
        assertThat(problems).allSatisfy(p -> assertThat(p.getString("message")).isNotBlank());

        CliIT.Result again = run("import", file.toString(), "--data-dir", data.toString(), "--json");
        Document second = Document.parse(again.stdout().get(0));
        assertThat(second.getInteger("inserted")).isZero();
        assertThat(second.getInteger("unchanged")).isEqualTo(3);

        CliIT.Result export = run("export", "--data-dir", data.toString());
        assertThat(export.stdout()).hasSize(3);
    }

    @Test
    void anImportToAServerThatDoesNotAnswerSaysNothingWasWritten() throws Exception {
        Path file = SqliteFiles.sqlalchemyBlog(dir, 3);
        int closedPort = CliIT.freePort();
        CliIT.Result r = run("import", file.toString(), "--mongo-uri",
                "mongodb://127.0.0.1:" + closedPort + "/blogdb?serverSelectionTimeoutMS=1500", "--json");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .contains("Could not reach the MongoDB server mongodb://127.0.0.1:" + closedPort)
                .doesNotContain("What was written is kept");
    }

    @Test
    void aBrokenFileIsOneClearLineAndANonZeroExit() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database at all");
        CliIT.Result r = run("import", junk.toString(), "--data-dir", dir.resolve("data").toString(), "--json");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .startsWith("blogdesk: ").contains("junk.db is not a SQLite database");
    }

    @Test
    void anImportKilledWithKillDashNineHalfwayFinishesExactlyOnTheRerun() throws Exception {
        // 12,000 rows: twelve batches, so a kill after the first batch lands mid-import, not after it.
        Path file = SqliteFiles.sqlalchemyBlog(dir, 12_000);
        Path data = dir.resolve("data");
        Process child = new ProcessBuilder(CliIT.java("import", file.toString(), "--data-dir", data.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long seen = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (seen < 1_000 && System.nanoTime() < deadline && child.isAlive()) {
                Optional<Integer> port = EmbeddedMongo.runningInstancePort(data);
                if (port.isPresent()) {
                    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port.get() + "/?serverSelectionTimeoutMS=2000")) {
                        seen = client.getDatabase("blogdb").getCollection("posts").countDocuments();
                    } catch (RuntimeException notYet) {
                        seen = 0;
                    }
                }
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the import should still be running when killed").isTrue();
            assertThat(seen).isBetween(1_000L, 11_999L);
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
        }

        CliIT.Result rerun = run("import", file.toString(), "--data-dir", data.toString(), "--json");
        assertThat(rerun.exit()).as(rerun.stderr()).isZero();
        Document report = Document.parse(rerun.stdout().get(0));
        assertThat(report.getInteger("read")).isEqualTo(12_000);
        assertThat(report.getInteger("inserted") + report.getInteger("unchanged")).isEqualTo(12_000);
        assertThat(report.getInteger("unchanged")).isGreaterThanOrEqualTo((int) seen);
        assertThat(report.getBoolean("verified")).isTrue();

        CliIT.Result export = run("export", "--data-dir", data.toString());
        assertThat(export.stdout()).hasSize(12_000);
        assertThat(export.stdout().stream().map(l -> Document.parse(l).get("legacy", Document.class).get("id")).distinct().count())
                .isEqualTo(12_000);
    }

    @Test
    void benchImportPrintsTheFigureInTheContractFormat() throws Exception {
        CliIT.Result r = run("bench", "import", "--rows", "1000", "--json", "--work-dir", dir.resolve("bench").toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        Document figure = Document.parse(r.stdout().get(0));
        assertThat(figure.keySet()).containsExactly("name", "value", "unit", "baseline", "ratio");
        assertThat(figure.getString("name")).isEqualTo("import.throughput");
        assertThat(figure.getString("unit")).isEqualTo("docs/s");
        assertThat(figure.getDouble("value")).isPositive();
        assertThat(figure.getDouble("ratio")).isCloseTo(figure.getDouble("value") / figure.getDouble("baseline"),
                org.assertj.core.data.Offset.offset(0.01));
        Document vsNaive = Document.parse(r.stdout().get(1));
        assertThat(vsNaive.getString("name")).isEqualTo("import.vs_naive");
        assertThat(vsNaive.getString("unit")).isEqualTo("ms");
        assertThat(vsNaive.getDouble("baseline")).as("the naive migration into its own serve endpoint").isPositive();
        assertThat(vsNaive.getDouble("value")).isPositive();

        CliIT.Result unknown = run("bench", "warp-speed");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.stderr()).contains("Unknown benchmark 'warp-speed'");
    }

    @Test
    void benchStartupAndSearchStartTheAppAndPrintTheirFigures() throws Exception {
        // One round (two app starts instead of six) and 20 searches prove the contract just as well.
        CliIT.Result r = run("bench", "startup", "search", "--rows", "400", "--rounds", "1", "--samples", "20", "--json",
                "--work-dir", dir.resolve("bench-startup").toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        java.util.Map<String, Document> figures = new java.util.HashMap<>();
        for (String line : r.stdout()) {
            Document figure = Document.parse(line);
            assertThat(figure.keySet()).containsExactly("name", "value", "unit", "baseline", "ratio");
            figures.put(figure.getString("name"), figure);
        }
        assertThat(figures).containsOnlyKeys("startup.first_page_ms", "open.p95_ms", "search.p95_ms", "heap.mb");
        assertThat(figures.get("startup.first_page_ms").getDouble("baseline")).as("empty store window").isPositive();
        assertThat(figures.get("heap.mb").getDouble("value")).isBetween(1.0, 256.0);
        assertThat(figures.get("search.p95_ms").getString("unit")).isEqualTo("ms");
    }
}
