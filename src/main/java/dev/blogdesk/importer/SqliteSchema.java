package dev.blogdesk.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Tables, columns, row counts and foreign keys of a SQLite database, read once. */
public record SqliteSchema(List<Table> tables) {

    public record Column(String name, String declaredType, boolean primaryKey) {
    }

    public record ForeignKey(String fromColumn, String toTable, String toColumn) {
    }

    public record Table(String name, long rowCount, List<Column> columns, List<ForeignKey> foreignKeys) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** The single INTEGER PRIMARY KEY column, if any (SQLite's rowid alias). */
        public Optional<Column> integerPrimaryKey() {
            List<Column> pk = columns.stream().filter(Column::primaryKey).toList();
            return pk.size() == 1 && pk.get(0).declaredType().toUpperCase(Locale.ROOT).contains("INT")
                    ? Optional.of(pk.get(0)) : Optional.empty();
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public static SqliteSchema read(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new Table(name, count(connection, name), columns(connection, name), foreignKeys(connection, name)));
        }
        return new SqliteSchema(List.copyOf(tables));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * The table's rows. SQLite counts from the smallest index, so a damaged index would make the table
     * look unreadable: then the table itself is counted, and a table that cannot be counted at all is -1.
     */
    private static long count(Connection c, String table) throws SQLException {
        try {
            return countRows(c, "SELECT count(*) FROM " + quote(table));
        } catch (SQLException e) {
            if (!isCorrupt(e)) {
                throw e;
            }
            try {
                return countRows(c, "SELECT count(*) FROM " + quote(table) + " NOT INDEXED");
            } catch (SQLException again) {
                if (!isCorrupt(again)) {
                    throw again;
                }
                return -1;
            }
        }
    }

    private static long countRows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** SQLite's word for a damaged file. */
    static boolean isCorrupt(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CORRUPT") || message.contains("malformed");
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("name"), String.valueOf(rs.getString("type")), rs.getInt("pk") > 0));
            }
        }
        return List.copyOf(columns);
    }

    private static List<ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
            while (rs.next()) {
                keys.add(new ForeignKey(rs.getString("from"), rs.getString("table"), rs.getString("to")));
            }
        }
        return List.copyOf(keys);
    }
}
