package dev.blogdesk.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The headings of a post, in order, as flexmark parses them (ATX and setext; none inside code blocks).
 * Front matter is blanked first so its closing {@code ---} does not turn its last line into a heading.
 */
public final class Outline {

    /** One heading: its level (1–6), its text, and where its line starts in the source. */
    public record Heading(int level, String text, int offset) {
    }

    private static final Parser PARSER = Parser.builder().build();

    private Outline() {
    }

    public static List<Heading> of(String markdown) {
        String source = withoutFrontMatter(markdown);
        Node document = PARSER.parse(source);
        List<Heading> headings = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(com.vladsch.flexmark.ast.Heading.class, h -> {
            String text = new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(h).strip();
            int start = h.getStartOffset();
            headings.add(new Heading(h.getLevel(), text.isEmpty() ? "(untitled section)" : text, start));
        })).visit(document);
        return headings;
    }

    private static String withoutFrontMatter(String markdown) {
        if (!markdown.startsWith("---\n")) {
            return markdown;
        }
        int end = markdown.indexOf("\n---", 3);
        if (end < 0) {
            return markdown;
        }
        int stop = Math.min(markdown.length(), end + 4);
        StringBuilder blanked = new StringBuilder(markdown);
        for (int i = 0; i < stop; i++) {
            if (blanked.charAt(i) != '\n') {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }
}
