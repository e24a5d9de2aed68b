package dev.blogdesk.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds SQLite files for importer tests, shaped like the blogs users bring. */
public final class SqliteFiles {

    private SqliteFiles() {
    }

    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    public static void exec(Path file, String... statements) throws SQLException {
        try (Connection c = open(file); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The Flask/SQLAlchemy tutorial's blog.db: post(id, title, content, date_posted TEXT with microseconds). */
    public static Path sqlalchemyBlog(Path dir, int posts) throws SQLException {
        Path file = dir.resolve("blog.db");
        try (Connection c = open(file)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE post (id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, "
                        + "content TEXT NOT NULL, date_posted DATETIME NOT NULL, PRIMARY KEY (id))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO post (id, title, content, date_posted) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= posts; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "Post number " + i);
                    ps.setString(3, "Content of post " + i + "\n\nWith **Markdown**.");
                    ps.setString(4, String.format("2019-%02d-%02d 10:%02d:%02d.%06d", 1 + i % 12, 1 + i % 28, i % 60, (i * 7) % 60, i * 37 % 1_000_000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return file;
    }
}
