package dev.blogdesk.importer;

import dev.blogdesk.importer.MappingPlan.AuthorSource;
import dev.blogdesk.importer.MappingPlan.CommentSource;
import dev.blogdesk.importer.MappingPlan.TagSource;
import dev.blogdesk.importer.SqliteSchema.Table;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the shapes real blog databases come in (Flask-SQLAlchemy {@code post}, flaskr
 * {@code post(author_id, created, body)}, {@code user}/{@code post.user_id}, tag join tables,
 * comment tables) and proposes a {@link MappingPlan} the user can then change.
 */
public final class SqliteInspector {

    static final List<String> POST_TABLES = List.of("post", "posts", "entry", "entries", "article", "articles",
            "blog_post", "blog_posts", "blogpost", "blogposts", "story", "stories");
    static final List<String> TITLE_COLUMNS = List.of("title", "post_title", "subject", "headline", "name");
    static final List<String> CONTENT_COLUMNS = List.of("content", "body", "text", "markdown", "content_md",
            "post_body", "post_content", "lexical", "mobiledoc", "html", "content_html");
    /** In this order; then any column whose name starts with "published" or "created" (Django's published_date, Sequelize's createdAt). */
    static final List<String> DATE_COLUMNS = List.of("date_posted", "created", "created_at", "createdAt", "pub_date", "published",
            "published_at", "published_date", "publish", "posted_at", "posted", "created_on", "created_date", "date", "timestamp",
            "post_date_gmt", "post_date");
    private static final List<String> DATE_PREFIXES = List.of("published", "created", "posted", "pub_");
    static final List<String> AUTHOR_NAME_COLUMNS = List.of("username", "name", "display_name", "full_name",
            "nickname", "login", "user_name");
    /** Never copied into a post, whatever the user maps. */
    static final Set<String> PRIVATE_COLUMNS = Set.of("password", "password_hash", "passwd", "pwd", "hash", "email",
            "e_mail", "mail", "salt", "token", "api_key", "secret");

    private SqliteInspector() {
    }

    public static boolean isPrivate(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return PRIVATE_COLUMNS.contains(c) || c.contains("password") || c.contains("email");
    }

    /** Proposes a plan for the best post-like table, or {@code preferredTable} when given. */
    public static MappingPlan propose(SqliteSchema schema, String preferredTable) {
        if (schema.tables().isEmpty()) {
            throw new ImportException(ImportException.Code.EMPTY, "The database has no tables: there is nothing to import.");
        }
        Table posts;
        if (preferredTable != null) {
            posts = schema.table(preferredTable).orElseThrow(() -> new ImportException(ImportException.Code.NO_POST_TABLE,
                    "There is no table \"" + preferredTable + "\". Tables: " + names(schema) + "."));
        } else {
            posts = schema.tables().stream().filter(t -> score(t) > 0).max(Comparator.comparingInt(SqliteInspector::score))
                    .orElseThrow(() -> new ImportException(ImportException.Code.NO_POST_TABLE,
                            "No table looks like blog posts (a table with a title and a content or body column). "
                                    + "Tables: " + names(schema) + "."));
        }
        return proposeFor(schema, posts);
    }

    static MappingPlan proposeFor(SqliteSchema schema, Table posts) {
        String title = pick(posts, TITLE_COLUMNS).orElseThrow(() -> new ImportException(ImportException.Code.NO_POST_TABLE,
                "Table \"" + posts.name() + "\" has no title column (one of " + TITLE_COLUMNS + "). Columns: " + posts.columnNames() + "."));
        String content = pick(posts, CONTENT_COLUMNS).orElseThrow(() -> new ImportException(ImportException.Code.NO_POST_TABLE,
                "Table \"" + posts.name() + "\" has no content column (one of " + CONTENT_COLUMNS + "). Columns: " + posts.columnNames() + "."));
        Optional<String> id = posts.integerPrimaryKey().map(SqliteSchema.Column::name)
                .or(() -> posts.column("id").map(SqliteSchema.Column::name));
        MappingPlan generic = new MappingPlan(posts.name(), id, title, content, List.of(), dateColumn(posts), Optional.empty(),
                ZoneOffset.UTC, author(schema, posts), tags(schema, posts), comments(schema, posts), Optional.empty());
        return EngineProfiles.adjust(schema, posts, EngineProfiles.detect(schema, posts), generic);
    }

    /** The engine the plan's table looks like it came from. */
    public static SourceEngine engine(SqliteSchema schema, MappingPlan plan) {
        return schema.table(plan.table()).map(t -> EngineProfiles.detect(schema, t)).orElse(SourceEngine.GENERIC);
    }

    private static int score(Table t) {
        String name = t.name().toLowerCase(Locale.ROOT);
        if (name.contains("comment") || pick(t, TITLE_COLUMNS).isEmpty() || pick(t, CONTENT_COLUMNS).isEmpty()) {
            return 0;
        }
        int score = 4;
        if (POST_TABLES.contains(name)) {
            score += 3;
        }
        if (dateColumn(t).isPresent()) {
            score += 1;
        }
        return score;
    }

    /** The date column: a known name, else the first column named like one ({@code published…}, {@code created…}). */
    static Optional<String> dateColumn(Table t) {
        Optional<String> known = pick(t, DATE_COLUMNS);
        if (known.isPresent()) {
            return known;
        }
        for (String prefix : DATE_PREFIXES) {
            for (String column : t.columnNames()) {
                if (column.toLowerCase(Locale.ROOT).startsWith(prefix) && !isPrivate(column)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> pick(Table t, List<String> candidates) {
        for (String candidate : candidates) {
            Optional<SqliteSchema.Column> c = t.column(candidate);
            if (c.isPresent()) {
                return Optional.of(c.get().name());
            }
        }
        return Optional.empty();
    }

    private static Optional<AuthorSource> author(SqliteSchema schema, Table posts) {
        // Sequelize names them authorId and UserId; lookups ignore case.
        for (String column : List.of("user_id", "author_id", "owner_id", "writer_id", "post_author", "authorId", "userId",
                "author", "user")) {
            Optional<SqliteSchema.Column> fk = posts.column(column);
            if (fk.isEmpty()) {
                continue;
            }
            Optional<SqliteSchema.ForeignKey> declared = posts.foreignKeys().stream()
                    .filter(k -> k.fromColumn().equalsIgnoreCase(fk.get().name())).findFirst();
            // WordPress: wp_posts.post_author -> wp_users (whatever the table prefix is).
            String prefixed = posts.name().replaceAll("(?i)posts$", "") + "users";
            List<String> tableNames = declared.map(k -> List.of(k.toTable()))
                    .orElse(List.of(prefixed, "user", "users", "author", "authors", "account", "accounts"));
            for (String tableName : tableNames) {
                Optional<Table> users = schema.table(tableName);
                if (users.isEmpty()) {
                    continue;
                }
                Optional<String> key = declared.map(SqliteSchema.ForeignKey::toColumn).filter(k -> k != null && !k.isBlank())
                        .or(() -> users.get().integerPrimaryKey().map(SqliteSchema.Column::name))
                        .or(() -> users.get().column("id").map(SqliteSchema.Column::name));
                Optional<String> name = pick(users.get(), AUTHOR_NAME_COLUMNS).filter(n -> !isPrivate(n));
                if (key.isPresent() && name.isPresent()) {
                    return Optional.of(AuthorSource.reference(fk.get().name(), users.get().name(), key.get(), name.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> postReference(Table t, Table posts) {
        String singular = posts.name().toLowerCase(Locale.ROOT).replaceAll("s$", "");
        for (SqliteSchema.ForeignKey k : t.foreignKeys()) {
            if (k.toTable().equalsIgnoreCase(posts.name())) {
                return Optional.of(k.fromColumn());
            }
        }
        return pick(t, List.of("post_id", singular + "_id", "entry_id", "article_id"));
    }

    private static Optional<TagSource> tags(SqliteSchema schema, Table posts) {
        for (Table t : schema.tables()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            if (t == posts || !name.contains("tag")) {
                continue;
            }
            Optional<String> postColumn = postReference(t, posts);
            if (postColumn.isEmpty()) {
                continue;
            }
            Optional<String> tagColumn = pick(t, List.of("tag_id", "tags_id"));
            if (tagColumn.isPresent()) {
                Optional<String> declaredTarget = t.foreignKeys().stream()
                        .filter(k -> k.fromColumn().equalsIgnoreCase(tagColumn.get())).map(SqliteSchema.ForeignKey::toTable).findFirst();
                for (String tagTableName : declaredTarget.map(List::of).orElse(List.of("tag", "tags"))) {
                    Optional<Table> tagTable = schema.table(tagTableName);
                    Optional<String> tagName = tagTable.flatMap(tt -> pick(tt, List.of("name", "title", "tag", "label", "slug")));
                    Optional<String> key = tagTable.flatMap(tt -> tt.integerPrimaryKey().map(SqliteSchema.Column::name)
                            .or(() -> tt.column("id").map(SqliteSchema.Column::name)));
                    if (tagName.isPresent() && key.isPresent()) {
                        return Optional.of(new TagSource(Optional.of(t.name()), postColumn.get(), tagColumn,
                                tagTable.get().name(), key, tagName.get()));
                    }
                }
            } else {
                Optional<String> tagName = pick(t, List.of("name", "tag", "title", "label"));
                if (tagName.isPresent()) {
                    return Optional.of(new TagSource(Optional.empty(), postColumn.get(), Optional.empty(), t.name(),
                            Optional.empty(), tagName.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<CommentSource> comments(SqliteSchema schema, Table posts) {
        for (Table t : schema.tables()) {
            if (t == posts || !t.name().toLowerCase(Locale.ROOT).contains("comment")) {
                continue;
            }
            Optional<String> postColumn = postReference(t, posts);
            Optional<String> body = pick(t, List.of("body", "content", "text", "comment", "message"));
            if (postColumn.isPresent() && body.isPresent()) {
                Optional<String> id = t.integerPrimaryKey().map(SqliteSchema.Column::name)
                        .or(() -> t.column("id").map(SqliteSchema.Column::name));
                Optional<String> author = pick(t, List.of("author", "author_name", "name", "username", "user_name"))
                        .filter(a -> !isPrivate(a));
                return Optional.of(new CommentSource(t.name(), postColumn.get(), id, body.get(), author, pick(t, DATE_COLUMNS)));
            }
        }
        return Optional.empty();
    }

    private static String names(SqliteSchema schema) {
        return schema.tables().isEmpty() ? "none" : String.join(", ", schema.tables().stream().map(Table::name).toList());
    }

    /** Validates a plan the user edited against the schema; a bad mapping is reported before anything is written. */
    public static void validate(SqliteSchema schema, MappingPlan plan) {
        Table t = schema.table(plan.table()).orElseThrow(() -> new ImportException(ImportException.Code.BAD_MAPPING,
                "There is no table \"" + plan.table() + "\"."));
        for (String column : List.of(plan.titleColumn(), plan.contentColumn())) {
            requireColumn(t, column);
        }
        plan.dateColumn().ifPresent(c -> requireColumn(t, c));
        plan.contentFallback().forEach(c -> requireColumn(t, c));
        plan.renderedHtml().ifPresent(c -> requireColumn(t, c));
        plan.dateFallback().ifPresent(c -> requireColumn(t, c));
        plan.idColumn().ifPresent(c -> requireColumn(t, c));
        if (isPrivate(plan.titleColumn()) || isPrivate(plan.contentColumn())
                || plan.author().map(a -> isPrivate(a.nameColumn())).orElse(false)) {
            throw new ImportException(ImportException.Code.BAD_MAPPING,
                    "Password and e-mail columns are never copied into posts. Choose another column.");
        }
    }

    private static void requireColumn(Table t, String column) {
        if (t.column(column).isEmpty()) {
            throw new ImportException(ImportException.Code.BAD_MAPPING,
                    "Table \"" + t.name() + "\" has no column \"" + column + "\". Columns: " + t.columnNames() + ".");
        }
    }
}
