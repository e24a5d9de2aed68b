package dev.blogdesk.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A post's slug from its title: accents removed by Unicode decomposition (the JDK's {@link Normalizer}),
 * the few Latin letters that do not decompose spelled out, then lower-case ASCII words joined by
 * hyphens. A title with no Latin letters at all gives "post"; {@link #unique} adds "-2", "-3"...
 */
public final class Slugs {

    static final int MAX_LENGTH = 80;
    private static final String[][] SPELLED = {
            {"ß", "ss"}, {"æ", "ae"}, {"Æ", "ae"}, {"ø", "o"}, {"Ø", "o"}, {"œ", "oe"}, {"Œ", "oe"},
            {"ł", "l"}, {"Ł", "l"}, {"đ", "d"}, {"Đ", "d"}, {"ð", "d"}, {"þ", "th"}, {"&", " and "}};

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String text = title == null ? "" : title;
        for (String[] pair : SPELLED) {
            text = text.replace(pair[0], pair[1]);
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX_LENGTH) {
            int cut = ascii.lastIndexOf('-', MAX_LENGTH);
            ascii = ascii.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "post" : ascii;
    }

    /** What a typed slug is stored as: the same folding, so "My Post" becomes "my-post". */
    public static String clean(String typed) {
        return typed == null || typed.isBlank() ? "" : fromTitle(typed);
    }

    /** {@code slug}, or {@code slug-2}, {@code slug-3}... whichever no other post has. */
    public static String unique(String slug, String postId, PostRepository posts) {
        if (slug.isEmpty() || !posts.slugInUse(slug, postId)) {
            return slug;
        }
        for (int n = 2; ; n++) {
            String candidate = slug + "-" + n;
            if (!posts.slugInUse(candidate, postId)) {
                return candidate;
            }
        }
    }
}
