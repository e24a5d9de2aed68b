package dev.blogdesk.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/** GitHub-flavoured Markdown to sanitized HTML. Thread-safe: flexmark's parser and renderer are immutable. */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    // Rendering one block at a time: flexmark starts with links suppressed until a whole Document is
    // rendered; this option starts it with links on, so a block alone renders its links.
    private final HtmlRenderer blockRenderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        // GFM table rules: no multi-line header separators, columns must match the header.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
        MutableDataSet blockOptions = new MutableDataSet(options);
        blockOptions.set(HtmlRenderer.DO_NOT_RENDER_LINKS, true);
        blockRenderer = HtmlRenderer.builder(blockOptions).build();
    }

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    String renderNode(Node node) {
        return blockRenderer.render(node);
    }

    /** The body HTML of {@code markdown}, with anything that could run script removed. */
    public String toSafeHtml(String markdown) {
        String raw = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return sanitizer.sanitize(raw);
    }
}
