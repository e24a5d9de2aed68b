package dev.blogdesk.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes on the command line get one sentence that names the problem and the way out. */
class CommandLineMessagesTest {

    private record Outcome(int exit, String stderr) {
    }

    private static Outcome run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = BlogDeskCommand.run(args);
            return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommandsThereAre() {
        Outcome o = run("frobnicate");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr().strip().lines()).singleElement().asString()
                .isEqualTo("blogdesk: there is no command 'frobnicate'; the commands are import, export, search, publish, "
                        + "unpublish, serve, sync, bench (see 'blogdesk --help')");
    }

    @Test
    void aTimeZoneThatDoesNotExistSaysWhatOneLooksLike() {
        Outcome o = run("import", "blog.db", "--zone", "Mars/Olympus");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr().strip().lines()).singleElement().asString()
                .contains("'Mars/Olympus' is not a time zone").contains("Europe/Berlin")
                .doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void aSameBlogChoiceThatDoesNotExistNamesTheThreeThereAre() {
        Outcome o = run("import", "blog.db", "--same-blog", "merge");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr().strip().lines()).singleElement().asString()
                .contains("--same-blog takes update, new or skip, not \"merge\"").doesNotContain("Exception");
    }
}
