package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import picocli.CommandLine.Command;
import dev.blogdesk.store.PostStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints every post, drafts included, as relaxed Extended JSON, one document per line, newest first; each names its status.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--status", paramLabel = "STATUS", description = "Only posts with this status: draft or published.")
    String status;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        PostStatus only = status == null ? null : PostStatus.parse(status);
        if (status != null && only == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--status must be draft or published, not '" + status + "'");
        }
        try (AppContext context = StoreOptions.open(store)) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            context.store().posts().exportJson(only, json -> writeLine(out, json));
            out.flush();
        }
        return 0;
    }

    static void writeLine(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
