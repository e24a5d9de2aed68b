package dev.blogdesk.ui.editor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists as a writer expects them: Enter after an item starts the next one ({@code - }, {@code 1. } →
 * {@code 2. }, {@code - [ ] }), Enter on an empty item ends the list, and Tab / Shift+Tab indent and
 * outdent the items the selection touches by their marker's width. Pure text logic: the editor applies
 * the {@link MarkdownFormatting.Edit} as one undoable step.
 */
public final class ListEditing {

    private static final Pattern ITEM = Pattern.compile("^([ \\t]*)(?:([-*+])|(\\d{1,9})([.)]))([ \\t]+)(\\[[ xX]\\][ \\t]+)?");

    private ListEditing() {
    }

    /** What Enter does at {@code caret} (no selection), or empty for an ordinary line break. */
    public static Optional<MarkdownFormatting.Edit> enter(String text, int caret) {
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        int lineEnd = text.indexOf('\n', caret);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        Matcher m = ITEM.matcher(line);
        if (!m.find() || caret - lineStart < m.end()) {
            return Optional.empty();
        }
        if (line.substring(m.end()).isBlank()) {
            // Enter on an empty item ends the list: the marker goes and a blank line follows the list, so
            // what is typed next is a paragraph, not a lazy continuation of the last item.
            return Optional.of(new MarkdownFormatting.Edit(lineStart, lineEnd, "\n", lineStart + 1, lineStart + 1));
        }
        String marker = m.group(2) != null ? m.group(2) : (Long.parseLong(m.group(3)) + 1) + m.group(4);
        String task = m.group(6) != null ? "[ ] " : "";
        String next = "\n" + m.group(1) + marker + " " + task;
        int at = caret + next.length();
        return Optional.of(new MarkdownFormatting.Edit(caret, caret, next, at, at));
    }

    /**
     * Indents ({@code outdent} false) or outdents the lines from {@code from} to {@code to} if the first
     * of them is a list item; empty otherwise (Tab then does what it always does).
     */
    public static Optional<MarkdownFormatting.Edit> indent(String text, int from, int to, boolean outdent) {
        int start = text.lastIndexOf('\n', from - 1) + 1;
        int end = text.indexOf('\n', Math.max(from, to - (to > from && text.charAt(to - 1) == '\n' ? 1 : 0)));
        if (end < 0) {
            end = text.length();
        }
        String firstLine = text.substring(start, text.indexOf('\n', start) < 0 ? text.length() : text.indexOf('\n', start));
        Matcher first = ITEM.matcher(firstLine);
        if (!first.find()) {
            return Optional.empty();
        }
        int unit = first.group(2) != null ? 2 : first.group(3).length() + 2;
        String[] lines = text.substring(start, end).split("\n", -1);
        StringBuilder out = new StringBuilder();
        int shiftFirst = 0;
        int shiftAll = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int delta;
            if (outdent) {
                int spaces = 0;
                while (spaces < unit && spaces < line.length() && line.charAt(spaces) == ' ') {
                    spaces++;
                }
                if (spaces == 0 && line.startsWith("\t")) {
                    spaces = 1;
                }
                out.append(line.substring(spaces));
                delta = -spaces;
            } else {
                out.append(line.isEmpty() ? "" : " ".repeat(unit)).append(line);
                delta = line.isEmpty() ? 0 : unit;
            }
            if (i == 0) {
                shiftFirst = delta;
            }
            shiftAll += delta;
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (shiftAll == 0) {
            return Optional.of(new MarkdownFormatting.Edit(from, from, "", from, to)); // nothing to outdent: Tab is still taken
        }
        int newFrom = Math.max(start, from + shiftFirst);
        int newTo = Math.max(newFrom, to + shiftAll);
        return Optional.of(new MarkdownFormatting.Edit(start, end, out.toString(), newFrom, newTo));
    }
}
