package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportProgress;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.importer.MappingPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a legacy SQLite blog database (e.g. a Flask blog.db) into BlogDesk. Safe to run again: "
                + "each source row becomes exactly one post.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.db", description = "The SQLite file. It is copied first and never modified.")
    Path file;

    @Option(names = "--table", paramLabel = "T", description = "The table holding the posts (default: detected).")
    String table;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of dates without one, e.g. Europe/Berlin (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--dry-run", description = "Read, check and count everything; write nothing.")
    boolean dryRun;

    @Option(names = "--keep-html", description = "Keep HTML content as it is (default: convert it to Markdown; the original goes to legacy.original).")
    boolean keepHtml;

    @Option(names = "--pages", description = "Import pages (WordPress, Ghost) as posts (default: skip and count them).")
    boolean pages;

    @Option(names = "--same-blog", paramLabel = "update|new|skip", defaultValue = "update",
            description = "Rows imported before from another file of this blog (a copy, a snapshot): update their posts "
                    + "where the row changed (default), import them again as new posts, or skip them.")
    String sameBlog;

    @Option(names = "--site-folder", paramLabel = "DIR", description = "The old site's folder (or its content or uploads "
            + "folder): the images the posts link to there are imported into GridFS and the links rewritten. Only read.")
    Path siteFolder;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout.")
    boolean json;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ImportRequest.SameBlog same = sameBlogChoice();
        try (AppContext context = StoreOptions.open(store)) {
            ImportEngine engine = context.importEngine();
            MappingPlan plan = engine.inspect(file, table).plan().withZone(zone);
            AtomicBoolean cancel = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            // Ctrl+C stops the import between batches and lets the store close cleanly; a re-run finishes it.
            Thread stopper = new Thread(() -> {
                cancel.set(true);
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "blogdesk-import-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            ImportReport report;
            try {
                report = engine.run(ImportRequest.of(file, plan).withDryRun(dryRun).keepingHtml(keepHtml)
                        .includingPages(pages).withSameBlog(same)
                        .withImages(siteFolder, context.settings().imagePrefix()).cancelledBy(cancel), progressPrinter());
            } finally {
                finished.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook already runs and waits for us.
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(json ? report.toJson() : report.summary());
            return 0;
        }
    }

    /** Progress on stderr, only when a person is watching a terminal. */
    private static ImportProgress progressPrinter() {
        if (System.console() == null) {
            return ImportProgress.NONE;
        }
        long started = System.nanoTime();
        return (read, written, total) -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = read / seconds;
            long eta = rate > 0 && total > read ? Math.round((total - read) / rate) : 0;
            System.err.printf("\r%,d / %,d rows read, %,d written, %,.0f rows/s, ETA %ds   ", read, total, written, rate, eta);
            if (read >= total) {
                System.err.println();
            }
        };
    }

    private ImportRequest.SameBlog sameBlogChoice() {
        try {
            return ImportRequest.SameBlog.valueOf(sameBlog.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--same-blog takes update, new or skip, not \"" + sameBlog + "\".");
        }
    }
}
