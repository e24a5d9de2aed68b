package dev.blogdesk.ui.settings;

import com.mongodb.ConnectionString;
import dev.blogdesk.app.Settings;
import dev.blogdesk.store.MongoUris;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Settings → Storage and sync: the MongoDB server the working copy syncs with (empty: none), its
 * database and collection, "Test connection", and the blog's address. Applies at the next start.
 */
public final class SettingsViewModel {

    private final Settings settings;
    static final String SITE_URL = "preview.siteUrl";
    static final String DEFAULT_AUTHOR = "posts.defaultAuthor";
    static final String IMAGE_PREFIX = Settings.IMAGE_PREFIX;
    /** Flask-PyMongo's documented route for GridFS files: {@code /uploads/<path:filename>}. */
    public static final String DEFAULT_IMAGE_PREFIX = Settings.DEFAULT_IMAGE_PREFIX;
    private final StringProperty mongoUri = new SimpleStringProperty("");
    private final StringProperty siteUrl = new SimpleStringProperty("");
    private final StringProperty defaultAuthor = new SimpleStringProperty("");
    private final StringProperty imagePrefix = new SimpleStringProperty("");
    private final javafx.beans.property.ObjectProperty<dev.blogdesk.spelling.SpellLanguage> spellingLanguage =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty collection = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final javafx.beans.binding.ObjectBinding<Validation> validation;
    private final StringBinding validationText;

    /** What the URI field means once BlogDesk restarts, or why it cannot be used. */
    public record Validation(boolean valid, String message) {
    }
    private final String currentStore;

    /** @param currentStore where the running BlogDesk keeps posts now (credentials already redacted) */
    public SettingsViewModel(Settings settings, Path dataDir, String currentStore) {
        this.settings = settings;
        this.currentStore = currentStore;
        mongoUri.set(settings.mongoUri().orElse(""));
        siteUrl.set(settings.get(SITE_URL, ""));
        defaultAuthor.set(settings.get(DEFAULT_AUTHOR, ""));
        imagePrefix.set(imagePrefix(settings));
        spellingLanguage.set(spellingLanguage(settings));
        database.set(settings.get(Settings.SYNC_DATABASE, ""));
        collection.set(settings.get(Settings.SYNC_COLLECTION, ""));
        validation = Bindings.createObjectBinding(() -> validate(mongoUri.get(), dataDir), mongoUri);
        validationText = Bindings.createStringBinding(() -> validation.get().message(), validation);
    }

    static Validation validate(String uri, Path dataDir) {
        if (uri == null || uri.isBlank()) {
            return new Validation(true, "After a restart, posts are kept in the embedded store in " + dataDir + ".");
        }
        try {
            ConnectionString cs = new ConnectionString(uri.trim());
            String db = cs.getDatabase() == null ? "blogdb" : cs.getDatabase();
            return new Validation(true, "After a restart, posts stay on this computer too and are synced with "
                    + String.join(", ", cs.getHosts()) + ", database " + db + ": writing goes on while the server is away.");
        } catch (IllegalArgumentException e) {
            return new Validation(false, "Not a valid MongoDB URI: " + MongoUris.scrub(e.getMessage(), uri));
        }
    }

    public boolean isValid() {
        return validation.get().valid();
    }

    /** What stops the settings from being saved as they are, or null. */
    public String problem() {
        if (!isValid()) {
            return validation.get().message();
        }
        String site = siteUrl.get().strip();
        if (!site.isEmpty() && !(site.startsWith("http://") || site.startsWith("https://"))) {
            return "The blog's address must start with http:// or https://";
        }
        return null;
    }

    /**
     * Saves the choice; it takes effect when BlogDesk starts next. Writes the file and talks to the
     * keyring: call off the UI thread.
     */
    public void apply() throws IOException {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        settings.setMongoUri(mongoUri.get());
        settings.set(Settings.SYNC_DATABASE, database.get().isBlank() ? null : database.get().strip());
        settings.set(Settings.SYNC_COLLECTION, collection.get().isBlank() ? null : collection.get().strip());
        settings.set(SITE_URL, siteUrl.get().isBlank() ? null : siteUrl.get().strip());
        settings.set(DEFAULT_AUTHOR, defaultAuthor.get().isBlank() ? null : defaultAuthor.get().strip());
        String prefix = imagePrefix.get().strip();
        settings.set(IMAGE_PREFIX, prefix.isEmpty() || prefix.equals(DEFAULT_IMAGE_PREFIX) ? null : prefix);
        settings.set(SPELLING_LANGUAGE, spellingLanguage.get() == null ? null : spellingLanguage.get().code());
        settings.save();
    }

    static final String SPELLING_LANGUAGE = "spelling.language";

    /** The spelling language (Off turns checking off); applies at once. */
    public javafx.beans.property.ObjectProperty<dev.blogdesk.spelling.SpellLanguage> spellingLanguageProperty() {
        return spellingLanguage;
    }

    /** The language chosen, else the system's if it is offered, else English (US). */
    public static dev.blogdesk.spelling.SpellLanguage spellingLanguage(Settings settings) {
        String code = settings.get(SPELLING_LANGUAGE, null);
        return code == null ? dev.blogdesk.spelling.SpellLanguage.forLocale(java.util.Locale.getDefault())
                : dev.blogdesk.spelling.SpellLanguage.of(code);
    }

    /** Shown so the dialog never claims a store other than the one in use (--mongo-uri overrides the setting). */
    public String currentStore() {
        return "Now using: " + currentStore;
    }

    /** The blog's public address, for relative images and links in the preview (applies at once). */
    public StringProperty siteUrlProperty() {
        return siteUrl;
    }

    public static String siteUrl(Settings settings) {
        return settings.get(SITE_URL, "");
    }

    /** The author a new post starts with (applies at once). */
    public StringProperty defaultAuthorProperty() {
        return defaultAuthor;
    }

    public static String defaultAuthor(Settings settings) {
        return settings.get(DEFAULT_AUTHOR, "");
    }

    /** Where the blog serves the images: inserted images link to {@code <prefix><file>} (applies at once). */
    public StringProperty imagePrefixProperty() {
        return imagePrefix;
    }

    public static String imagePrefix(Settings settings) {
        return settings.imagePrefix();
    }

    /** Tries the server as entered, off the UI thread; {@link #testResultProperty()} says what happened. */
    public void testConnection(dev.blogdesk.app.TaskExecutor executor) {
        if (mongoUri.get().isBlank() || !isValid()) {
            testResult.set(mongoUri.get().isBlank() ? "Enter a MongoDB URI first." : validation.get().message());
            return;
        }
        dev.blogdesk.sync.ConnectionProfile profile = new dev.blogdesk.sync.ConnectionProfile(mongoUri.get(),
                database.get(), collection.get());
        testResult.set("Testing the connection…");
        executor.execute(() -> dev.blogdesk.sync.SyncRemote.test(profile), testResult::set,
                failure -> testResult.set("Test failed: " + MongoUris.scrub(String.valueOf(failure.getMessage()), mongoUri.get())));
    }

    public StringProperty testResultProperty() {
        return testResult;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty collectionProperty() {
        return collection;
    }

    public StringProperty mongoUriProperty() {
        return mongoUri;
    }

    /** The sentence under the URI field: {@link Validation#message()}. */
    public StringBinding validationProperty() {
        return validationText;
    }
}
