package dev.blogdesk.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What each row of a posts table is: a published post (for {@code blogdb.posts}, which the Flask blog
 * lists), a draft (for {@code blogdb.drafts}, which it never reads), a page, or something that is no post
 * at all (a revision, an attachment, a menu item, an auto-draft, a trashed row). Whatever is not plainly
 * published is a draft, so nothing private becomes public:
 * <ul>
 * <li>WordPress ({@code post_type}, {@code post_status}): {@code 'post'} rows; {@code 'publish'} is published,
 *     draft, pending, future and private are drafts; auto-draft, inherit and trash are no posts; {@code 'page'} rows are pages;</li>
 * <li>Ghost ({@code status} with {@code type} or {@code page}): {@code 'published'} is published, draft, scheduled
 *     and sent (e-mail only) are drafts; pages are pages;</li>
 * <li>WriteFreely: a post in no collection is a draft;</li>
 * <li>any other {@code status}, {@code post_status} or {@code state} column: values saying draft, pending,
 *     private, scheduled and the like are drafts, trashed and deleted rows no posts; other values are published;</li>
 * <li>a {@code draft} or {@code is_draft} flag that is set, an {@code is_published} flag that is not, and
 *     Django's {@code published_date} left NULL: drafts.</li>
 * </ul>
 */
final class PublicationRule {

    private static final Set<String> NOT_PUBLIC = Set.of("draft", "drafts", "pending", "private", "scheduled", "future",
            "archived", "hidden", "unpublished", "review", "sent");
    private static final Set<String> GONE = Set.of("trash", "trashed", "deleted", "auto-draft", "inherit");
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n");

    private enum Kind { WORDPRESS, GHOST, STATUS, DRAFT_FLAG, PUBLISHED_FLAG, PUBLISHED_DATE, COLLECTION }

    /** What a row is. */
    enum Disposition { PUBLISHED, DRAFT, PAGE, NOT_A_POST }

    /**
     * @param disposition what the row is
     * @param why         the source's words for it, for the report (null for a plain published post)
     * @param draftPage   a page that is itself a draft (imported as a draft when pages are imported)
     */
    record Verdict(Disposition disposition, String why, boolean draftPage) {
        static final Verdict PUBLISHED = new Verdict(Disposition.PUBLISHED, null, false);

        static Verdict draft(String why) {
            return new Verdict(Disposition.DRAFT, why, false);
        }

        static Verdict notAPost(String why) {
            return new Verdict(Disposition.NOT_A_POST, why, false);
        }
    }

    private record Check(Kind kind, String column) {
    }

    private final List<Check> checks;
    private final String typeColumn;

    private PublicationRule(List<Check> checks, String typeColumn) {
        this.checks = checks;
        this.typeColumn = typeColumn;
    }

    /** The rule for {@code table}, from its column names. */
    static PublicationRule of(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + SqliteSchema.quote(table) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        List<Check> checks = new ArrayList<>();
        String type = find(columns, "post_type");
        String status = find(columns, "post_status");
        if (type != null && status != null) {
            checks.add(new Check(Kind.WORDPRESS, status));
            return new PublicationRule(checks, type);
        }
        status = first(columns, "status", "post_status", "state");
        String ghostType = first(columns, "type", "page");
        boolean ghost = find(columns, "mobiledoc") != null || find(columns, "lexical") != null || find(columns, "uuid") != null;
        if (status != null && ghostType != null && ghost) {
            checks.add(new Check(Kind.GHOST, status));
            return new PublicationRule(checks, ghostType);
        }
        if (status != null) {
            checks.add(new Check(Kind.STATUS, status));
        }
        // WriteFreely: a post is published on a blog (its collection); one in no collection is a draft.
        if (find(columns, "collection_id") != null && find(columns, "owner_id") != null && find(columns, "text_appearance") != null) {
            checks.add(new Check(Kind.COLLECTION, find(columns, "collection_id")));
        }
        for (String flag : new String[] {"draft", "is_draft"}) {
            if (find(columns, flag) != null) {
                checks.add(new Check(Kind.DRAFT_FLAG, find(columns, flag)));
            }
        }
        if (find(columns, "is_published") != null) {
            checks.add(new Check(Kind.PUBLISHED_FLAG, find(columns, "is_published")));
        }
        if (find(columns, "published_date") != null) {
            checks.add(new Check(Kind.PUBLISHED_DATE, find(columns, "published_date")));
        }
        return new PublicationRule(checks, null);
    }

    /** The extra select expressions, each the column's value as text (NULL stays NULL). */
    String selectList() {
        StringBuilder sql = new StringBuilder();
        for (Check c : checks) {
            sql.append(", CAST(").append(SqliteSchema.quote(c.column())).append(" AS TEXT)");
        }
        if (typeColumn != null) {
            sql.append(", CAST(").append(SqliteSchema.quote(typeColumn)).append(" AS TEXT)");
        }
        return sql.toString();
    }

    /** What the row read at {@code from} (its first rule column) is. */
    Verdict verdict(ResultSet rs, int from) throws SQLException {
        String type = typeColumn == null ? null : rs.getString(from + checks.size());
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String raw = rs.getString(from + i);
            String value = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
            Verdict verdict = switch (c.kind()) {
                case WORDPRESS -> wordPress(type, raw, value);
                case GHOST -> ghost(type, raw, value);
                case STATUS -> value != null && GONE.contains(value) ? Verdict.notAPost(c.column() + " is '" + raw + "'")
                        : value != null && NOT_PUBLIC.contains(value) ? Verdict.draft(c.column() + " is '" + raw + "'") : null;
                case DRAFT_FLAG -> value != null && TRUE.contains(value) ? Verdict.draft(c.column() + " is set") : null;
                case PUBLISHED_FLAG -> value != null && FALSE.contains(value) ? Verdict.draft(c.column() + " is not set") : null;
                case PUBLISHED_DATE -> value == null ? Verdict.draft(c.column() + " is NULL (a draft in Django)") : null;
                case COLLECTION -> value == null ? Verdict.draft("the post is in no collection (a draft in WriteFreely)") : null;
            };
            if (verdict != null) {
                return verdict;
            }
        }
        return Verdict.PUBLISHED;
    }

    private static Verdict wordPress(String type, String raw, String value) {
        String words = "a WordPress " + (type == null ? "row" : type) + " with post_status '" + raw + "'";
        boolean published = "publish".equals(value);
        if ("page".equals(type) && !GONE.contains(String.valueOf(value))) {
            return new Verdict(Disposition.PAGE, words, !published);
        }
        if (!"post".equals(type) || value == null || GONE.contains(value)) {
            return Verdict.notAPost(words);
        }
        return published ? Verdict.PUBLISHED : Verdict.draft(words);
    }

    private static Verdict ghost(String type, String raw, String value) {
        boolean page = "page".equals(type) || TRUE.contains(String.valueOf(type).toLowerCase(Locale.ROOT));
        String words = "a Ghost " + (page ? "page" : "post") + " with status '" + raw + "'";
        boolean published = "published".equals(value);
        if (page) {
            return new Verdict(Disposition.PAGE, words, !published);
        }
        return published ? Verdict.PUBLISHED : Verdict.draft(words);
    }

    private static String find(List<String> columns, String name) {
        return columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static String first(List<String> columns, String... names) {
        for (String n : names) {
            String found = find(columns, n);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
