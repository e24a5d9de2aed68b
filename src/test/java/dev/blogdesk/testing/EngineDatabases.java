package dev.blogdesk.testing;

import java.nio.file.Path;

/**
 * One SQLite database per engine, built from the tables the engine's own schema creates (Ghost 0.11's,
 * 1–4's and 5.x's {@code schema.js}, WordPress 6's {@code schema.php} through the SQLite Database
 * Integration plugin, WriteFreely's {@code sqlite.sql}, the Django Girls tutorial's model, Rails 7's
 * {@code schema.rb} with acts-as-taggable-on, Sequelize 6's default model tables, flaskr) with the messy
 * rows real blogs hold. The engine's tests and the wizard's use the same files.
 */
public final class EngineDatabases {

    private EngineDatabases() {
    }

    /** A Ghost 1–4 post as its editor stores it: markup sections, a list, and image, code, hr and markdown cards. */
    public static final String MOBILEDOC = "{\"version\":\"0.3.1\",\"atoms\":[],\"cards\":["
            + "[\"image\",{\"src\":\"/content/images/boat.jpg\",\"alt\":\"A boat\",\"caption\":\"\"}],"
            + "[\"code\",{\"code\":\"console.log(\\\"hi\\\");\\n\",\"language\":\"js\"}],[\"hr\",{}],"
            + "[\"markdown\",{\"markdown\":\"Written in *Markdown* inside Ghost.\"}]],"
            + "\"markups\":[[\"strong\"],[\"a\",[\"href\",\"https://ghost.org/docs/\"]]],"
            + "\"sections\":[[1,\"h2\",[[0,[],0,\"Getting started\"]]],"
            + "[1,\"p\",[[0,[],0,\"Ghost \"],[0,[0],1,\"says\"],[0,[],0,\" hi, see \"],[0,[1],1,\"the docs\"],[0,[],0,\" & more.\"]]],"
            + "[3,\"ul\",[[[0,[],0,\"one\"]],[[0,[],0,\"two\"]]]],"
            + "[10,0],[10,1],[10,2],[10,3]]}";

    /** {@link #MOBILEDOC} as Ghost renders it into its {@code html} column. */
    public static final String MOBILEDOC_AS_HTML = "<h2 id=\"getting-started\">Getting started</h2><p>Ghost <strong>says</strong> hi, "
            + "see <a href=\"https://ghost.org/docs/\">the docs</a> &amp; more.</p><ul><li>one</li><li>two</li></ul>"
            + "<figure class=\"kg-card kg-image-card\"><img src=\"/content/images/boat.jpg\" class=\"kg-image\" alt=\"A boat\" "
            + "loading=\"lazy\"></figure><pre><code class=\"language-js\">console.log(\"hi\");\n</code></pre><hr>"
            + "<!--kg-card-begin: markdown--><p>Written in <em>Markdown</em> inside Ghost.</p>\n<!--kg-card-end: markdown-->";

    /** {@link #MOBILEDOC} as the import writes it. */
    public static final String MOBILEDOC_AS_MARKDOWN = """
        ## Getting started

        Ghost **says** hi, see [the docs](https://ghost.org/docs/) \\& more.

        * one
        * two

        ![A boat](/content/images/boat.jpg)

        ```js
        console.log("hi");
        ```

        ---

        Written in *Markdown* inside Ghost.
        """;

    public static final String LEXICAL = """
            {"root":{"type":"root","version":1,"direction":"ltr","format":"","indent":0,"children":[
             {"type":"extended-heading","tag":"h2","version":1,"children":[{"type":"extended-text","text":"Why lexical","format":0,"version":1}]},
             {"type":"paragraph","version":1,"children":[
               {"type":"extended-text","text":"Ghost 5 is ","format":0,"version":1},
               {"type":"extended-text","text":"bold","format":1,"version":1},
               {"type":"extended-text","text":" and ","format":0,"version":1},
               {"type":"extended-text","text":"leaning","format":2,"version":1},
               {"type":"extended-text","text":", see ","format":0,"version":1},
               {"type":"link","url":"https://ghost.org/docs/","version":1,"children":[{"type":"extended-text","text":"the docs","format":0,"version":1}]},
               {"type":"extended-text","text":" or run ","format":0,"version":1},
               {"type":"extended-text","text":"ghost start","format":16,"version":1}]},
             {"type":"list","listType":"number","tag":"ol","start":1,"version":1,"children":[
               {"type":"listitem","value":1,"version":1,"children":[{"type":"extended-text","text":"install","format":0,"version":1}]},
               {"type":"listitem","value":2,"version":1,"children":[{"type":"extended-text","text":"write","format":0,"version":1}]}]},
             {"type":"image","version":1,"src":"/content/images/2023/05/harbour.jpg","alt":"The harbour","caption":""},
             {"type":"codeblock","version":1,"code":"npm install ghost-cli\\n","language":"bash","caption":""},
             {"type":"horizontalrule","version":1},
             {"type":"extended-quote","version":1,"children":[{"type":"extended-text","text":"Write every day.","format":0,"version":1}]},
             {"type":"markdown","version":1,"markdown":"A *markdown* card."},
             {"type":"bookmark","version":1,"url":"https://example.com/a","metadata":{"url":"https://example.com/a",
               "icon":"https://example.com/favicon.ico","title":"A","description":"What A is about.","author":null,
               "publisher":"Example","thumbnail":"https://example.com/a.jpg"},"caption":""}]}}""";

    /**
     * {@link #LEXICAL} as Ghost 5 renders it. Its bookmark card shows the linked site's icon, name and picture
     * with the page's title and description, and the Markdown keeps only the titled link and the description:
     * the conversion reads differently, and the check says so.
     */
    public static final String LEXICAL_AS_HTML = "<h2 id=\"why-lexical\">Why lexical</h2><p>Ghost 5 is <strong>bold</strong> and "
            + "<em>leaning</em>, see <a href=\"https://ghost.org/docs/\">the docs</a> or run <code>ghost start</code></p>"
            + "<ol><li>install</li><li>write</li></ol><figure class=\"kg-card kg-image-card\"><img "
            + "src=\"/content/images/2023/05/harbour.jpg\" class=\"kg-image\" alt=\"The harbour\" loading=\"lazy\"></figure>"
            + "<pre><code class=\"language-bash\">npm install ghost-cli\n</code></pre><hr><blockquote>Write every day.</blockquote>"
            + "<!--kg-card-begin: markdown--><p>A <em>markdown</em> card.</p>\n<!--kg-card-end: markdown-->"
            + "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"https://example.com/a\">"
            + "<div class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">A</div>"
            + "<div class=\"kg-bookmark-description\">What A is about.</div><div class=\"kg-bookmark-metadata\">"
            + "<img class=\"kg-bookmark-icon\" src=\"https://example.com/favicon.ico\" alt=\"\">"
            + "<span class=\"kg-bookmark-author\">Example</span></div></div><div class=\"kg-bookmark-thumbnail\">"
            + "<img src=\"https://example.com/a.jpg\" alt=\"\"></div></a></figure>";

    /** Ghost 5's posts table. */
    public static final String GHOST5_POSTS = "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, "
            + "title varchar(2000) not null, slug varchar(191) not null, mobiledoc text null, lexical text null, html text null, "
            + "comment_id varchar(50) null, plaintext text null, feature_image varchar(2000) null, featured boolean not null default '0', "
            + "type varchar(50) not null default 'post', status varchar(50) not null default 'draft', locale varchar(6) null, "
            + "visibility varchar(50) not null default 'public', email_recipient_filter text not null default 'all', "
            + "created_at datetime not null, created_by varchar(24) not null, updated_at datetime null, updated_by varchar(24) null, "
            + "published_at datetime null, published_by varchar(24) null, custom_excerpt varchar(2000) null, "
            + "newsletter_id varchar(24) null, show_title_and_feature_image boolean not null default '1', primary key (id))";

    /** WordPress 6 (SQLite Database Integration) with the table prefix blog_: a published post, a draft, an auto-draft, a page, an attachment, a revision and a scheduled post. */
    public static Path wordPressPrefixed(Path dir) throws Exception {
        Path file = dir.resolve("wordpress.db");
        SqliteFiles.exec(file, "CREATE TABLE blog_users (ID integer PRIMARY KEY AUTOINCREMENT, user_login text NOT NULL DEFAULT '', "
                        + "user_pass text NOT NULL DEFAULT '', user_nicename text NOT NULL DEFAULT '', user_email text NOT NULL DEFAULT '', "
                        + "user_url text NOT NULL DEFAULT '', user_registered text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "user_activation_key text NOT NULL DEFAULT '', user_status integer NOT NULL DEFAULT '0', display_name text NOT NULL DEFAULT '')",
                "CREATE TABLE blog_posts (ID integer PRIMARY KEY AUTOINCREMENT, post_author integer NOT NULL DEFAULT '0', "
                        + "post_date text NOT NULL DEFAULT '0000-00-00 00:00:00', post_date_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_content text NOT NULL, post_title text NOT NULL, post_excerpt text NOT NULL, "
                        + "post_status text NOT NULL DEFAULT 'publish', comment_status text NOT NULL DEFAULT 'open', "
                        + "ping_status text NOT NULL DEFAULT 'open', post_password text NOT NULL DEFAULT '', post_name text NOT NULL DEFAULT '', "
                        + "to_ping text NOT NULL, pinged text NOT NULL, post_modified text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_modified_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', post_content_filtered text NOT NULL, "
                        + "post_parent integer NOT NULL DEFAULT '0', guid text NOT NULL DEFAULT '', menu_order integer NOT NULL DEFAULT '0', "
                        + "post_type text NOT NULL DEFAULT 'post', post_mime_type text NOT NULL DEFAULT '', comment_count integer NOT NULL DEFAULT '0')",
                "INSERT INTO blog_users (ID, user_login, user_pass, user_email, display_name) "
                        + "VALUES (1, 'admin', '$P$Bsecret', 'admin@example.com', 'Jane Writer')",
                wordPressRow(1, "2020-05-04 12:00:00", "2020-05-04 10:00:00", "<p>Hello&nbsp;world from <strong>WordPress</strong>.</p>",
                        "I&#8217;m on SQLite", "publish", "post", 0),
                wordPressRow(2, "0000-00-00 00:00:00", "0000-00-00 00:00:00", "Half a thought", "Draft &amp; unfinished", "draft", "post", 0),
                wordPressRow(3, "2020-05-05 09:00:00", "0000-00-00 00:00:00", "", "Auto Draft", "auto-draft", "post", 0),
                wordPressRow(4, "2020-01-01 00:00:00", "2020-01-01 00:00:00", "<p>About me</p>", "About", "publish", "page", 0),
                wordPressRow(5, "2020-05-04 12:00:00", "2020-05-04 10:00:00", "", "cat.jpg", "inherit", "attachment", 1),
                wordPressRow(6, "2020-05-04 11:59:00", "2020-05-04 09:59:00", "<p>Hello world</p>", "I'm on SQLite", "inherit", "revision", 1),
                wordPressRow(7, "2020-06-01 08:00:00", "2020-06-01 06:00:00", "<p>Not yet</p>", "Scheduled post", "future", "post", 0));
        return file;
    }

    /** Ghost 1–4: a mobiledoc post, a draft, a page and a post whose mobiledoc is cut short. */
    public static Path ghost1to4(Path dir) throws Exception {
        Path file = dir.resolve("ghost.db");
        SqliteFiles.exec(file, "CREATE TABLE posts (id varchar(24) not null, uuid varchar(36) not null, title varchar(2000) not null, "
                        + "slug varchar(191) not null, mobiledoc text null, html text null, comment_id varchar(50) null, "
                        + "plaintext text null, feature_image varchar(2000) null, featured boolean not null default '0', "
                        + "page boolean not null default '0', status varchar(50) not null default 'draft', locale varchar(6) null, "
                        + "visibility varchar(50) not null default 'public', author_id varchar(24) not null, created_at datetime not null, "
                        + "updated_at datetime null, published_at datetime null, primary key (id))",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, html, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8b', 'u1', 'Welcome to Ghost', 'welcome', '" + MOBILEDOC + "', "
                        + "'" + MOBILEDOC_AS_HTML + "', 0, 'published', '1', '2018-06-12 08:00:00', '2018-06-12 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, html, page, status, author_id, created_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8c', 'u2', 'Secret draft', 'secret', '<p>Not yet.</p>', 0, 'draft', '1', '2018-06-13 08:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, html, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8d', 'u3', 'About', 'about', '<p>Me.</p>', 1, 'published', '1', "
                        + "'2018-06-12 08:00:00', '2018-06-12 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, page, status, author_id, created_at, published_at) VALUES "
                        + "('5b1f7d1f2a2b3c4d5e6f7a8e', 'u4', 'Cut short', 'cut', '{\"version\":\"0.3.1\",\"sections\":[[1,\"p\"', 0, "
                        + "'published', '1', '2018-06-14 08:00:00', '2018-06-14 09:00:00')");
        return file;
    }

    /** The Django Girls blog: one published post and one without a published date. */
    public static Path django(Path dir) throws Exception {
        Path file = dir.resolve("django.db");
        SqliteFiles.exec(file, "CREATE TABLE django_migrations (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, app varchar(255) NOT NULL, "
                        + "name varchar(255) NOT NULL, applied datetime NOT NULL)",
                "CREATE TABLE auth_user (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, password varchar(128) NOT NULL, "
                        + "last_login datetime NULL, is_superuser bool NOT NULL, username varchar(150) NOT NULL UNIQUE, "
                        + "last_name varchar(150) NOT NULL, email varchar(254) NOT NULL, is_staff bool NOT NULL, is_active bool NOT NULL, "
                        + "date_joined datetime NOT NULL, first_name varchar(150) NOT NULL)",
                "INSERT INTO auth_user VALUES (1, 'pbkdf2_sha256$260000$salt$hash', NULL, 1, 'ola', 'Nordmann', 'ola@example.com', "
                        + "1, 1, '2021-05-30 10:00:00', 'Ola')",
                "CREATE TABLE blog_post (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, title varchar(200) NOT NULL, text text NOT NULL, "
                        + "created_date datetime NOT NULL, published_date datetime NULL, "
                        + "author_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED)",
                "INSERT INTO blog_post VALUES (1, 'Live', 'Out there.', '2021-06-01 10:00:00', '2021-06-02 08:30:00', 1)",
                "INSERT INTO blog_post VALUES (2, 'Not yet', 'Private.', '2021-06-03 10:00:00', NULL, 1)");
        return file;
    }

    /** Ghost 5: lexical and mobiledoc posts, two authors, tags, and scheduled, sent, draft and page rows. */
    public static Path ghost5(Path dir) throws Exception {
        Path file = dir.resolve("ghost5.db");
        SqliteFiles.exec(file, GHOST5_POSTS,
                "CREATE TABLE users (id varchar(24) not null, name varchar(191) not null, slug varchar(191) not null, "
                        + "password varchar(60) not null, email varchar(191) not null, primary key (id))",
                "CREATE TABLE posts_authors (id varchar(24) not null, post_id varchar(24) not null, author_id varchar(24) not null, "
                        + "sort_order integer not null default '0', primary key (id))",
                "CREATE TABLE tags (id varchar(24) not null, name varchar(191) not null, slug varchar(191) not null, primary key (id))",
                "CREATE TABLE posts_tags (id varchar(24) not null, post_id varchar(24) not null, tag_id varchar(24) not null, "
                        + "sort_order integer not null default '0', primary key (id))",
                "INSERT INTO users VALUES ('u1', 'Jane Ghost', 'jane', '$2a$10$secret', 'jane@example.com'), "
                        + "('u2', 'Co Author', 'co', '$2a$10$other', 'co@example.com')",
                "INSERT INTO posts (id, uuid, title, slug, lexical, html, type, status, created_at, created_by, published_at) VALUES "
                        + "('p1', 'uu1', 'Why lexical', 'why', '" + LEXICAL.replace("'", "''") + "', '" + LEXICAL_AS_HTML + "', 'post', "
                        + "'published', '2023-05-01 08:00:00', 'u1', '2023-05-02 09:30:15')",
                "INSERT INTO posts (id, uuid, title, slug, mobiledoc, html, type, status, created_at, created_by, published_at) VALUES "
                        + "('p2', 'uu2', 'From Ghost 4', 'old', '" + MOBILEDOC + "', '" + MOBILEDOC_AS_HTML + "', 'post', 'published', "
                        + "'2021-01-01 08:00:00', 'u1', '2021-01-01 09:00:00')",
                "INSERT INTO posts (id, uuid, title, slug, lexical, type, status, created_at, created_by, published_at) VALUES "
                        + "('p3', 'uu3', 'Coming soon', 'soon', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'scheduled', "
                        + "'2023-06-01 08:00:00', 'u1', '2030-01-01 00:00:00'), "
                        + "('p4', 'uu4', 'Members newsletter', 'news', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'sent', "
                        + "'2023-06-02 08:00:00', 'u1', '2023-06-02 10:00:00'), "
                        + "('p5', 'uu5', 'About', 'about', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'page', 'published', "
                        + "'2023-01-01 08:00:00', 'u1', '2023-01-01 08:00:00'), "
                        + "('p6', 'uu6', 'Unfinished', 'unfinished', '{\"root\":{\"type\":\"root\",\"children\":[]}}', 'post', 'draft', "
                        + "'2023-07-01 08:00:00', 'u2', NULL)",
                "INSERT INTO posts_authors VALUES ('a1', 'p1', 'u2', 1), ('a2', 'p1', 'u1', 0), ('a3', 'p6', 'u2', 0)",
                "INSERT INTO tags VALUES ('t1', 'Getting Started', 'getting-started'), ('t2', 'News', 'news')",
                "INSERT INTO posts_tags VALUES ('pt1', 'p1', 't2', 1), ('pt2', 'p1', 't1', 0)");
        return file;
    }

    /** Ghost 0.x: markdown that is really WordPress HTML, plain Markdown, a draft, epoch-millisecond dates and tags. */
    public static Path ghost0(Path dir) throws Exception {
        Path file = dir.resolve("ghost0.db");
        SqliteFiles.exec(file, "CREATE TABLE posts (id integer not null primary key autoincrement, uuid varchar(36) not null, title varchar(150) not null, "
                        + "slug varchar(150) not null, markdown text null, html text null, image text null, featured boolean not null default '0', "
                        + "page boolean not null default '0', status varchar(150) not null default 'draft', language varchar(6) not null default 'en_US', "
                        + "meta_title varchar(150) null, meta_description varchar(200) null, author_id integer not null, created_at datetime not null, "
                        + "created_by integer not null, updated_at datetime null, updated_by integer null, published_at datetime null, published_by integer null)",
                "CREATE TABLE users (id integer not null primary key autoincrement, uuid varchar(36) not null, name varchar(150) not null, "
                        + "slug varchar(150) not null, password varchar(60) not null, email varchar(254) not null)",
                "CREATE TABLE tags (id integer not null primary key autoincrement, uuid varchar(36) not null, name varchar(150) not null, "
                        + "slug varchar(150) not null)",
                "CREATE TABLE posts_tags (id integer not null primary key autoincrement, post_id integer not null references posts (id), "
                        + "tag_id integer not null references tags (id), sort_order integer not null default '0')",
                "INSERT INTO users VALUES (1, 'uu', 'Old Timer', 'old', '$2a$10$x', 'old@example.com')",
                "INSERT INTO posts (id, uuid, title, slug, markdown, html, page, status, author_id, created_at, created_by, published_at) "
                        + "VALUES (1, 'a', 'Moved from WordPress', 'moved', '<p>Written in <em>WordPress</em>&nbsp;first.</p>', "
                        + "'<p>Written in <em>WordPress</em> first.</p>', 0, 'published', 1, 1420070000000, 1, 1420070400000), "
                        + "(2, 'b', 'Plain Markdown', 'plain', '# Hi\n\nJust *Markdown*.', '<h1>Hi</h1>', 0, 'published', 1, "
                        + "1420156800000, 1, 1420156800123), "
                        + "(3, 'c', 'Draft', 'draft', 'Not yet', '<p>Not yet</p>', 0, 'draft', 1, 1420243200000, 1, NULL)",
                "INSERT INTO tags VALUES (1, 't', 'Migration', 'migration'), (2, 'u', 'Ghost', 'ghost')",
                "INSERT INTO posts_tags (post_id, tag_id) VALUES (1, 1), (1, 2), (2, 2)");
        return file;
    }

    /** WordPress with its term tables: a tag, a category and a menu. */
    public static Path wordPressTerms(Path dir) throws Exception {
        Path file = dir.resolve("wp.db");
        SqliteFiles.exec(file, "CREATE TABLE wp_users (ID integer PRIMARY KEY AUTOINCREMENT, user_login text NOT NULL DEFAULT '', "
                        + "user_pass text NOT NULL DEFAULT '', user_email text NOT NULL DEFAULT '', display_name text NOT NULL DEFAULT '')",
                "CREATE TABLE wp_posts (ID integer PRIMARY KEY AUTOINCREMENT, post_author integer NOT NULL DEFAULT '0', "
                        + "post_date text NOT NULL DEFAULT '0000-00-00 00:00:00', post_date_gmt text NOT NULL DEFAULT '0000-00-00 00:00:00', "
                        + "post_content text NOT NULL, post_title text NOT NULL, post_excerpt text NOT NULL DEFAULT '', "
                        + "post_status text NOT NULL DEFAULT 'publish', post_name text NOT NULL DEFAULT '', post_parent integer NOT NULL DEFAULT '0', "
                        + "post_type text NOT NULL DEFAULT 'post')",
                "CREATE TABLE wp_terms (term_id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT '', slug text NOT NULL DEFAULT '', "
                        + "term_group integer NOT NULL DEFAULT 0)",
                "CREATE TABLE wp_term_taxonomy (term_taxonomy_id integer PRIMARY KEY AUTOINCREMENT, term_id integer NOT NULL DEFAULT 0, "
                        + "taxonomy text NOT NULL DEFAULT '', description text NOT NULL, parent integer NOT NULL DEFAULT 0, count integer NOT NULL DEFAULT 0)",
                "CREATE TABLE wp_term_relationships (object_id integer NOT NULL DEFAULT 0, term_taxonomy_id integer NOT NULL DEFAULT 0, "
                        + "term_order integer NOT NULL DEFAULT 0, PRIMARY KEY (object_id, term_taxonomy_id))",
                "INSERT INTO wp_users (ID, user_login, display_name) VALUES (1, 'admin', 'Jane Writer')",
                "INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_status, post_type) VALUES "
                        + "(1, 1, '2020-05-04 12:00:00', '2020-05-04 10:00:00', 'Hello', 'Tagged', 'publish', 'post'), "
                        + "(2, 1, '2020-05-05 12:00:00', '2020-05-05 10:00:00', '', 'Home', 'publish', 'nav_menu_item')",
                "INSERT INTO wp_terms VALUES (1, 'Uncategorized', 'uncategorized', 0), (2, 'sqlite', 'sqlite', 0), (3, 'Main menu', 'main', 0)",
                "INSERT INTO wp_term_taxonomy VALUES (1, 1, 'category', '', 0, 1), (2, 2, 'post_tag', '', 0, 1), (3, 3, 'nav_menu', '', 0, 1)",
                "INSERT INTO wp_term_relationships VALUES (1, 1, 0), (1, 2, 0), (1, 3, 0), (2, 3, 0)");
        return file;
    }

    /** WriteFreely: posts with empty titles, string ids, and one outside any collection. */
    public static Path writeFreely(Path dir) throws Exception {
        Path file = dir.resolve("writefreely.db");
        SqliteFiles.exec(file, "CREATE TABLE IF NOT EXISTS `collections` (id INTEGER PRIMARY KEY AUTOINCREMENT, alias TEXT DEFAULT NULL UNIQUE, "
                        + "title TEXT NOT NULL, description TEXT NOT NULL, style_sheet TEXT, script TEXT, format TEXT DEFAULT NULL, "
                        + "privacy INTEGER NOT NULL, owner_id INTEGER NOT NULL, view_count INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS `posts` (id TEXT NOT NULL, slug TEXT DEFAULT NULL, modify_date DATETIME DEFAULT NULL, "
                        + "text_appearance TEXT NOT NULL DEFAULT 'norm', language TEXT DEFAULT NULL, rtl INTEGER DEFAULT NULL, "
                        + "privacy INTEGER NOT NULL, owner_id INTEGER DEFAULT NULL, collection_id INTEGER DEFAULT NULL, "
                        + "pinned_position INTEGER DEFAULT NULL, created DATETIME NOT NULL, updated DATETIME NOT NULL, "
                        + "view_count INTEGER NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (id))",
                "CREATE TABLE IF NOT EXISTS `users` (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, "
                        + "password TEXT NOT NULL, email TEXT DEFAULT NULL, created DATETIME NOT NULL)",
                "INSERT INTO users VALUES (1, 'matt', '$2a$10$hash', 'matt@example.com', '2019-01-01 00:00:00')",
                "INSERT INTO collections VALUES (1, 'matt', 'Matt writes', '', NULL, NULL, NULL, 0, 1, 0)",
                "INSERT INTO posts (id, slug, privacy, owner_id, collection_id, created, updated, view_count, title, content) VALUES "
                        + "('a1b2c3d4e5f6g7h8', 'hello', 0, 1, 1, '2019-02-03 04:05:06', '2019-02-03 04:05:06', 3, '', "
                        + "'# Hello WriteFreely\n\nFirst post, no title field.'), "
                        + "('i9j0k1l2m3n4o5p6', 'titled', 0, 1, 1, '2019-02-04 04:05:06', '2019-02-04 04:05:06', 0, 'Titled', 'Body.'), "
                        + "('q7r8s9t0u1v2w3x4', NULL, 0, 1, NULL, '2019-02-05 04:05:06', '2019-02-05 04:05:06', 0, '', "
                        + "'Just thinking out loud today about the things I might write about when the weather turns and the evenings get long')");
        return file;
    }

    /** Rails 7 with acts-as-taggable-on: CKEditor HTML, private and archived articles. */
    public static Path rails(Path dir) throws Exception {
        Path file = dir.resolve("rails.db");
        SqliteFiles.exec(file, "CREATE TABLE \"schema_migrations\" (\"version\" varchar NOT NULL PRIMARY KEY)",
                "CREATE TABLE \"ar_internal_metadata\" (\"key\" varchar NOT NULL PRIMARY KEY, \"value\" varchar, "
                        + "\"created_at\" datetime(6) NOT NULL, \"updated_at\" datetime(6) NOT NULL)",
                "CREATE TABLE \"articles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"title\" varchar, \"body\" text, "
                        + "\"author\" varchar, \"status\" varchar, \"created_at\" datetime(6) NOT NULL, \"updated_at\" datetime(6) NOT NULL)",
                "CREATE TABLE \"tags\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar, "
                        + "\"created_at\" datetime(6), \"updated_at\" datetime(6), \"taggings_count\" integer DEFAULT 0)",
                "CREATE TABLE \"taggings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"tag_id\" integer, \"taggable_type\" varchar, "
                        + "\"taggable_id\" integer, \"tagger_type\" varchar, \"tagger_id\" integer, \"context\" varchar(128), "
                        + "\"created_at\" datetime(6), \"tenant\" varchar(128))",
                "INSERT INTO articles VALUES (1, 'Rails on SQLite', '<div>CKEditor&nbsp;<span style=\"color:red\">wrote</span> this</div>', "
                        + "'DHH Fan', 'public', '2023-03-01 12:34:56.123456', '2023-03-01 12:34:56.123456'), "
                        + "(2, 'Kept to myself', 'Private words', 'DHH Fan', 'private', '2023-03-02 12:00:00', '2023-03-02 12:00:00'), "
                        + "(3, 'Old news', 'Archived words', NULL, 'archived', '2023-03-03 12:00:00', '2023-03-03 12:00:00')",
                "INSERT INTO tags (id, name) VALUES (1, 'ruby'), (2, 'spam')",
                "INSERT INTO taggings (tag_id, taggable_type, taggable_id, context) VALUES (1, 'Article', 1, 'tags'), "
                        + "(2, 'Comment', 1, 'tags')");
        return file;
    }

    /** Node/Sequelize 6: Posts with authorId and createdAt. */
    public static Path sequelize(Path dir) throws Exception {
        Path file = dir.resolve("sequelize.db");
        SqliteFiles.exec(file, "CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)",
                "CREATE TABLE `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `username` VARCHAR(255), `email` VARCHAR(255), "
                        + "`password` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
                "CREATE TABLE `Posts` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255), `content` TEXT, "
                        + "`authorId` INTEGER REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE, "
                        + "`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
                "INSERT INTO Users VALUES (7, 'node_dev', 'n@example.com', 'hash', '2022-08-01 00:00:00.000 +00:00', '2022-08-01 00:00:00.000 +00:00')",
                "INSERT INTO Posts VALUES (1, 'Express yourself', 'Hi from Node.', 7, '2022-08-11 09:30:00.250 +00:00', "
                        + "'2022-08-11 09:30:00.250 +00:00')");
        return file;
    }

    /** Flask's own tutorial, flaskr. */
    public static Path flaskr(Path dir) throws Exception {
        Path file = dir.resolve("flaskr.sqlite");
        SqliteFiles.exec(file, "CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL, password TEXT NOT NULL)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL, "
                        + "created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, title TEXT NOT NULL, body TEXT NOT NULL, "
                        + "FOREIGN KEY (author_id) REFERENCES user (id))",
                "INSERT INTO user VALUES (1, 'test', 'pbkdf2:sha256:50000$TCI4GzcX$0de171a4f4dac32e3364c7ddc7c14f3e2fa61f2d17574483f7ffbb431b4acb2f')",
                "INSERT INTO post (author_id, created, title, body) VALUES (1, '2018-01-01 00:00:00', 'test title', 'test\nbody')");
        return file;
    }

    private static String wordPressRow(int id, String date, String gmt, String content, String title, String status, String type, int parent) {
        return "INSERT INTO blog_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, "
                + "to_ping, pinged, post_content_filtered, post_parent, post_type) VALUES (" + id + ", 1, '" + date + "', '" + gmt + "', '"
                + content.replace("'", "''") + "', '" + title.replace("'", "''") + "', '', '" + status + "', '', '', '', " + parent
                + ", '" + type + "')";
    }

}
