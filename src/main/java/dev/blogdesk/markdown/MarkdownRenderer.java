package dev.blogdesk.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/** GitHub-flavoured Markdown to sanitized HTML. Thread-safe: flexmark's parser and renderer are immutable. */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    // Renders the whole document in one pass but marks where each top-level block ends, so the
    // preview gets its blocks without a renderer context per block (which costs ~1 ms each).
    private final HtmlRenderer blockRenderer;
    private final String blockMarker = "<!--blogdesk-block-" + java.util.UUID.randomUUID() + "-->";
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
        // A soft line break is a space, as a browser shows it. Emitted as "\n" (our old setting), the preview's
        // WebView drew it as a missing-glyph box inside list items and in blocks it patched in while typing.
        options.set(HtmlRenderer.SOFT_BREAK, " ");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
        String marker = blockMarker;
        blockRenderer = HtmlRenderer.builder(options).nodeRendererFactory(opts -> new NodeRenderer() {
            @Override
            public java.util.Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return java.util.Set.of(new NodeRenderingHandler<>(com.vladsch.flexmark.util.ast.Document.class, (document, context, html) -> {
                    for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
                        context.render(child);
                        html.raw(marker);
                    }
                }));
            }
        }).build();
    }

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The raw (unsanitized) HTML of each top-level block of {@code document}, in order. */
    List<String> renderBlocks(Node document) {
        String html = blockRenderer.render(document);
        List<String> blocks = new java.util.ArrayList<>(java.util.Arrays.asList(html.split(java.util.regex.Pattern.quote(blockMarker), -1)));
        blocks.remove(blocks.size() - 1); // after the last marker
        return blocks;
    }

    /** The body HTML of {@code markdown}, with anything that could run script removed. */
    public String toSafeHtml(String markdown) {
        String raw = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return sanitizer.sanitize(raw);
    }
}
