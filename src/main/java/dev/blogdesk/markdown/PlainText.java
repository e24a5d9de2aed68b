package dev.blogdesk.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/**
 * Markdown reduced to its words, for the post list's excerpts: headings, emphasis, links, images (their
 * alt text), code and HTML tags become plain text on one line. Parsing costs a fraction of a
 * millisecond per excerpt, so callers do it off the FX thread.
 */
public final class PlainText {

    private static final Parser PARSER = Parser.builder().build();

    private PlainText() {
    }

    public static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = new TextCollectingVisitor().collectAndGetText(PARSER.parse(markdown));
        return text.replaceAll("\\s+", " ").strip();
    }
}
