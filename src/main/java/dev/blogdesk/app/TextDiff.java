package dev.blogdesk.app;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/** What changed between two versions of a post, as a short unified diff for people. */
public final class TextDiff {

    /** Beyond this a diff is slow and unreadable; a size comparison is shown instead. */
    static final int MAX_DIFF_CHARS = 200_000;

    private TextDiff() {
    }

    public static String describe(String storedLabel, String stored, String draftLabel, String draft) {
        return describe(storedLabel, stored, draftLabel, draft, "The draft is the same as the stored version.");
    }

    /** {@link #describe(String, String, String, String)}, saying {@code whenSame} if the texts are equal. */
    public static String describe(String storedLabel, String stored, String draftLabel, String draft, String whenSame) {
        if (stored.equals(draft)) {
            return whenSame;
        }
        if (stored.length() + draft.length() > MAX_DIFF_CHARS) {
            return String.format("The draft has %,d characters, the stored version %,d. (Too long to compare line by line.)",
                    draft.length(), stored.length());
        }
        List<String> a = Arrays.asList(stored.split("\n", -1));
        List<String> b = Arrays.asList(draft.split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(storedLabel, draftLabel, a, patch, 2));
    }
}
