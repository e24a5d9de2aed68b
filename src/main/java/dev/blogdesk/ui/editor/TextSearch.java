package dev.blogdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Literal find for the editor's find and replace bar. */
public final class TextSearch {

    private TextSearch() {
    }

    /** Start offsets of every non-overlapping occurrence of {@code query}. */
    public static List<Integer> findAll(String text, String query, boolean matchCase) {
        List<Integer> hits = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return hits;
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        // Lower-casing can change lengths for a few characters; fall back to regionMatches then.
        if (haystack.length() != text.length() || needle.length() != query.length()) {
            for (int i = 0; i + query.length() <= text.length(); i++) {
                if (text.regionMatches(!matchCase, i, query, 0, query.length())) {
                    hits.add(i);
                    i += query.length() - 1;
                }
            }
            return hits;
        }
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                return hits;
            }
            hits.add(at);
            from = at + needle.length();
        }
    }

    /** The first hit at or after {@code caret} (wrapping), or the last one before it when going back. */
    public static int next(List<Integer> hits, int caret, boolean forward) {
        if (hits.isEmpty()) {
            return -1;
        }
        if (forward) {
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i) >= caret) {
                    return i;
                }
            }
            return 0;
        }
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i) < caret) {
                return i;
            }
        }
        return hits.size() - 1;
    }
}
