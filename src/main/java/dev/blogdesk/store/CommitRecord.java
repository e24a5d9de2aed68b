package dev.blogdesk.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A small file beside the store naming its last durable commit: the store version, how many posts it
 * held and the file's size, and, once damage was seen, what it was. A truncated or rolled-back store
 * file opens without an error as an older version of itself; this record is how BlogDesk tells.
 *
 * <p>It only ever names a version that was forced to the device, so after a power cut the store is at
 * that version or newer, never older. {@code posts} is -1 when it was not known for that version.
 */
record CommitRecord(long version, long posts, long fileBytes, String damage) {

    static final String FILE = "last-commit.properties";
    private static final Logger log = LoggerFactory.getLogger(CommitRecord.class);

    static Path path(Path storeDir) {
        return storeDir.resolve(FILE);
    }

    CommitRecord withDamage(String reason) {
        return new CommitRecord(version, posts, fileBytes, reason);
    }

    /** The record, if there is a readable one: a store from before records existed has none. */
    static Optional<CommitRecord> read(Path storeDir) {
        Path file = path(storeDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new CommitRecord(Long.parseLong(p.getProperty("version")),
                    Long.parseLong(p.getProperty("posts", "-1")), Long.parseLong(p.getProperty("fileBytes", "-1")),
                    p.getProperty("damage")));
        } catch (IOException | RuntimeException e) {
            // Written by rename, so a half record cannot happen; a hand-edited one is ignored, not trusted.
            log.warn("Ignoring the unreadable commit record {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Replaces the record in one rename; the store is durable already, so no force is needed here. */
    void write(Path storeDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", Long.toString(version));
        p.setProperty("posts", Long.toString(posts));
        p.setProperty("fileBytes", Long.toString(fileBytes));
        if (damage != null) {
            p.setProperty("damage", damage);
        }
        Path file = path(storeDir);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The last durable commit of blogdesk.mv.db; written by BlogDesk, do not edit");
        }
        Folders.makeFilePrivate(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The store file goes away (set aside or replaced by a backup): its record goes with it. */
    static void moveAlong(Path storeDir, Path asideStoreFile) throws IOException {
        Path file = path(storeDir);
        if (Files.exists(file)) {
            if (asideStoreFile == null) {
                Files.delete(file);
            } else {
                Files.move(file, asideStoreFile.resolveSibling(asideStoreFile.getFileName() + ".last-commit"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
