package dev.blogdesk.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user typed into the search box: words separated by white space, or "quoted phrases".
 * A post matches when every term occurs in its title or in its content, case-insensitively, as
 * literal text (a term may be part of a longer word; regular-expression characters mean nothing).
 * {@code status}, when not null, keeps only drafts or only published posts (the list's filter).
 */
public record SearchQuery(List<String> terms, PostStatus status) {

    public static final SearchQuery ALL = new SearchQuery(List.of(), null);
    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    public SearchQuery(List<String> terms) {
        this(terms, null);
    }

    public static SearchQuery parse(String text) {
        if (text == null) {
            return ALL;
        }
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            String term = m.group(1) != null ? m.group(1) : m.group(2);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return new SearchQuery(new ArrayList<>(terms));
    }

    /** The same terms, only among posts with {@code only} (null: every post). */
    public SearchQuery withStatus(PostStatus only) {
        return new SearchQuery(terms, only);
    }

    /** No terms: every post (of {@link #status}, if set). */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public boolean admits(PostStatus s) {
        return status == null || status == s;
    }
}
