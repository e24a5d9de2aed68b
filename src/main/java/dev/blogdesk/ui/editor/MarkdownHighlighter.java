package dev.blogdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown syntax highlighting as style-class spans, computed from plain text (off the FX thread).
 * Line by line, so fenced code blocks carry their state; inline markup only outside code.
 */
public final class MarkdownHighlighter {

    /** {@code [start, end)} of the text has style class {@code style}. Spans are sorted and do not overlap. */
    public record Span(int start, int end, String style) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(\\s|$)");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}>");
    private static final Pattern LIST = Pattern.compile("^\\s*([-*+]|\\d{1,9}[.)])\\s");
    private static final Pattern INLINE = Pattern.compile(
            "(?<code>`[^`\\n]+`)"
                    + "|(?<bold>\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__)"
                    + "|(?<italic>\\*[^*\\s][^*\\n]*\\*|(?<![\\w])_[^_\\s][^_\\n]*_(?![\\w]))"
                    + "|(?<strike>~~[^~\\n]+~~)"
                    + "|(?<link>!?\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|<https?://[^>\\s]+>)"
                    + "|(?<html></?[a-zA-Z][^>\\n]*>)");
    private static final String[] INLINE_GROUPS = {"code", "bold", "italic", "strike", "link", "html"};

    private MarkdownHighlighter() {
    }

    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        boolean inFence = false;
        String fence = null;
        int lineStart = 0;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            String line = text.substring(lineStart, lineEnd);
            Matcher f = FENCE.matcher(line);
            if (inFence) {
                spans.add(new Span(lineStart, lineEnd, "md-code-block"));
                if (f.find() && f.group(1).equals(fence)) {
                    inFence = false;
                }
            } else if (f.find()) {
                inFence = true;
                fence = f.group(1);
                spans.add(new Span(lineStart, lineEnd, "md-code-block"));
            } else if (HEADING.matcher(line).find()) {
                spans.add(new Span(lineStart, lineEnd, "md-heading"));
            } else {
                int inlineFrom = 0;
                if (QUOTE.matcher(line).find()) {
                    spans.add(new Span(lineStart, lineEnd, "md-quote"));
                    inlineFrom = line.length();
                } else {
                    Matcher l = LIST.matcher(line);
                    if (l.find()) {
                        spans.add(new Span(lineStart, lineStart + l.end(1), "md-list"));
                        inlineFrom = l.end(1);
                    }
                }
                Matcher m = INLINE.matcher(line);
                m.region(inlineFrom, line.length());
                while (m.find()) {
                    for (String group : INLINE_GROUPS) {
                        if (m.group(group) != null) {
                            spans.add(new Span(lineStart + m.start(), lineStart + m.end(), "md-" + group));
                            break;
                        }
                    }
                }
            }
            if (lineEnd == length) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    /**
     * The range {@code [from, to)} of the new text to restyle so it matches {@code now}, given the spans
     * applied for the old text: everything between the common leading spans and the common trailing
     * spans (compared aligned to the end of the text). Null when nothing changed.
     */
    public static int[] changedRange(List<Span> old, int oldLength, List<Span> now, int newLength) {
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int delta = newLength - oldLength;
        int suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix) {
            Span a = old.get(old.size() - 1 - suffix);
            Span b = now.get(now.size() - 1 - suffix);
            if (a.start() + delta != b.start() || a.end() + delta != b.end() || !a.style().equals(b.style())) {
                break;
            }
            suffix++;
        }
        if (delta == 0 && prefix == old.size() && prefix == now.size()) {
            return null;
        }
        int from = prefix == 0 ? 0 : now.get(prefix - 1).end();
        int to = suffix == 0 ? newLength : now.get(now.size() - suffix).start();
        from = Math.max(0, Math.min(from, newLength));
        return new int[] {from, Math.max(from, Math.min(to, newLength))};
    }
}
