package dev.blogdesk.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * User settings in {@code settings.properties} in the data dir. The file can hold a MongoDB URI with a
 * password, so it is readable by its owner only where the file system allows it.
 */
public final class Settings {

    static final String FILE = "settings.properties";
    static final String MONGO_URI = "mongo.uri";
    public static final String SYNC_DATABASE = "sync.database";
    public static final String SYNC_COLLECTION = "sync.collection";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path dataDir) {
        Settings settings = new Settings(dataDir.resolve(FILE));
        if (Files.isRegularFile(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the settings file " + settings.file + ": " + e.getMessage(), e);
            }
        }
        return settings;
    }

    /**
     * The MongoDB server: the desktop app syncs its working copy with it, the command line uses it
     * directly. Empty: the embedded store alone. This file is owner-readable only (0600) because the
     * URI may hold a password.
     */
    public Optional<String> mongoUri() {
        return Optional.ofNullable(values.getProperty(MONGO_URI)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public void setMongoUri(String uri) {
        if (uri == null || uri.isBlank()) {
            values.remove(MONGO_URI);
        } else {
            values.setProperty(MONGO_URI, uri.trim());
        }
    }

    /** A user-interface setting (theme, window size, ...), or {@code fallback} when not set. */
    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** Writes atomically: a crash leaves the old file or the new one, never half of one. */
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(out, "BlogDesk settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
