package dev.blogdesk.importer;

import java.time.ZoneId;
import java.util.Optional;

/**
 * How rows of the source become BlogDesk documents: which table holds the posts, which column feeds
 * each field, where authors, tags and comments come from, and the zone of naive dates.
 * Empty optionals mean "not imported".
 */
public record MappingPlan(
        String table,
        Optional<String> idColumn,        // empty: SQLite's rowid
        String titleColumn,
        String contentColumn,
        Optional<String> dateColumn,
        ZoneId zone,
        Optional<AuthorSource> author,
        Optional<TagSource> tags,
        Optional<CommentSource> comments) {

    /** {@code post.<postColumn>} references {@code <table>.<keyColumn>}; the author's name is {@code nameColumn}. */
    public record AuthorSource(String postColumn, String table, String keyColumn, String nameColumn) {
    }

    /**
     * Tags through a join table ({@code joinTable(joinPostColumn, joinTagColumn)} -> {@code table(keyColumn, nameColumn)}),
     * or, with no join table, a table holding {@code joinPostColumn} and the name directly.
     */
    public record TagSource(Optional<String> joinTable, String joinPostColumn, Optional<String> joinTagColumn,
                            String table, Optional<String> keyColumn, String nameColumn) {
    }

    /** Comments in {@code table}, linked by {@code postColumn}; optional author and date columns. */
    public record CommentSource(String table, String postColumn, Optional<String> idColumn, String bodyColumn,
                                Optional<String> authorColumn, Optional<String> dateColumn) {
    }

    public String idExpression() {
        return idColumn.map(SqliteSchema::quote).orElse("rowid");
    }

    public MappingPlan withTitle(String column) {
        return new MappingPlan(table, idColumn, column, contentColumn, dateColumn, zone, author, tags, comments);
    }

    public MappingPlan withContent(String column) {
        return new MappingPlan(table, idColumn, titleColumn, column, dateColumn, zone, author, tags, comments);
    }

    public MappingPlan withDate(Optional<String> column) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, column, zone, author, tags, comments);
    }

    public MappingPlan withZone(ZoneId newZone) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, dateColumn, newZone, author, tags, comments);
    }

    public MappingPlan withAuthor(Optional<AuthorSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, dateColumn, zone, source, tags, comments);
    }

    public MappingPlan withTags(Optional<TagSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, dateColumn, zone, author, source, comments);
    }

    public MappingPlan withComments(Optional<CommentSource> source) {
        return new MappingPlan(table, idColumn, titleColumn, contentColumn, dateColumn, zone, author, tags, source);
    }
}
