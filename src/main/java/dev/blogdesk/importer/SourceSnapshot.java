package dev.blogdesk.importer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A private copy of the SQLite file being imported. The source is only ever read as bytes: the file,
 * its {@code -wal} (so uncheckpointed rows come along) and a hot {@code -journal} are copied into the
 * work folder inside the data dir, and only that copy is opened. The copy is deleted on close.
 */
public final class SourceSnapshot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceSnapshot.class);
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path source;
    private final Path folder;
    private final Connection connection;
    private final String damage;

    private SourceSnapshot(Path source, Path folder, Connection connection, String damage) {
        this.source = source;
        this.folder = folder;
        this.connection = connection;
        this.damage = damage;
    }

    /**
     * What SQLite's check found wrong with the file, if anything. Damage does not refuse the file here:
     * the import reads the post rows in full first, and goes on only if every one of them reads cleanly.
     */
    public java.util.Optional<String> damage() {
        return java.util.Optional.ofNullable(damage);
    }

    /** Checks, copies and opens {@code source}; {@code workDir} is a folder in the data dir. */
    public static SourceSnapshot open(Path source, Path workDir) {
        checkHeader(source);
        Path folder = workDir.resolve("snapshot-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
            Path copy = folder.resolve("source.db");
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            for (String suffix : new String[] {"-wal", "-journal"}) {
                Path side = source.resolveSibling(source.getFileName() + suffix);
                if (Files.isRegularFile(side)) {
                    Files.copy(side, folder.resolve("source.db" + suffix));
                }
            }
            copy.toFile().setWritable(true);
        } catch (IOException e) {
            deleteQuietly(folder);
            throw unreadable(source, e);
        }
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("source.db"), config.toProperties());
            String damage = check(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA query_only = 1");
            }
            if (damage != null) {
                log.warn("{} is damaged (SQLite reports: {}); only what reads cleanly is imported", source.getFileName(), damage);
            }
            return new SourceSnapshot(source, folder, connection, damage);
        } catch (SQLException e) {
            closeQuietly(connection);
            deleteQuietly(folder);
            throw classify(source, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            deleteQuietly(folder);
            throw e;
        }
    }

    private static void checkHeader(Path source) {
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(source)) {
            size = Files.size(source);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        if (Files.isDirectory(source)) {
            throw new ImportException(ImportException.Code.UNREADABLE, source + " is a folder, not a SQLite database file.");
        }
        if (size == 0) {
            throw new ImportException(ImportException.Code.EMPTY, source.getFileName() + " is an empty file (0 bytes): there is nothing to import.");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= read || header[i] != MAGIC[i]) {
                throw new ImportException(ImportException.Code.NOT_SQLITE, source.getFileName()
                        + " is not a SQLite database (its first bytes are not \"SQLite format 3\"). Choose the blog's .db file.");
            }
        }
        if (read < 100) {
            throw truncated(source);
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(b.getShort(16));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            // Checked before the length: with a bad page size every length looks wrong.
            throw new ImportException(ImportException.Code.CORRUPT, source.getFileName() + " has a damaged header: it gives a page "
                    + "size of " + pageSize + " bytes, which no SQLite file has (the file is not cut short, its first bytes are "
                    + "damaged). Copy it again from the server. Nothing was imported.");
        }
        long pages = Integer.toUnsignedLong(b.getInt(28));
        // The in-header page count is valid when the "version-valid-for" number matches the change counter.
        boolean countValid = b.getInt(92) == b.getInt(24) && pages > 0;
        if (countValid && size < pages * pageSize) {
            throw truncated(source);
        }
    }

    /** SQLite's own check: null when the file is whole, else its first findings. */
    private static String check(Connection connection) throws SQLException {
        StringBuilder findings = new StringBuilder();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    findings.append(findings.length() == 0 ? "" : "; ").append(line);
                }
            }
        } catch (SQLException e) {
            if (!SqliteSchema.isCorrupt(e)) {
                throw e;
            }
            // Some damage stops the check itself; what can still be read is found out table by table.
            findings.append(findings.length() == 0 ? "" : "; ").append("the check itself stopped: database disk image is malformed");
        }
        if (findings.length() == 0) {
            return null;
        }
        // SQLite's findings come as lines ("*** in database main ***", one per bad page): one short phrase.
        String oneLine = findings.toString().replace("*** in database main ***", "").replaceAll("\\s*\\n\\s*", "; ")
                .replaceAll("^[;\\s]+", "").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }

    /**
     * Reads every column of every row of {@code table}: on a damaged file the import goes on only when
     * this passes, so no post is half read. Throws the file's damage, in words, when it does not.
     */
    public void requirePostRowsReadable(String table) {
        if (damage == null) {
            return;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + SqliteSchema.quote(table))) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        } catch (SQLException e) {
            throw new ImportException(ImportException.Code.CORRUPT, source.getFileName() + " is damaged in the " + table
                    + " table itself (SQLite reports: " + damage + "), so its posts cannot all be read. Copy the file again "
                    + "from the server. Nothing was imported.", e);
        }
    }

    private static ImportException classify(Path source, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_CORRUPT") || message.contains("malformed")) {
            return new ImportException(ImportException.Code.CORRUPT, source.getFileName()
                    + " is damaged or truncated; SQLite cannot read it. Nothing was imported.", e);
        }
        if (message.contains("SQLITE_NOTADB")) {
            return new ImportException(ImportException.Code.NOT_SQLITE, source.getFileName() + " is not a SQLite database.", e);
        }
        if (message.contains("SQLITE_BUSY") || message.contains("locked")) {
            return new ImportException(ImportException.Code.LOCKED, source.getFileName()
                    + " is locked by another program. Close the program using it (the blog server?) and try again.", e);
        }
        return new ImportException(ImportException.Code.UNREADABLE, "SQLite cannot read " + source.getFileName() + ": " + message, e);
    }

    private static ImportException truncated(Path source) {
        return new ImportException(ImportException.Code.TRUNCATED, source.getFileName()
                + " is truncated: the file is shorter than its header says. Copy it again from the server. Nothing was imported.");
    }

    private static ImportException unreadable(Path source, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImportException(ImportException.Code.UNREADABLE, "There is no file " + source + ".", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ImportException(ImportException.Code.UNREADABLE, "BlogDesk may not read " + source
                    + " (permission denied). Check the file's permissions.", e);
        }
        return new ImportException(ImportException.Code.UNREADABLE, "Cannot read " + source + ": " + e.getMessage(), e);
    }

    public Connection connection() {
        return connection;
    }

    public Path source() {
        return source;
    }

    @Override
    public void close() {
        closeQuietly(connection);
        deleteQuietly(folder);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("Closing the import snapshot failed: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            dev.blogdesk.store.Folders.deleteTree(folder);
        } catch (IOException e) {
            log.warn("Could not remove the import snapshot {}: {}", folder, e.getMessage());
        }
    }
}
