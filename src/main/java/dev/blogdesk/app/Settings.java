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
    /** Set to "keyring" when the URI's password is in the desktop keyring rather than in this file. */
    static final String MONGO_PASSWORD_IN = "mongo.uri.password";
    private static final java.util.regex.Pattern USER_PASSWORD =
            java.util.regex.Pattern.compile("^(mongodb(?:\\+srv)?://)([^:@/]+):([^@/]*)@");
    public static final String SYNC_DATABASE = "sync.database";
    public static final String SYNC_COLLECTION = "sync.collection";

    private final Path file;
    private final Properties values = new Properties();
    private final SecretStore secrets;
    private boolean uriChanged;

    private Settings(Path file, SecretStore secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    public static Settings load(Path dataDir) {
        return load(dataDir, SecretStore.system());
    }

    /** With {@code secrets}, the sync server's password is kept in that keyring (tests pass a fake one). */
    public static Settings load(Path dataDir, SecretStore secrets) {
        Settings settings = new Settings(dataDir.resolve(FILE), secrets);
        if (Files.isRegularFile(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the settings file " + settings.file + ": " + e.getMessage(), e);
            }
            settings.passwordFromKeyring();
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
        uriChanged = true;
        if (uri == null || uri.isBlank()) {
            values.remove(MONGO_URI);
        } else {
            values.setProperty(MONGO_URI, uri.trim());
        }
    }

    /** Puts the password the keyring holds back into the URI, in memory only. */
    private void passwordFromKeyring() {
        String uri = values.getProperty(MONGO_URI);
        if (uri == null || !"keyring".equals(values.getProperty(MONGO_PASSWORD_IN))) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(mongodb(?:\\+srv)?://)([^:@/]+)@").matcher(uri);
        Optional<String> password = secrets.get(account());
        if (m.find() && password.isPresent()) {
            values.setProperty(MONGO_URI, m.group(1) + m.group(2) + ":" + password.get() + "@" + uri.substring(m.end()));
        } else if (password.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(Settings.class).warn(
                    "The sync server's password is not in the keyring any more; the server will refuse the login");
        }
    }

    /** The keyring entry of this data folder's sync password. */
    private String account() {
        return "mongo.uri@" + file.toAbsolutePath().getParent();
    }

    /** The setting that holds the image URL prefix, and its default: Flask-PyMongo's documented route for GridFS files. */
    public static final String IMAGE_PREFIX = "images.urlPrefix";
    public static final String DEFAULT_IMAGE_PREFIX = "/uploads/";

    /** What links to a stored image start with ({@code /uploads/} unless changed in Settings). */
    public String imagePrefix() {
        return get(IMAGE_PREFIX, DEFAULT_IMAGE_PREFIX);
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
            withPasswordInKeyring().store(out, "BlogDesk settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What goes into the file: where a keyring answers, the URI without its password (the password
     * goes to the keyring); otherwise everything, in a file only the owner can read.
     */
    private Properties withPasswordInKeyring() {
        Properties out = new Properties();
        out.putAll(values);
        out.remove(MONGO_PASSWORD_IN);
        String uri = values.getProperty(MONGO_URI);
        java.util.regex.Matcher m = uri == null ? null : USER_PASSWORD.matcher(uri);
        if (m == null || !m.find()) {
            boolean inKeyring = "keyring".equals(values.getProperty(MONGO_PASSWORD_IN));
            if (inKeyring && !uriChanged) {
                // The keyring did not answer at load: its password is still there, and still meant.
                out.setProperty(MONGO_PASSWORD_IN, "keyring");
            } else if (inKeyring && secrets.available()) {
                // The user set a URI without a password: the old one leaves the keyring too.
                secrets.remove(account());
                values.remove(MONGO_PASSWORD_IN);
            }
            return out;
        }
        if (secrets.available()) {
            try {
                secrets.put(account(), m.group(3));
                out.setProperty(MONGO_URI, m.group(1) + m.group(2) + "@" + uri.substring(m.end()));
                out.setProperty(MONGO_PASSWORD_IN, "keyring");
                values.setProperty(MONGO_PASSWORD_IN, "keyring");
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(Settings.class).warn(
                        "Keyring not usable ({}); the password stays in the owner-only settings file", e.getMessage());
            }
        }
        return out;
    }
}
