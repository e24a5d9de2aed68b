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
 * {@code tag:name} (or {@code tag:"two words"}) keeps only posts with that tag, case-insensitively.
 * {@code status}, when not null, keeps only drafts or only published posts (the list's filter).
 */
public record SearchQuery(List<String> terms, List<String> tags, PostStatus status) {

    public static final SearchQuery ALL = new SearchQuery(List.of(), List.of(), null);
    private static final Pattern TERM = Pattern.compile("(tag:)?(?:\"([^\"]*)\"|(\\S+))");

    public SearchQuery {
        terms = List.copyOf(terms);
        tags = List.copyOf(tags);
    }

    public SearchQuery(List<String> terms) {
        this(terms, List.of(), null);
    }

    public static SearchQuery parse(String text) {
        if (text == null) {
            return ALL;
        }
        Set<String> terms = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            String term = m.group(2) != null ? m.group(2) : m.group(3);
            if (!term.isEmpty()) {
                (m.group(1) != null ? tags : terms).add(term);
            }
        }
        return new SearchQuery(new ArrayList<>(terms), new ArrayList<>(tags), null);
    }

    /** The search box text that finds the posts tagged {@code tag}. */
    public static String tagFilter(String tag) {
        return tag.matches("\\S+") && !tag.contains("\"") ? "tag:" + tag : "tag:\"" + tag.replace("\"", "") + "\"";
    }

    /** The same terms, only among posts with {@code only} (null: every post). */
    public SearchQuery withStatus(PostStatus only) {
        return new SearchQuery(terms, tags, only);
    }

    /** No terms and no tags: every post (of {@link #status}, if set). */
    public boolean isEmpty() {
        return terms.isEmpty() && tags.isEmpty();
    }

    public boolean admits(PostStatus s) {
        return status == null || status == s;
    }

    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    /** Escapes every regex metacharacter so user text is matched literally on any MongoDB server. */
    static String literalRegex(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (REGEX_METACHARACTERS.indexOf(cp) >= 0) {
                sb.append('\\');
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
