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
 * Which rows of a posts table are published posts. Everything imported lands in {@code blogdb.posts},
 * which the Flask blog lists, so a row the source marks as a draft, a page, a revision or an
 * attachment is skipped and reported, never published:
 * <ul>
 * <li>WordPress ({@code post_type}, {@code post_status}): only {@code post_type 'post'} with {@code post_status 'publish'};</li>
 * <li>Ghost ({@code status} with {@code type} or {@code page}): only {@code status 'published'} posts, not pages;</li>
 * <li>any other {@code status}, {@code post_status} or {@code state} column: rows whose value says draft, pending,
 *     private, scheduled, trash and the like; other values are imported;</li>
 * <li>a {@code draft} or {@code is_draft} flag that is set, an {@code is_published} flag that is not, and
 *     Django's {@code published_date} left NULL.</li>
 * </ul>
 */
final class PublicationRule {

    private static final Set<String> NOT_PUBLIC = Set.of("draft", "drafts", "pending", "private", "scheduled", "future",
            "trash", "trashed", "deleted", "archived", "hidden", "unpublished", "review", "auto-draft", "inherit", "sent");
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n");

    private enum Kind { WORDPRESS, GHOST, STATUS, DRAFT_FLAG, PUBLISHED_FLAG, PUBLISHED_DATE }

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

    /** Why the row read at {@code from} (its first rule column) is not a published post, or null if it is. */
    String excluded(ResultSet rs, int from) throws SQLException {
        String type = typeColumn == null ? null : rs.getString(from + checks.size());
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String raw = rs.getString(from + i);
            String value = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
            String why = switch (c.kind()) {
                case WORDPRESS -> "post".equals(type) && "publish".equals(value) ? null
                        : "a WordPress " + (type == null ? "row" : type) + " with post_status '" + raw + "'";
                case GHOST -> {
                    boolean page = "page".equals(type) || TRUE.contains(String.valueOf(type).toLowerCase(Locale.ROOT));
                    yield !page && "published".equals(value) ? null
                            : "a Ghost " + (page ? "page" : "post") + " with status '" + raw + "'";
                }
                case STATUS -> value != null && NOT_PUBLIC.contains(value) ? c.column() + " is '" + raw + "'" : null;
                case DRAFT_FLAG -> value != null && TRUE.contains(value) ? c.column() + " is set" : null;
                case PUBLISHED_FLAG -> value != null && FALSE.contains(value) ? c.column() + " is not set" : null;
                case PUBLISHED_DATE -> value == null ? c.column() + " is NULL (a draft in Django)" : null;
            };
            if (why != null) {
                return "Not a published post: " + why + ".";
            }
        }
        return null;
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
