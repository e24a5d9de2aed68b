package dev.blogdesk.spelling;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a Markdown text that are prose, line by line: not in front matter, fenced or indented
 * code, inline code, URLs, e-mail addresses, link targets, reference definitions or HTML tags. Names
 * that look like code or acronyms (snake_case, camelCase, ALL CAPS, words with digits) are left alone
 * too: no dictionary has them and underlining them helps nobody.
 */
final class ProseWords {

    /** A prose line: its text and where it starts in the whole text. */
    record Line(int start, String text) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d{1,9}[.)])\\s");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:.*$");
    private static final Pattern NOT_PROSE = Pattern.compile(
            "(`+)[^`].*?\\1"                        // inline code, any number of backticks
                    + "|<!--.*?(-->|$)"               // HTML comments
                    + "|</?[a-zA-Z][^>]*>"            // HTML tags and autolinks
                    + "|\\]\\([^)]*\\)"               // link and image targets
                    + "|\\b(?:https?|ftp|file)://\\S+|\\bwww\\.\\S+"
                    + "|\\S+@\\S+\\.\\S+"
                    + "|\\{#[^}]*\\}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*");

    private ProseWords() {
    }

    /** Calls {@code each} for every line that holds prose, in order. */
    static void lines(String text, Consumer<Line> each) {
        boolean inFence = false;
        String fence = null;
        boolean frontMatter = text.startsWith("---\n") || text.startsWith("---\r\n");
        boolean previousBlank = true;
        boolean inList = false;
        int at = 0;
        int n = 0;
        while (at <= text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(at, end);
            boolean blank = line.isBlank();
            if (frontMatter) {
                if (n > 0 && (line.equals("---") || line.equals("...") || line.equals("---\r"))) {
                    frontMatter = false;
                }
            } else if (inFence) {
                Matcher f = FENCE.matcher(line);
                if (f.find() && f.group(1).equals(fence)) {
                    inFence = false;
                }
            } else {
                Matcher f = FENCE.matcher(line);
                if (f.find()) {
                    inFence = true;
                    fence = f.group(1);
                } else if (!blank && previousBlank && !inList && (line.startsWith("    ") || line.startsWith("\t"))) {
                    // an indented code block (inside a list the same indent continues the item)
                } else if (!blank && !REFERENCE.matcher(line).matches()) {
                    each.accept(new Line(at, line));
                }
                if (!blank) {
                    if (LIST_ITEM.matcher(line).find()) {
                        inList = true;
                    } else if (previousBlank && !line.startsWith(" ") && !line.startsWith("\t")) {
                        inList = false;
                    }
                }
            }
            previousBlank = blank;
            n++;
            if (end == text.length()) {
                break;
            }
            at = end + 1;
        }
    }

    /** The checkable words of one prose line: {start, end} pairs relative to the line. */
    static List<int[]> words(String line) {
        BitSet excluded = new BitSet(line.length());
        Matcher x = NOT_PROSE.matcher(line);
        while (x.find()) {
            excluded.set(x.start(), x.end());
        }
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(line);
        while (w.find()) {
            int s = w.start();
            int e = w.end();
            if (excluded.get(s) || excluded.nextSetBit(s) >= 0 && excluded.nextSetBit(s) < e || e - s < 2) {
                continue;
            }
            if (touchesCode(line, s, e) || looksLikeAName(line.substring(s, e))) {
                continue;
            }
            words.add(new int[] {s, e});
        }
        return words;
    }

    /** Joined to digits, underscores or path characters: part of an identifier, a file name or a number. */
    private static boolean touchesCode(String line, int s, int e) {
        char before = s > 0 ? line.charAt(s - 1) : ' ';
        char after = e < line.length() ? line.charAt(e) : ' ';
        if (Character.isDigit(before) || Character.isDigit(after) || before == '_' || after == '_'
                || before == '/' || after == '/' || before == '\\' || after == '\\' || before == '@' || before == '#'
                || before == '$' || before == '%' || before == '=' || after == '=') {
            return true;
        }
        // file.ext, object.method: a dot with a letter straight after it
        return after == '.' && e + 1 < line.length() && Character.isLetter(line.charAt(e + 1))
                || before == '.' && s >= 2 && Character.isLetter(line.charAt(s - 2));
    }

    private static boolean looksLikeAName(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                upper++;
                if (i > 0 && upper == 1) {
                    return true; // camelCase, iPhone, McDonald: inner capitals
                }
            }
        }
        return upper > 1; // ALL CAPS, MongoDB
    }
}
