package dev.blogdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync server's password: in the keyring where one answers, else only in the owner-only file. */
class SettingsSecretTest {

    @TempDir
    Path dataDir;

    /** A keyring in memory, standing for the desktop's Secret Service. */
    static final class FakeKeyring implements SecretStore {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void put(String account, String secret) {
            entries.put(account, secret);
        }

        @Override
        public Optional<String> get(String account) {
            return Optional.ofNullable(entries.get(account));
        }

        @Override
        public void remove(String account) {
            entries.remove(account);
        }
    }

    @Test
    void withAKeyringThePasswordNeverReachesTheSettingsFile() throws Exception {
        FakeKeyring keyring = new FakeKeyring();
        Settings settings = Settings.load(dataDir, keyring);
        settings.setMongoUri("mongodb+srv://alice:s3cr%40t@cluster0.example.net/blogdb?retryWrites=true");
        settings.save();

        String file = Files.readString(dataDir.resolve(Settings.FILE));
        assertThat(file).doesNotContain("s3cr").contains("alice@cluster0.example.net").contains("mongo.uri.password=keyring");
        assertThat(keyring.entries).containsValue("s3cr%40t");
        assertThat(Settings.load(dataDir, keyring).mongoUri())
                .contains("mongodb+srv://alice:s3cr%40t@cluster0.example.net/blogdb?retryWrites=true");

        // A keyring that does not answer at load loses nothing when other settings are saved.
        Settings unanswered = Settings.load(dataDir, new FakeKeyring());
        unanswered.set("ui.theme", "dark");
        unanswered.save();
        assertThat(Settings.load(dataDir, keyring).mongoUri())
                .contains("mongodb+srv://alice:s3cr%40t@cluster0.example.net/blogdb?retryWrites=true");

        // A URI without a password (or none at all) takes the password out of the keyring too.
        Settings again = Settings.load(dataDir, keyring);
        again.setMongoUri("mongodb://db.example:27017/blogdb");
        again.save();
        assertThat(keyring.entries).isEmpty();
        assertThat(Settings.load(dataDir, keyring).mongoUri()).contains("mongodb://db.example:27017/blogdb");
    }

    @Test
    void withoutAKeyringThePasswordStaysInAFileOnlyTheOwnerCanRead() throws Exception {
        Settings settings = Settings.load(dataDir, SecretStore.NONE);
        settings.setMongoUri("mongodb://alice:s3cret@db.example/blogdb");
        settings.save();
        Path file = dataDir.resolve(Settings.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Settings.load(dataDir, SecretStore.NONE).mongoUri()).contains("mongodb://alice:s3cret@db.example/blogdb");
    }
}
