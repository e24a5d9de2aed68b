package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Lists the posts, drafts included, that contain every word of QUERY (or \"quoted phrase\") in their title or content, case-insensitively, as literal text, newest first.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words or \"phrases\" to look for; regular-expression characters are literal.")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the matching documents as 'export' prints them, one per line.")
    boolean json;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--limit must be at least 1");
        }
        try (AppContext context = StoreOptions.open(store)) {
            PostRepository posts = context.store().posts();
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            for (PostSummary hit : posts.search(query, 0, limit)) {
                if (json) {
                    posts.findJsonById(hit.id()).ifPresent(doc -> ExportCommand.writeLine(out, doc));
                } else {
                    String date = hit.datePosted() == null ? "(no date)          "
                            : DateTimeFormatter.ISO_INSTANT.format(hit.datePosted());
                    ExportCommand.writeLine(out, date + "  " + hit.id() + "  " + (hit.isDraft() ? "[draft] " : "") + hit.title());
                }
            }
            out.flush();
        }
        return 0;
    }
}
