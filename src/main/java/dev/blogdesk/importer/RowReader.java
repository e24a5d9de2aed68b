package dev.blogdesk.importer;

import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.PostStatus;
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
    /** The publication rule's columns follow the six selected pairs (typeof and value of id, title, content, date, author, rendered html). */
    private static final int RENDERED_HTML_COLUMN = 11;
    private static final int FIRST_RULE_COLUMN = 13;

    private final boolean importPages;
    private final boolean titleFromContent;

    /**
     * @param importPages       pages come in as posts (a draft page as a draft); otherwise they are skipped and counted
     * @param titleFromContent  an empty title is the content's first line (WriteFreely's untitled posts)
     */
    RowReader(Connection connection, MappingPlan plan, boolean importPages, boolean titleFromContent) throws SQLException {
        this.plan = plan;
        this.importPages = importPages;
        this.titleFromContent = titleFromContent;
        this.authors = plan.author().flatMap(MappingPlan.AuthorSource::table).isPresent()
                ? related(plan.author().get().table().get(), "authors", () -> loadAuthors(connection, plan.author().get())) : Map.of();
        this.authorsUnreadable = relatedProblems.stream().anyMatch(p -> p.reason() == Reason.DAMAGED_TABLE);
        this.tags = plan.tags().isPresent()
                ? related(plan.tags().get().table(), "tags", () -> loadTags(connection, plan.tags().get())) : Map.of();
        this.comments = plan.comments().isPresent()
                ? related(plan.comments().get().table(), "comments", () -> loadComments(connection, plan.comments().get())) : Map.of();
        String id = plan.idExpression();
        this.publication = PublicationRule.of(connection, plan.table());
        String content = orElse(plan.contentColumn(), plan.contentFallback());
        String date = plan.dateColumn().map(c -> orElse(c, plan.dateFallback())).orElse(null);
        String sql = "SELECT typeof(" + id + "), " + id
                + ", typeof(" + quote(plan.titleColumn()) + "), " + quote(plan.titleColumn())
                + ", typeof(" + content + "), " + content
                + ", " + (date == null ? "'null', NULL" : "typeof(" + date + "), " + date)
                + ", " + plan.author().map(a -> "typeof(" + quote(a.postColumn()) + "), " + quote(a.postColumn())).orElse("'null', NULL")
                + ", " + plan.renderedHtml().map(c -> "typeof(" + quote(c) + "), " + quote(c)).orElse("'null', NULL")
                + publication.selectList()
                + " FROM " + quote(plan.table()) + " NOT INDEXED ORDER BY " + id; // the rows, never a damaged index
        statement = connection.createStatement();
        statement.setFetchSize(1000);
        rows = statement.executeQuery(sql);
    }

    /** The column, or where it is NULL the first fallback column that is not, as an SQL expression. */
    private static String orElse(String column, java.util.Optional<String> fallback) {
        return orElse(column, fallback.stream().toList());
    }

    private static String orElse(String column, List<String> fallbacks) {
        if (fallbacks.isEmpty()) {
            return quote(column);
        }
        StringBuilder sql = new StringBuilder("coalesce(").append(quote(column));
        fallbacks.forEach(f -> sql.append(", ").append(quote(f)));
        return sql.append(')').toString();
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
        String content = text(rows, 5, id, "content", raw, problems);
        if (content == null) {
            problems.add(new ImportProblem(table, id, Reason.MISSING_CONTENT, "The content is NULL."));
            content = "";
        }
        if ((title == null || title.isBlank()) && titleFromContent) {
            title = firstLine(content);
        }
        if (title == null || title.isBlank()) {
            problems.add(new ImportProblem(table, id, Reason.MISSING_TITLE, "The title is empty or NULL."));
            title = title == null ? "" : title;
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
            MappingPlan.AuthorSource source = plan.author().get();
            Object ref = key(rows, 9);
            if (source.table().isEmpty()) {
                author = ref == null || String.valueOf(ref).isBlank() ? null : String.valueOf(ref).strip();
            } else if (ref != null) {
                author = authors.get(String.valueOf(ref));
                // An unreadable user table is reported once, not per row; a post with no row in the join has no author.
                if (author == null && !authorsUnreadable && source.join().isEmpty()) {
                    problems.add(new ImportProblem(table, id, Reason.UNKNOWN_AUTHOR,
                            "No " + source.table().get() + " row has " + source.keyColumn() + " = " + ref + "."));
                }
            }
        }
        PostStatus status = status(publication.verdict(rows, FIRST_RULE_COLUMN), id, problems);
        String idText = String.valueOf(id);
        String rendered = "text".equals(rows.getString(RENDERED_HTML_COLUMN)) ? rows.getString(RENDERED_HTML_COLUMN + 1) : null;
        return new SourceRow(id, title, content, date, dateRaw, author, tags.getOrDefault(idText, List.of()),
                comments.getOrDefault(idText, List.of()), raw, problems, status, rendered);
    }

    /** The first line with words, without a heading's #s, cut at a word near 80 characters. */
    static String firstLine(String content) {
        for (String line : content.split("\\R")) {
            String words = line.replaceFirst("^\\s*#{1,6}\\s+", "").strip();
            if (!words.isEmpty()) {
                if (words.length() <= 80) {
                    return words;
                }
                int cut = words.lastIndexOf(' ', 80);
                return words.substring(0, cut > 40 ? cut : 80) + "…";
            }
        }
        return "";
    }

    /** Where the row goes; null with a problem added when it is skipped. */
    private PostStatus status(PublicationRule.Verdict verdict, Object id, List<ImportProblem> problems) {
        return switch (verdict.disposition()) {
            case PUBLISHED -> PostStatus.PUBLISHED;
            case DRAFT -> PostStatus.DRAFT;
            case PAGE -> {
                if (importPages) {
                    yield verdict.draftPage() ? PostStatus.DRAFT : PostStatus.PUBLISHED;
                }
                problems.add(new ImportProblem(plan.table(), id, Reason.PAGE_SKIPPED, "A page: " + verdict.why() + "."));
                yield null;
            }
            case NOT_A_POST -> {
                problems.add(new ImportProblem(plan.table(), id, Reason.NOT_A_POST, "Not a post: " + verdict.why() + "."));
                yield null;
            }
        };
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

    /** Author names by the value the post row holds (its reference, or with a join table its own id). */
    private Map<String, String> loadAuthors(Connection c, MappingPlan.AuthorSource a) throws SQLException {
        Map<String, String> map = new HashMap<>();
        String users = quote(a.table().orElseThrow());
        // Only the key and the name column are selected: passwords and e-mails never leave the source.
        String sql = a.join().map(j -> "SELECT typeof(j." + quote(j.postColumn()) + "), j." + quote(j.postColumn()) + ", u."
                        + quote(a.nameColumn()) + " FROM " + quote(j.table()) + " j JOIN " + users + " u ON u." + quote(a.keyColumn())
                        + " = j." + quote(j.authorColumn()) + " ORDER BY " + j.orderColumn().map(o -> "2, j." + quote(o)).orElse("2"))
                .orElse("SELECT typeof(" + quote(a.keyColumn()) + "), " + quote(a.keyColumn()) + ", " + quote(a.nameColumn())
                        + " FROM " + users);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
                Object key = key(rs, 1);
                String name = rs.getString(3);
                if (key != null && name != null) {
                    map.putIfAbsent(String.valueOf(key), name); // through a join, the first author listed
                }
            }
            relatedRowsRead.put(a.join().map(MappingPlan.AuthorJoin::table).orElse(a.table().get()), n);
        }
        return map;
    }

    private Map<String, List<String>> loadTags(Connection c, MappingPlan.TagSource t) throws SQLException {
        String sql;
        if (t.joinTable().isPresent()) {
            String name = t.names().map(n -> "n." + quote(n.nameColumn())).orElse("g." + quote(t.nameColumn()));
            String names = t.names().map(n -> " JOIN " + quote(n.table()) + " n ON n." + quote(n.keyColumn()) + " = g."
                    + quote(t.nameColumn())).orElse("");
            String only = t.only().map(o -> " WHERE " + (o.onJoin() ? "j." : "g.") + quote(o.column()) + " IN ("
                    + String.join(", ", o.values().stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")").orElse("");
            sql = "SELECT typeof(j." + quote(t.joinPostColumn()) + "), j." + quote(t.joinPostColumn()) + ", " + name
                    + " FROM " + quote(t.joinTable().get()) + " j JOIN " + quote(t.table()) + " g ON g."
                    + quote(t.keyColumn().orElseThrow()) + " = j." + quote(t.joinTagColumn().orElseThrow()) + names + only
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
