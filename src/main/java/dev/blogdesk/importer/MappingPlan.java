package dev.blogdesk.importer;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * How rows of the source become BlogDesk documents: which table holds the posts, which column feeds
 * each field, where authors, tags and comments come from, and the zone of naive dates.
 * Empty optionals mean "not imported". Fallback columns are read, in order, where the chosen one is NULL
 * (Ghost 5's {@code lexical}, empty for posts written before it, falls back to {@code mobiledoc}, then
 * to {@code html} for posts that only have that). {@code renderedHtml}: a column holding the page the old
 * blog rendered from the content (Ghost's {@code html}), which the converted Markdown is checked against.
 */
public record MappingPlan(
        String table,
        Optional<String> idColumn,        // empty: SQLite's rowid
        String titleColumn,
        String contentColumn,
        List<String> contentFallback,
        Optional<String> dateColumn,
        Optional<String> dateFallback,
        ZoneId zone,
        Optional<AuthorSource> author,
        Optional<TagSource> tags,
        Optional<CommentSource> comments,
        Optional<String> renderedHtml) {

    /**
     * The author's name is {@code table.nameColumn} of the row whose {@code keyColumn} equals
     * {@code post.<postColumn>}, or, through a join table (Ghost's {@code posts_authors}), of the first
     * author the join lists for the post. With no table, {@code post.<postColumn>} is the name itself.
     */
    public record AuthorSource(String postColumn, Optional<String> table, String keyColumn, String nameColumn,
                               Optional<AuthorJoin> join) {

        /** {@code post.<postColumn>} references {@code <table>.<keyColumn>}. */
        public static AuthorSource reference(String postColumn, String table, String keyColumn, String nameColumn) {
            return new AuthorSource(postColumn, Optional.of(table), keyColumn, nameColumn, Optional.empty());
        }

        /** The post's own column holds the name ({@code articles.author}). */
        public static AuthorSource nameIn(String postColumn) {
            return new AuthorSource(postColumn, Optional.empty(), postColumn, postColumn, Optional.empty());
        }

        /** For people: "users.name via posts_authors", "articles.author". */
        public String describe(String postTable) {
            if (table.isEmpty()) {
                return postTable + "." + postColumn;
            }
            return table.get() + "." + nameColumn + " via " + join.map(AuthorJoin::table).orElse(postTable + "." + postColumn);
        }
    }

    /** {@code table(postColumn, authorColumn)} links posts to authors, the first by {@code orderColumn}. */
    public record AuthorJoin(String table, String postColumn, String authorColumn, Optional<String> orderColumn) {
    }

    /**
     * Tags through a join table ({@code joinTable(joinPostColumn, joinTagColumn)} -> {@code table(keyColumn, nameColumn)}),
     * or, with no join table, a table holding {@code joinPostColumn} and the name directly. With {@code names},
     * {@code nameColumn} is a key into a third table holding the name (WordPress's term_taxonomy -> terms).
     * {@code only} keeps the join's or tag table's rows whose column has one of the values (a Rails tagging
     * of an Article, a WordPress term that is a tag or a category).
     */
    public record TagSource(Optional<String> joinTable, String joinPostColumn, Optional<String> joinTagColumn,
                            String table, Optional<String> keyColumn, String nameColumn,
                            Optional<NameTable> names, Optional<Only> only) {

        public TagSource(Optional<String> joinTable, String joinPostColumn, Optional<String> joinTagColumn,
                         String table, Optional<String> keyColumn, String nameColumn) {
            this(joinTable, joinPostColumn, joinTagColumn, table, keyColumn, nameColumn, Optional.empty(), Optional.empty());
        }

        /** For people: "wp_terms.name via wp_term_relationships". */
        public String describe() {
            return names.map(n -> n.table() + "." + n.nameColumn()).orElse(table + "." + nameColumn)
                    + joinTable.map(j -> " via " + j).orElse("");
        }
    }

    /** {@code table(keyColumn, nameColumn)}. */
    public record NameTable(String table, String keyColumn, String nameColumn) {
    }

    /** Rows of the join table ({@code onJoin}) or the tag table whose {@code column} is one of {@code values}. */
    public record Only(boolean onJoin, String column, List<String> values) {
    }

    /** Comments in {@code table}, linked by {@code postColumn}; optional author and date columns. */
    public record CommentSource(String table, String postColumn, Optional<String> idColumn, String bodyColumn,
                                Optional<String> authorColumn, Optional<String> dateColumn) {
    }

    public String idExpression() {
        return idColumn.map(SqliteSchema::quote).orElse("rowid");
    }

    public MappingPlan withTitle(String column) {
        return new MappingPlan(table, idColumn, column, contentColumn, contentFallback, dateColumn, dateFallback, zone, author,
                tags, comments, renderedHtml);
    }

    /** Another content column drops the fallback, which belonged to the column proposed. */
    public MappingPlan withContent(String column) {
        List<String> fallback = column != null && column.equals(contentColumn) ? contentFallback : List.of();
        Optional<String> rendered = column != null && column.equals(contentColumn) ? renderedHtml : Optional.empty();
        return new MappingPlan(table, idColumn, titleColumn, column, fallback, dateColumn, dateFallback, zone, author, tags, comments,
                rendered);
    }

    /** Another date column drops the fallback, which belonged to the column proposed. */
    public MappingPlan withDate(Optional<String> column) {
        Optional<String> fallback = column.equals(dateColumn) ? dateFallback : Optional.empty();
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, column, fallback, zone, author, tags,
                comments, renderedHtml);
    }

    public MappingPlan withZone(ZoneId newZone) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, dateFallback, newZone,
                author, tags, comments, renderedHtml);
    }

    public MappingPlan withAuthor(Optional<AuthorSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, dateFallback, zone, source,
                tags, comments, renderedHtml);
    }

    public MappingPlan withTags(Optional<TagSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, dateFallback, zone, author,
                source, comments, renderedHtml);
    }

    public MappingPlan withComments(Optional<CommentSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, dateFallback, zone, author,
                tags, source, renderedHtml);
    }

    /** As this, with {@code content} read where the content column is NULL. */
    MappingPlan withContentFallback(List<String> content) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, content, dateColumn, dateFallback, zone, author, tags,
                comments, renderedHtml);
    }

    /** As this, with {@code date} read where the date column is NULL. */
    MappingPlan withDateFallback(Optional<String> date) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, date, zone, author, tags,
                comments, renderedHtml);
    }

    MappingPlan withRenderedHtml(Optional<String> column) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, contentFallback, dateColumn, dateFallback, zone, author,
                tags, comments, column);
    }
}
