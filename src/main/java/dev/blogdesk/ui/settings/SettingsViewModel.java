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

/** Where posts are stored: the embedded store (empty URI) or a MongoDB server. Applies at the next start. */
public final class SettingsViewModel {

    private final Settings settings;
    static final String SITE_URL = "preview.siteUrl";
    private final StringProperty mongoUri = new SimpleStringProperty("");
    private final StringProperty siteUrl = new SimpleStringProperty("");
    private final StringBinding validation;
    private final String currentStore;

    /** @param currentStore where the running BlogDesk keeps posts now (credentials already redacted) */
    public SettingsViewModel(Settings settings, Path dataDir, String currentStore) {
        this.settings = settings;
        this.currentStore = currentStore;
        mongoUri.set(settings.mongoUri().orElse(""));
        siteUrl.set(settings.get(SITE_URL, ""));
        validation = Bindings.createStringBinding(() -> validate(mongoUri.get(), dataDir), mongoUri);
    }

    static String validate(String uri, Path dataDir) {
        if (uri == null || uri.isBlank()) {
            return "After a restart, posts are kept in the embedded store in " + dataDir + ".";
        }
        try {
            ConnectionString cs = new ConnectionString(uri.trim());
            String db = cs.getDatabase() == null ? "blogdb" : cs.getDatabase();
            return "After a restart, posts are kept on " + String.join(", ", cs.getHosts()) + ", database " + db + ".";
        } catch (IllegalArgumentException e) {
            return "Not a valid MongoDB URI: " + MongoUris.scrub(e.getMessage(), uri);
        }
    }

    public boolean isValid() {
        return !validation.get().startsWith("Not a valid");
    }

    /** Saves the choice; it takes effect when BlogDesk starts next. */
    public void apply() throws IOException {
        if (!isValid()) {
            throw new IllegalStateException(validation.get());
        }
        String site = siteUrl.get().strip();
        if (!site.isEmpty() && !(site.startsWith("http://") || site.startsWith("https://"))) {
            throw new IllegalStateException("The blog's address must start with http:// or https://");
        }
        settings.setMongoUri(mongoUri.get());
        settings.set(SITE_URL, siteUrl.get().isBlank() ? null : siteUrl.get().strip());
        settings.save();
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

    public StringProperty mongoUriProperty() {
        return mongoUri;
    }

    public StringBinding validationProperty() {
        return validation;
    }
}
