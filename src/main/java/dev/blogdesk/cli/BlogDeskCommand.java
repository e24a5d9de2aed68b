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
        subcommands = {ImportCommand.class, ExportCommand.class, SearchCommand.class, PublishCommand.Publish.class,
                PublishCommand.Unpublish.class, ServeCommand.class, SyncCommand.class, BenchCommand.class})
public final class BlogDeskCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the working copy (default: $BLOGDESK_HOME or the XDG data folder).")
    java.nio.file.Path dataDir;

    @picocli.CommandLine.Option(names = "--mongo-uri", paramLabel = "URI",
            description = "A MongoDB server to sync the working copy with (default: the one in Settings, if any).")
    String mongoUri;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.nio.file.Path dir = dev.blogdesk.app.DataDirs.resolve(dataDir);
        dev.blogdesk.app.Logging.init(dir);
        if (noDisplay()) {
            spec.commandLine().getErr().println("blogdesk: there is no display to open the window on (DISPLAY is not set); "
                    + "start BlogDesk in a desktop session, or use a command such as 'blogdesk export' (see 'blogdesk --help')");
            return 1;
        }
        BlogDeskApp.launch(dir, mongoUri);
        return 0;
    }

    /** On Linux the window needs an X11 or Wayland display, unless JavaFX runs headless (Monocle). */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))
                && !"Monocle".equals(System.getProperty("glass.platform"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Runs the command line and returns the exit code; failures are one clear line on stderr. */
    public static int run(String[] args) {
        CommandLine cli = new CommandLine(new BlogDeskCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.registerConverter(java.time.ZoneId.class, BlogDeskCommand::zone);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("blogdesk: " + problem(e) + " (see 'blogdesk --help')");
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

    /** A word that is not a command, as the first argument, is named as such; else picocli's sentence. */
    private static String problem(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "there is no command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet());
        }
        return e.getMessage();
    }

    private static java.time.ZoneId zone(String text) {
        try {
            return java.time.ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time zone; use a region such as "
                    + "Europe/Berlin or America/New_York, an offset such as +02:00, or UTC");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BlogDeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"BlogDesk " + (v == null ? "(development build)" : v)};
        }
    }
}
