package dev.blogdesk.search;

import java.util.Arrays;

/**
 * Case folding that agrees with how the embedded server matches a case-insensitive {@code $regex}:
 * mongo-java-server compiles it with {@code CASE_INSENSITIVE | UNICODE_CASE}, and Java's regex then
 * compares {@code toLowerCase(toUpperCase(c))} of each character. Folding keeps one code point per code
 * point, so positions in the folded text are positions in the original.
 */
public final class TextFolding {

    /** Not a Unicode code point: put between title and content so no match can span the two. */
    public static final int SEPARATOR = 0x110000;

    private static final int[] BMP = new int[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP[c] = Character.toLowerCase(Character.toUpperCase(c));
        }
    }

    private TextFolding() {
    }

    public static int fold(int codePoint) {
        return codePoint <= Character.MAX_VALUE ? BMP[codePoint]
                : Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** The folded code points of {@code text} (empty for null). */
    public static int[] fold(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out[n++] = fold(cp);
            i += Character.charCount(cp);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Folded title, {@link #SEPARATOR}, folded content: the text the index is built from. */
    public static int[] searchText(String title, String content) {
        int[] t = fold(title);
        int[] c = fold(content);
        int[] out = new int[t.length + 1 + c.length];
        System.arraycopy(t, 0, out, 0, t.length);
        out[t.length] = SEPARATOR;
        System.arraycopy(c, 0, out, t.length + 1, c.length);
        return out;
    }

    /** Whether {@code text} contains {@code term} case-insensitively, as the server's {@code $regex} decides. */
    public static boolean contains(String text, String term) {
        if (text == null) {
            return false;
        }
        return indexOf(fold(text), fold(term)) >= 0;
    }

    static int indexOf(int[] haystack, int[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
