package dev.blogdesk.cli;

import dev.blogdesk.store.MongoUris;
import dev.blogdesk.store.StoreException;
import dev.blogdesk.ui.BlogDeskApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code blogdesk [--data-dir DIR] [--mongo-uri URI]} starts the desktop app; subcommands work headless. */
@Command(name = "blogdesk", mixinStandardHelpOptions = true, versionProvider = BlogDeskCommand.Version.class,
        description = "BlogDesk, a Markdown blog editor on MongoDB. Without a command, starts the desktop app.",
        subcommands = {ImportCommand.class, ExportCommand.class, SearchCommand.class, ServeCommand.class, SyncCommand.class, BenchCommand.class})
public final class BlogDeskCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the working copy (default: $BLOGDESK_HOME or the XDG data folder).")
    java.nio.file.Path dataDir;

    @picocli.CommandLine.Option(names = "--mongo-uri", paramLabel = "URI",
            description = "A MongoDB server to sync the working copy with (default: the one in Settings, if any).")
    String mongoUri;

    @Override
    public Integer call() {
        java.nio.file.Path dir = dev.blogdesk.app.DataDirs.resolve(dataDir);
        dev.blogdesk.app.Logging.init(dir);
        BlogDeskApp.launch(dir, mongoUri);
        return 0;
    }

    /** Runs the command line and returns the exit code; failures are one clear line on stderr. */
    public static int run(String[] args) {
        CommandLine cli = new CommandLine(new BlogDeskCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("blogdesk: " + e.getMessage() + " (see 'blogdesk --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean forUsers = e instanceof StoreException || e instanceof dev.blogdesk.importer.ImportException;
            String message = forUsers ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            String uri = commandLine.getParseResult().matchedOptionValue("--mongo-uri", null);
            commandLine.getErr().println("blogdesk: " + MongoUris.scrub(message, uri).replace('\n', ' '));
            org.slf4j.LoggerFactory.getLogger(BlogDeskCommand.class).error("Command failed", e);
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BlogDeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"BlogDesk " + (v == null ? "(development build)" : v)};
        }
    }
}
