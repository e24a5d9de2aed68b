package dev.blogdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirsAndSettingsTest {

    @Test
    void dataDirFollowsOptionThenEnvironmentThenXdg() {
        Path explicit = Path.of("/tmp/explicit");
        assertThat(DataDirs.resolve(explicit, Map.of("BLOGDESK_HOME", "/x"), "Linux", "/home/u")).isEqualTo(explicit);
        assertThat(DataDirs.resolve(null, Map.of("BLOGDESK_HOME", "/x"), "Linux", "/home/u")).isEqualTo(Path.of("/x"));
        assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/u")).isEqualTo(Path.of("/data/blogdesk"));
        assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/blogdesk"));
        assertThat(DataDirs.resolve(null, Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/blogdesk"));
    }

    @Test
    void settingsKeepTheUriPrivateAndSurviveAReload(@TempDir Path dir) throws Exception {
        Settings settings = Settings.load(dir);
        assertThat(settings.mongoUri()).isEmpty();
        settings.setMongoUri(" mongodb://alice:secret@db.example/blogdb ");
        settings.save();

        Path file = dir.resolve(Settings.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Settings.load(dir).mongoUri()).contains("mongodb://alice:secret@db.example/blogdb");

        Settings reloaded = Settings.load(dir);
        reloaded.setMongoUri("");
        reloaded.save();
        assertThat(Settings.load(dir).mongoUri()).isEmpty();
    }
}
