package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints every post as relaxed Extended JSON, one document per line, newest first.")
final class ExportCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        try (AppContext context = StoreOptions.open(store)) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            context.store().posts().exportJson(json -> writeLine(out, json));
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
