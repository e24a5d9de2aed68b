package dev.blogdesk.ui.settings;

import dev.blogdesk.app.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsViewModelTest {

    @TempDir
    Path dataDir;

    @Test
    void aValidUriIsSavedForTheNextStart() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(Settings.load(dataDir), dataDir, "Embedded store in " + dataDir);
        assertThat(vm.validationProperty().get()).contains("embedded store in " + dataDir);
        assertThat(vm.currentStore()).isEqualTo("Now using: Embedded store in " + dataDir);

        vm.mongoUriProperty().set("mongodb://db1.example:27017,db2.example:27017/myblog?replicaSet=rs0");
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.validationProperty().get()).contains("db1.example:27017, db2.example:27017").contains("database myblog");
        vm.apply();
        assertThat(Settings.load(dataDir).mongoUri()).contains("mongodb://db1.example:27017,db2.example:27017/myblog?replicaSet=rs0");
    }

    @Test
    void anInvalidUriIsRefusedWithoutShowingItsPassword() {
        SettingsViewModel vm = new SettingsViewModel(Settings.load(dataDir), dataDir, "x");
        vm.mongoUriProperty().set("mongodb://alice:topsecret@");
        assertThat(vm.isValid()).isFalse();
        assertThat(vm.validationProperty().get()).startsWith("Not a valid MongoDB URI").doesNotContain("topsecret");
        assertThatThrownBy(vm::apply).isInstanceOf(IllegalStateException.class);
        assertThat(Settings.load(dataDir).mongoUri()).isEmpty();
    }

    @Test
    void testConnectionSaysWhatIsWrongOrHowManyPostsTheServerHolds() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(Settings.load(dataDir), dataDir, "x");
        vm.testConnection(new dev.blogdesk.app.DirectTaskExecutor());
        assertThat(vm.testResultProperty().get()).isEqualTo("Enter a MongoDB URI first.");

        try (dev.blogdesk.store.EmbeddedMongo server = dev.blogdesk.store.EmbeddedMongo.start(dataDir.resolve("server"), 0)) {
            vm.mongoUriProperty().set(server.connectionString());
            vm.collectionProperty().set("articles");
            vm.testConnection(new dev.blogdesk.app.DirectTaskExecutor());
            assertThat(vm.testResultProperty().get()).isEqualTo("Connected: blogdb.articles holds 0 posts.");
            vm.apply();
            assertThat(Settings.load(dataDir).get(Settings.SYNC_COLLECTION, null)).isEqualTo("articles");
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        vm.mongoUriProperty().set("mongodb://alice:topsecret@127.0.0.1:" + closedPort + "/blogdb?serverSelectionTimeoutMS=1500");
        vm.testConnection(new dev.blogdesk.app.DirectTaskExecutor());
        assertThat(vm.testResultProperty().get()).satisfiesAnyOf(
                r -> assertThat(r).startsWith("Host unreachable"), r -> assertThat(r).startsWith("Timeout"))
                .doesNotContain("topsecret");
    }
}
