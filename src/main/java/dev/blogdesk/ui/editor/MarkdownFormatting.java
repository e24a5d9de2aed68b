package dev.blogdesk.ui.editor;

/**
 * The formatting shortcuts (bold, italic, code, link, heading) as pure text edits, so they are tested
 * without a window and applied to the editor as one undoable replacement.
 */
public final class MarkdownFormatting {

    /** Replace {@code [start, end)} with {@code text}, then select {@code [selectionStart, selectionEnd)}. */
    public record Edit(int start, int end, String text, int selectionStart, int selectionEnd) {
    }

    private MarkdownFormatting() {
    }

    /** Wraps the selection in {@code marker} (e.g. {@code **}), or unwraps it when it already is. */
    public static Edit toggleWrap(String text, int selStart, int selEnd, String marker) {
        int m = marker.length();
        String selected = text.substring(selStart, selEnd);
        if (isWrapped(text, selStart, selEnd, marker)) {
            return new Edit(selStart - m, selEnd + m, selected, selStart - m, selEnd - m);
        }
        if (selected.length() >= 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
            String inner = selected.substring(m, selected.length() - m);
            return new Edit(selStart, selEnd, inner, selStart, selStart + inner.length());
        }
        return new Edit(selStart, selEnd, marker + selected + marker, selStart + m, selEnd + m);
    }

    /**
     * Whether the selection sits inside {@code marker}. Emphasis markers share a character, so runs are
     * counted: in {@code ***x***} the text is bold and italic, in {@code **x**} only bold.
     */
    static boolean isWrapped(String text, int selStart, int selEnd, String marker) {
        char c = marker.charAt(0);
        int before = 0;
        while (selStart - before - 1 >= 0 && text.charAt(selStart - before - 1) == c) {
            before++;
        }
        int after = 0;
        while (selEnd + after < text.length() && text.charAt(selEnd + after) == c) {
            after++;
        }
        int run = Math.min(before, after);
        if (marker.equals("*") || marker.equals("_")) {
            return run % 2 == 1;
        }
        return run >= marker.length();
    }

    /** Inline code for a one-line selection, a fenced block for several lines. */
    public static Edit code(String text, int selStart, int selEnd) {
        String selected = text.substring(selStart, selEnd);
        if (!selected.contains("\n")) {
            return toggleWrap(text, selStart, selEnd, "`");
        }
        String block = "```\n" + selected + (selected.endsWith("\n") ? "" : "\n") + "```";
        return new Edit(selStart, selEnd, block, selStart + 4, selStart + 4 + selected.length());
    }

    /** {@code [selection](https://)} with the URL selected, ready to be typed over. */
    public static Edit link(String text, int selStart, int selEnd) {
        String label = text.substring(selStart, selEnd);
        String inserted = "[" + label + "](https://)";
        int urlStart = selStart + label.length() + 3;
        if (label.isEmpty()) {
            return new Edit(selStart, selEnd, inserted, selStart + 1, selStart + 1);
        }
        return new Edit(selStart, selEnd, inserted, urlStart, urlStart + "https://".length());
    }

    /** Sets the caret line's heading level; the same level again turns it back into a paragraph. */
    public static Edit heading(String text, int caret, int level) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        if (caret == 0) {
            lineStart = 0;
        }
        int lineEnd = text.indexOf('\n', caret);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        int hashes = 0;
        while (hashes < line.length() && hashes < 6 && line.charAt(hashes) == '#') {
            hashes++;
        }
        String body = line.substring(hashes).stripLeading();
        String replaced = hashes == level ? body : "#".repeat(level) + " " + body;
        int newCaret = lineStart + replaced.length();
        return new Edit(lineStart, lineEnd, replaced, newCaret, newCaret);
    }
}
