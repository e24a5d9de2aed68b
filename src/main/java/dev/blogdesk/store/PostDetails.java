package dev.blogdesk.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rest of a post beyond its title, text and date: {@code tags} (an array of names, the field the
 * importer writes), {@code slug}, {@code excerpt} and {@code author}. Empty strings mean "not set" and
 * are not stored.
 */
public record PostDetails(List<String> tags, String slug, String excerpt, String author) {

    public static final PostDetails NONE = new PostDetails(List.of(), "", "", "");

    public PostDetails {
        tags = cleanTags(tags);
        slug = slug == null ? "" : slug.strip();
        excerpt = excerpt == null ? "" : excerpt.strip();
        author = author == null ? "" : author.strip();
    }

    /** Tags as stored: trimmed, none empty, each once (the first spelling wins, ignoring case). */
    public static List<String> cleanTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> clean = new ArrayList<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (!t.isEmpty() && seen.add(t.toLowerCase(java.util.Locale.ROOT))) {
                clean.add(t);
            }
        }
        return List.copyOf(clean);
    }

    public PostDetails withSlug(String newSlug) {
        return new PostDetails(tags, newSlug, excerpt, author);
    }

    public boolean sameAs(PostDetails other) {
        return Objects.equals(this, other);
    }
}
