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
    private final StringProperty mongoUri = new SimpleStringProperty("");
    private final StringBinding validation;

    public SettingsViewModel(Settings settings, Path dataDir) {
        this.settings = settings;
        mongoUri.set(settings.mongoUri().orElse(""));
        validation = Bindings.createStringBinding(() -> validate(mongoUri.get(), dataDir), mongoUri);
    }

    static String validate(String uri, Path dataDir) {
        if (uri == null || uri.isBlank()) {
            return "Posts are kept in the embedded store in " + dataDir + ".";
        }
        try {
            ConnectionString cs = new ConnectionString(uri.trim());
            String db = cs.getDatabase() == null ? "blogdb" : cs.getDatabase();
            return "Posts will be kept on " + String.join(", ", cs.getHosts()) + ", database " + db + ".";
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
        settings.setMongoUri(mongoUri.get());
        settings.save();
    }

    public StringProperty mongoUriProperty() {
        return mongoUri;
    }

    public StringBinding validationProperty() {
        return validation;
    }
}
