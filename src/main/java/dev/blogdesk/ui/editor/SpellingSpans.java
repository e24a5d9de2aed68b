package dev.blogdesk.ui.editor;

import dev.blogdesk.spelling.Misspelling;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays the spelling underlines over the Markdown highlighting: one list of sorted, non-overlapping
 * spans whose style names every class that applies ("md-heading spell-error"), so the editor applies
 * both in one pass and its changed-range logic covers squiggles too.
 */
final class SpellingSpans {

    static final String ERROR = "spell-error";

    private SpellingSpans() {
    }

    static List<MarkdownHighlighter.Span> merge(List<MarkdownHighlighter.Span> spans, List<Misspelling> errors) {
        if (errors.isEmpty()) {
            return spans;
        }
        List<MarkdownHighlighter.Span> out = new ArrayList<>(spans.size() + errors.size() * 2);
        int i = 0;
        int at = 0;
        for (Misspelling e : errors) {
            // Highlight spans wholly before the error.
            while (i < spans.size() && spans.get(i).end() <= e.start()) {
                MarkdownHighlighter.Span s = spans.get(i++);
                if (s.end() > at) {
                    out.add(new MarkdownHighlighter.Span(Math.max(s.start(), at), s.end(), s.style()));
                }
            }
            int pos = Math.max(e.start(), at);
            // Spans that overlap the error: split into before, inside (both classes) and after.
            while (i < spans.size() && spans.get(i).start() < e.end()) {
                MarkdownHighlighter.Span s = spans.get(i);
                int sStart = Math.max(s.start(), at);
                if (sStart < pos) {
                    out.add(new MarkdownHighlighter.Span(sStart, pos, s.style()));
                } else if (sStart > pos) {
                    out.add(new MarkdownHighlighter.Span(pos, sStart, ERROR));
                    pos = sStart;
                }
                int insideEnd = Math.min(s.end(), e.end());
                if (insideEnd > pos) {
                    out.add(new MarkdownHighlighter.Span(pos, insideEnd, s.style() + " " + ERROR));
                    pos = insideEnd;
                }
                if (s.end() > e.end()) {
                    break; // the rest of this span comes after the error
                }
                i++;
            }
            if (pos < e.end()) {
                out.add(new MarkdownHighlighter.Span(pos, e.end(), ERROR));
            }
            at = e.end();
        }
        while (i < spans.size()) {
            MarkdownHighlighter.Span s = spans.get(i++);
            if (s.end() > at) {
                out.add(new MarkdownHighlighter.Span(Math.max(s.start(), at), s.end(), s.style()));
            }
        }
        return out;
    }
}
