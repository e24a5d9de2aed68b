package dev.blogdesk.importer;

import dev.blogdesk.importer.ImportProblem.Reason;
import org.bson.Document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.blogdesk.importer.SqliteSchema.quote;

/**
 * Streams the posts of a {@link MappingPlan} out of the snapshot. SQLite is loosely typed, so every
 * value is read according to its {@code typeof()}: text as raw bytes decoded strictly (invalid UTF-8
 * is reported, not silently replaced), integers with {@code getLong} only when they are integers.
 * Authors, tags and comments are loaded into maps first: they are small next to the posts.
 */
final class RowReader implements AutoCloseable {

    private final MappingPlan plan;
    private final Statement statement;
    private final ResultSet rows;
    private final Map<String, String> authors;
    private final Map<String, List<String>> tags;
    private final Map<String, List<Document>> comments;
    private final List<ImportProblem> relatedProblems = new ArrayList<>();
    private final boolean authorsUnreadable;
    private final Map<String, Long> relatedRowsRead = new HashMap<>();
    private final PublicationRule publication;
    /** The publication rule's columns follow the five selected pairs (typeof and value of id, title, content, date, author). */
    private static final int FIRST_RULE_COLUMN = 11;

    RowReader(Connection connection, MappingPlan plan) throws SQLException {
        this.plan = plan;
        this.authors = plan.author().isPresent()
                ? related(plan.author().get().table(), "authors", () -> loadAuthors(connection, plan.author().get())) : Map.of();
        this.authorsUnreadable = relatedProblems.stream().anyMatch(p -> p.reason() == Reason.DAMAGED_TABLE);
        this.tags = plan.tags().isPresent()
                ? related(plan.tags().get().table(), "tags", () -> loadTags(connection, plan.tags().get())) : Map.of();
        this.comments = plan.comments().isPresent()
                ? related(plan.comments().get().table(), "comments", () -> loadComments(connection, plan.comments().get())) : Map.of();
        String id = plan.idExpression();
        this.publication = PublicationRule.of(connection, plan.table());
        String sql = "SELECT typeof(" + id + "), " + id
                + ", typeof(" + quote(plan.titleColumn()) + "), " + quote(plan.titleColumn())
                + ", typeof(" + quote(plan.contentColumn()) + "), " + quote(plan.contentColumn())
                + ", " + plan.dateColumn().map(c -> "typeof(" + quote(c) + "), " + quote(c)).orElse("'null', NULL")
                + ", " + plan.author().map(a -> "typeof(" + quote(a.postColumn()) + "), " + quote(a.postColumn())).orElse("'null', NULL")
                + publication.selectList()
                + " FROM " + quote(plan.table()) + " NOT INDEXED ORDER BY " + id; // the rows, never a damaged index
        statement = connection.createStatement();
        statement.setFetchSize(1000);
        rows = statement.executeQuery(sql);
    }

    /** The next row, or null at the end. */
    SourceRow next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        List<ImportProblem> problems = new ArrayList<>(0);
        Map<String, byte[]> raw = new HashMap<>(0);
        Object id = key(rows, 1);
        String table = plan.table();

        String title = text(rows, 3, id, "title", raw, problems);
        if (title == null || title.isBlank()) {
            problems.add(new ImportProblem(table, id, Reason.MISSING_TITLE, "The title is empty or NULL."));
            title = title == null ? "" : title;
        }
        String content = text(rows, 5, id, "content", raw, problems);
        if (content == null) {
            problems.add(new ImportProblem(table, id, Reason.MISSING_CONTENT, "The content is NULL."));
            content = "";
        }

        Instant date = null;
        String dateRaw = null;
        String dateType = rows.getString(7);
        switch (dateType) {
            case "null" -> {
                if (plan.dateColumn().isPresent()) {
                    problems.add(new ImportProblem(table, id, Reason.MISSING_DATE, "The date is NULL."));
                }
            }
            case "integer" -> {
                long v = rows.getLong(8);
                dateRaw = Long.toString(v);
                date = dated(DateParser.parseEpoch(v), id, problems);
            }
            case "real" -> {
                dateRaw = rows.getString(8);
                date = dated(DateParser.parseEpochDecimal(new java.math.BigDecimal(dateRaw)), id, problems);
            }
            default -> {
                dateRaw = text(rows, 7, id, "date", raw, problems);
                date = dated(DateParser.parseText(dateRaw, plan.zone()), id, problems);
            }
        }

        String author = null;
        if (plan.author().isPresent()) {
            Object ref = key(rows, 9);
            if (ref != null) {
                author = authors.get(String.valueOf(ref));
                if (author == null && !authorsUnreadable) { // an unreadable user table is reported once, not per row
                    problems.add(new ImportProblem(table, id, Reason.UNKNOWN_AUTHOR,
                            "No " + plan.author().get().table() + " row has " + plan.author().get().keyColumn() + " = " + ref + "."));
                }
            }
        }
        String unpublished = publication.excluded(rows, FIRST_RULE_COLUMN);
        if (unpublished != null) {
            problems.add(new ImportProblem(table, id, Reason.NOT_PUBLISHED, unpublished));
        }
        String idText = String.valueOf(id);
        return new SourceRow(id, title, content, date, dateRaw, author, tags.getOrDefault(idText, List.of()),
                comments.getOrDefault(idText, List.of()), raw, problems);
    }

    private Instant dated(DateParser.Result result, Object id, List<ImportProblem> problems) {
        if (!result.isOk()) {
            problems.add(new ImportProblem(plan.table(), id, Reason.INVALID_DATE, "The date " + result.problem() + "."));
        }
        return result.instant();
    }

    /** A key value (id, foreign key) as Long for integers, String otherwise; null for NULL. */
    private static Object key(ResultSet rs, int typeIndex) throws SQLException {
        return switch (rs.getString(typeIndex)) {
            case "null" -> null;
            case "integer" -> rs.getLong(typeIndex + 1);
            case "blob" -> "0x" + java.util.HexFormat.of().formatHex(rs.getBytes(typeIndex + 1));
            default -> rs.getString(typeIndex + 1);
        };
    }

    /** A text field read by its typeof(); invalid UTF-8 is decoded with U+FFFD, reported, and its bytes kept. */
    private String text(ResultSet rs, int typeIndex, Object id, String field, Map<String, byte[]> raw,
                        List<ImportProblem> problems) throws SQLException {
        String type = rs.getString(typeIndex);
        switch (type) {
            case "null":
                return null;
            case "integer":
                return Long.toString(rs.getLong(typeIndex + 1));
            case "real":
                return rs.getString(typeIndex + 1);
            default:
                byte[] bytes = rs.getBytes(typeIndex + 1);
                if (bytes == null) {
                    return "";
                }
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    raw.put(field, bytes);
                    problems.add(new ImportProblem(plan.table(), id, Reason.INVALID_UTF8,
                            "The " + field + " is not valid UTF-8 (" + bytes.length + " bytes)."));
                    return new String(bytes, StandardCharsets.UTF_8);
                }
        }
    }

    private interface Load<T> {
        Map<String, T> run() throws SQLException;
    }

    /** A damaged table beside the posts costs what it holds (the authors, the tags), never the posts. */
    private <T> Map<String, T> related(String table, String what, Load<T> load) throws SQLException {
        try {
            return load.run();
        } catch (SQLException e) {
            if (!SqliteSchema.isCorrupt(e)) {
                throw e;
            }
            relatedProblems.add(new ImportProblem(table, null, Reason.DAMAGED_TABLE, "The " + table + " table cannot be read ("
                    + "SQLite: the database disk image is malformed), so the posts were imported without their " + what + "."));
            return Map.of();
        }
    }

    private Map<String, String> loadAuthors(Connection c, MappingPlan.AuthorSource a) throws SQLException {
        Map<String, String> map = new HashMap<>();
        // Only the key and the name column are selected: passwords and e-mails never leave the source.
        String sql = "SELECT typeof(" + quote(a.keyColumn()) + "), " + quote(a.keyColumn()) + ", " + quote(a.nameColumn())
                + " FROM " + quote(a.table());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
                Object key = key(rs, 1);
                String name = rs.getString(3);
                if (key != null && name != null) {
                    map.put(String.valueOf(key), name);
                }
            }
            relatedRowsRead.put(a.table(), n);
        }
        return map;
    }

    private Map<String, List<String>> loadTags(Connection c, MappingPlan.TagSource t) throws SQLException {
        String sql;
        if (t.joinTable().isPresent()) {
            sql = "SELECT typeof(j." + quote(t.joinPostColumn()) + "), j." + quote(t.joinPostColumn()) + ", g." + quote(t.nameColumn())
                    + " FROM " + quote(t.joinTable().get()) + " j JOIN " + quote(t.table()) + " g ON g."
                    + quote(t.keyColumn().orElseThrow()) + " = j." + quote(t.joinTagColumn().orElseThrow())
                    + " ORDER BY 2, 3";
        } else {
            sql = "SELECT typeof(" + quote(t.joinPostColumn()) + "), " + quote(t.joinPostColumn()) + ", " + quote(t.nameColumn())
                    + " FROM " + quote(t.table()) + " ORDER BY 2, 3";
        }
        Map<String, List<String>> map = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
                Object post = key(rs, 1);
                String name = rs.getString(3);
                if (post != null && name != null) {
                    List<String> list = map.computeIfAbsent(String.valueOf(post), k -> new ArrayList<>());
                    if (!list.contains(name)) {
                        list.add(name);
                    }
                }
            }
            relatedRowsRead.put(t.joinTable().orElse(t.table()), n);
        }
        return map;
    }

    private Map<String, List<Document>> loadComments(Connection c, MappingPlan.CommentSource s) throws SQLException {
        String sql = "SELECT typeof(" + quote(s.postColumn()) + "), " + quote(s.postColumn())
                + ", " + s.idColumn().map(SqliteSchema::quote).orElse("rowid")
                + ", " + quote(s.bodyColumn())
                + ", " + s.authorColumn().map(SqliteSchema::quote).orElse("NULL")
                + ", " + s.dateColumn().map(d -> "typeof(" + quote(d) + "), " + quote(d)).orElse("'null', NULL")
                + " FROM " + quote(s.table()) + " ORDER BY 2, 3";
        Map<String, List<Document>> map = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
                Object post = key(rs, 1);
                if (post == null) {
                    continue;
                }
                Document comment = new Document("id", rs.getObject(3));
                if (s.authorColumn().isPresent()) {
                    comment.append("author", rs.getString(5));
                }
                comment.append("body", rs.getString(4) == null ? "" : rs.getString(4));
                String dateType = rs.getString(6);
                if (!"null".equals(dateType)) {
                    DateParser.Result d = "integer".equals(dateType) ? DateParser.parseEpoch(rs.getLong(7))
                            : DateParser.parseText(rs.getString(7), plan.zone());
                    if (d.isOk()) {
                        comment.append("date", java.util.Date.from(d.instant()));
                    } else {
                        comment.append("date_raw", rs.getString(7));
                        relatedProblems.add(new ImportProblem(s.table(), rs.getObject(3), Reason.INVALID_DATE,
                                "The comment's date " + d.problem() + "."));
                    }
                }
                map.computeIfAbsent(String.valueOf(post), k -> new ArrayList<>()).add(comment);
            }
            relatedRowsRead.put(s.table(), n);
        }
        return map;
    }

    /** Problems found in related tables while loading them. */
    List<ImportProblem> relatedProblems() {
        return relatedProblems;
    }

    /** Rows read from each related table. */
    Map<String, Long> relatedRowsRead() {
        return relatedRowsRead;
    }

    @Override
    public void close() throws SQLException {
        rows.close();
        statement.close();
    }
}
