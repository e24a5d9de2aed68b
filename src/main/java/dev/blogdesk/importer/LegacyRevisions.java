package dev.blogdesk.importer;

import dev.blogdesk.store.PostRevisions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.blogdesk.importer.SqliteSchema.quote;

/**
 * The earlier versions the old blog kept of its posts: WordPress's {@code revision} rows (their
 * {@code post_parent} is the post), Ghost 5's {@code post_revisions} (lexical) and Ghost 4's
 * {@code mobiledoc_revisions}. They are counted up front and read one post at a time, so a blog with
 * a long history never sits in memory at once.
 */
final class LegacyRevisions implements AutoCloseable {

    private final Source source;
    private final Map<String, Long> counts;
    private final PreparedStatement byPost;
    private final ZoneId zone;

    /** Where an engine keeps revisions: the table, its post column, and the columns selected. */
    private record Source(String table, String postColumn, String titleColumn, String contentColumn, String dateColumn,
                          String where, String origin) {
    }

    private LegacyRevisions(Connection connection, Source source, ZoneId zone) throws SQLException {
        this.source = source;
        this.zone = zone;
        this.counts = new HashMap<>();
        String where = source.where() == null ? "" : " WHERE " + source.where();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT CAST(" + quote(source.postColumn())
                + " AS TEXT), count(*) FROM " + quote(source.table()) + where + " GROUP BY 1")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        this.byPost = connection.prepareStatement("SELECT rowid, " + (source.titleColumn() == null ? "NULL" : quote(source.titleColumn()))
                + ", " + quote(source.contentColumn()) + ", typeof(" + quote(source.dateColumn()) + "), CAST(" + quote(source.dateColumn())
                + " AS TEXT) FROM " + quote(source.table()) + " WHERE CAST(" + quote(source.postColumn()) + " AS TEXT) = ?"
                + (source.where() == null ? "" : " AND " + source.where()) + " ORDER BY 5, 1");
    }

    /** The revisions of {@code engine}'s posts in {@code plan}'s table, if it keeps any. */
    static Optional<LegacyRevisions> open(Connection connection, SqliteSchema schema, SourceEngine engine, MappingPlan plan)
            throws SQLException {
        Optional<Source> source = switch (engine.name()) {
            case "wordpress" -> Optional.of(new Source(plan.table(), "post_parent", "post_title", "post_content", "post_modified_gmt",
                    "post_type = 'revision'", "wordpress"));
            case "ghost-5", "ghost-1-4" -> ghost(schema);
            default -> Optional.empty();
        };
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LegacyRevisions(connection, source.get(), plan.zone()));
    }

    private static Optional<Source> ghost(SqliteSchema schema) {
        Optional<SqliteSchema.Table> lexical = schema.table("post_revisions");
        if (lexical.isPresent() && lexical.get().column("lexical").isPresent() && lexical.get().column("created_at_ts").isPresent()) {
            return Optional.of(new Source(lexical.get().name(), "post_id", lexical.get().column("title").map(c -> "title").orElse(null),
                    "lexical", "created_at_ts", null, "ghost post_revisions"));
        }
        Optional<SqliteSchema.Table> mobiledoc = schema.table("mobiledoc_revisions");
        if (mobiledoc.isPresent() && mobiledoc.get().column("mobiledoc").isPresent() && mobiledoc.get().column("created_at_ts").isPresent()) {
            return Optional.of(new Source(mobiledoc.get().name(), "post_id", null, "mobiledoc", "created_at_ts", null,
                    "ghost mobiledoc_revisions"));
        }
        return Optional.empty();
    }

    /** How many earlier versions the post with this source id has. */
    long count(String postId) {
        return counts.getOrDefault(postId, 0L);
    }

    /**
     * The post's earlier versions, oldest first, their text made Markdown by {@code toMarkdown}; a version
     * without a title has {@code title}. One whose date cannot be read is dated {@code fallback}.
     */
    List<PostRevisions.Earlier> of(String postId, String title, Instant fallback, UnaryOperator<String> toMarkdown) throws SQLException {
        List<PostRevisions.Earlier> earlier = new ArrayList<>();
        if (count(postId) == 0) {
            return earlier;
        }
        byPost.setString(1, postId);
        try (ResultSet rs = byPost.executeQuery()) {
            while (rs.next()) {
                String content = rs.getString(3) == null ? "" : rs.getString(3);
                String revisionTitle = rs.getString(2) == null || rs.getString(2).isBlank() ? title : HtmlContent.decodeTitle(rs.getString(2));
                DateParser.Result date = "integer".equals(rs.getString(4)) ? DateParser.parseEpoch(rs.getLong(5))
                        : DateParser.parseText(rs.getString(5), zone);
                earlier.add(new PostRevisions.Earlier(date.isOk() && date.instant() != null ? date.instant() : fallback, revisionTitle,
                        toMarkdown.apply(content), source.origin() + " " + rs.getLong(1)));
            }
        }
        return earlier;
    }

    @Override
    public void close() throws SQLException {
        byPost.close();
    }
}
