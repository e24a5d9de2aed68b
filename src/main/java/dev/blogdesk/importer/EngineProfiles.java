package dev.blogdesk.importer;

import dev.blogdesk.importer.MappingPlan.AuthorJoin;
import dev.blogdesk.importer.MappingPlan.AuthorSource;
import dev.blogdesk.importer.MappingPlan.NameTable;
import dev.blogdesk.importer.MappingPlan.Only;
import dev.blogdesk.importer.MappingPlan.TagSource;
import dev.blogdesk.importer.SqliteSchema.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the engine a blog database came from by the tables and columns its own schema creates
 * (Ghost's {@code schema.js}, WordPress's {@code schema.php}, WriteFreely's {@code sqlite.sql}, Django's
 * and Rails' migrations, Sequelize's models, the Flask tutorials), and adjusts the proposed mapping
 * where the engine keeps something the generic matching would miss: Ghost's {@code published_at} and
 * {@code posts_authors}, Ghost 5's {@code lexical}, WordPress's term tables, Rails' taggings.
 */
final class EngineProfiles {

    private EngineProfiles() {
    }

    static SourceEngine detect(SqliteSchema schema, Table posts) {
        String name = posts.name().toLowerCase(Locale.ROOT);
        if (has(posts, "post_type", "post_status", "post_title")) {
            String prefix = posts.name().substring(0, posts.name().length() - "posts".length());
            return SourceEngine.of("wordpress", "WordPress" + (prefix.equalsIgnoreCase("wp_") ? "" : " (table prefix " + prefix + ")"));
        }
        if (has(posts, "uuid", "slug", "status", "html")) {
            if (has(posts, "lexical")) {
                return SourceEngine.of("ghost-5", "Ghost 5 (lexical)");
            }
            if (has(posts, "mobiledoc")) {
                return SourceEngine.of("ghost-1-4", "Ghost 1–4 (mobiledoc)");
            }
            if (has(posts, "markdown")) {
                return SourceEngine.of("ghost-0", "Ghost 0.x (markdown)");
            }
        }
        if (has(posts, "text_appearance", "owner_id", "collection_id")) {
            return new SourceEngine("writefreely", "WriteFreely", true);
        }
        if (schema.table("django_migrations").isPresent() || schema.table("auth_user").isPresent()) {
            return SourceEngine.of("django", "Django (" + posts.name() + ")");
        }
        if (schema.table("schema_migrations").isPresent() && schema.table("ar_internal_metadata").isPresent()) {
            return SourceEngine.of("rails", "Rails (" + posts.name() + ")");
        }
        if (schema.table("SequelizeMeta").isPresent() || has(posts, "createdAt", "updatedAt")) {
            return SourceEngine.of("sequelize", "Node/Sequelize (" + posts.name() + ")");
        }
        if (name.equals("post") && has(posts, "author_id", "created", "body") && schema.table("user").isPresent()) {
            return SourceEngine.of("flaskr", "flaskr (the Flask tutorial's blog)");
        }
        if (has(posts, "date_posted") || schema.table("alembic_version").isPresent()
                || (List.of("post", "posts", "blog_post", "blog_posts").contains(name) && has(posts, "user_id"))) {
            return SourceEngine.of("flask", "Flask-SQLAlchemy (" + posts.name() + ")");
        }
        return SourceEngine.GENERIC;
    }

    /** The generic proposal, with what {@code engine} keeps where the names alone would not find it. */
    static MappingPlan adjust(SqliteSchema schema, Table posts, SourceEngine engine, MappingPlan plan) {
        return switch (engine.name()) {
            case "ghost-5", "ghost-1-4", "ghost-0" -> ghost(schema, posts, engine, plan);
            case "wordpress" -> wordPressTags(schema, posts).map(t -> plan.withTags(Optional.of(t))).orElse(plan);
            case "django" -> fallbackDate(posts, plan, "published_date", "created_date");
            case "rails" -> rails(schema, posts, plan);
            default -> plan;
        };
    }

    private static MappingPlan ghost(SqliteSchema schema, Table posts, SourceEngine engine, MappingPlan plan) {
        MappingPlan ghost = plan;
        // Ghost 5 writes lexical; posts from before it keep only their mobiledoc. Where a post has no source, its html.
        if (engine.name().equals("ghost-5") && has(posts, "mobiledoc")) {
            ghost = ghost.withContent(column(posts, "lexical")).withContentFallback(has(posts, "html")
                    ? List.of(column(posts, "mobiledoc"), column(posts, "html")) : List.of(column(posts, "mobiledoc")));
        } else if (engine.name().equals("ghost-1-4") && has(posts, "html")) {
            ghost = ghost.withContent(column(posts, "mobiledoc")).withContentFallback(List.of(column(posts, "html")));
        }
        if ((engine.name().equals("ghost-5") || engine.name().equals("ghost-1-4")) && has(posts, "html")) {
            // What Ghost rendered from the lexical or mobiledoc: the converted Markdown is checked against it.
            ghost = ghost.withRenderedHtml(Optional.of(column(posts, "html")));
        }
        if (engine.name().equals("ghost-0") && has(posts, "html")) {
            ghost = ghost.withContent(column(posts, "markdown")).withContentFallback(List.of(column(posts, "html")));
        }
        if (has(posts, "published_at")) {
            ghost = ghost.withDate(Optional.of(column(posts, "published_at")))
                    .withDateFallback(has(posts, "created_at") ? Optional.of(column(posts, "created_at")) : Optional.empty());
        }
        Optional<Table> join = schema.table("posts_authors");
        Optional<Table> users = schema.table("users");
        if (join.isPresent() && users.isPresent() && has(join.get(), "post_id", "author_id") && has(users.get(), "id", "name")) {
            ghost = ghost.withAuthor(Optional.of(new AuthorSource(plan.idColumn().orElse("id"), Optional.of(users.get().name()),
                    column(users.get(), "id"), column(users.get(), "name"), Optional.of(new AuthorJoin(join.get().name(),
                    column(join.get(), "post_id"), column(join.get(), "author_id"),
                    has(join.get(), "sort_order") ? Optional.of(column(join.get(), "sort_order")) : Optional.empty())))));
        }
        return ghost;
    }

    /** WordPress: wp_term_relationships(object_id) -> wp_term_taxonomy (tags and categories) -> wp_terms.name. */
    private static Optional<TagSource> wordPressTags(SqliteSchema schema, Table posts) {
        String prefix = posts.name().substring(0, posts.name().length() - "posts".length());
        Optional<Table> relationships = schema.table(prefix + "term_relationships");
        Optional<Table> taxonomy = schema.table(prefix + "term_taxonomy");
        Optional<Table> terms = schema.table(prefix + "terms");
        if (relationships.isEmpty() || taxonomy.isEmpty() || terms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TagSource(Optional.of(relationships.get().name()), "object_id", Optional.of("term_taxonomy_id"),
                taxonomy.get().name(), Optional.of("term_taxonomy_id"), "term_id",
                Optional.of(new NameTable(terms.get().name(), "term_id", "name")),
                Optional.of(new Only(false, "taxonomy", List.of("post_tag", "category")))));
    }

    /** Rails (acts-as-taggable-on): taggings(taggable_type, taggable_id, tag_id) -> tags.name; an author name column. */
    private static MappingPlan rails(SqliteSchema schema, Table posts, MappingPlan plan) {
        MappingPlan rails = plan;
        Optional<Table> taggings = schema.table("taggings");
        Optional<Table> tags = schema.table("tags");
        if (taggings.isPresent() && tags.isPresent() && has(taggings.get(), "taggable_id", "taggable_type", "tag_id")
                && has(tags.get(), "id", "name")) {
            String model = railsModel(posts.name());
            rails = rails.withTags(Optional.of(new TagSource(Optional.of(taggings.get().name()), "taggable_id", Optional.of("tag_id"),
                    tags.get().name(), Optional.of("id"), "name", Optional.empty(),
                    Optional.of(new Only(true, "taggable_type", List.of(model))))));
        }
        if (rails.author().isEmpty() && has(posts, "author")) {
            rails = rails.withAuthor(Optional.of(AuthorSource.nameIn(column(posts, "author"))));
        }
        return rails;
    }

    /** The model Rails names a table after: articles -> Article, blog_posts -> BlogPost. */
    static String railsModel(String table) {
        StringBuilder model = new StringBuilder();
        for (String part : table.split("_")) {
            if (!part.isEmpty()) {
                model.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        String m = model.toString();
        return m.endsWith("ies") ? m.substring(0, m.length() - 3) + "y" : m.endsWith("s") ? m.substring(0, m.length() - 1) : m;
    }

    private static MappingPlan fallbackDate(Table posts, MappingPlan plan, String column, String fallback) {
        if (plan.dateColumn().map(c -> c.equalsIgnoreCase(column)).orElse(false) && has(posts, fallback)) {
            return plan.withDateFallback(Optional.of(column(posts, fallback)));
        }
        return plan;
    }

    private static boolean has(Table t, String... columns) {
        for (String c : columns) {
            if (t.column(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String column(Table t, String name) {
        return t.column(name).orElseThrow().name();
    }
}
