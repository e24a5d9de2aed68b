package dev.blogdesk.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the jpackage app-image with the same options as `mvn -Ppackage package` and proves it
 * launches: its `blogdesk` command runs the CLI on an empty data folder. Skipped, saying why, where
 * the JDK has no jpackage.
 */
class PackagingIT {

    @TempDir
    Path dir;

    static Path jpackage() {
        Path inJdk = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        return Files.isExecutable(inJdk) ? inJdk : null;
    }

    Process run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BLOGDESK_HOME", dir.resolve("home").toString());
        return pb.start();
    }

    @Test
    void theAppImageBuildsAndItsLauncherRunsTheCommandLine() throws Exception {
        Path jpackage = jpackage();
        Assumptions.assumeTrue(jpackage != null, "jpackage is not in this JDK (" + System.getProperty("java.home")
                + "): the app-image cannot be built here");
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.copy(Path.of(System.getProperty("blogdesk.jar", "target/blogdesk.jar")), input.resolve("blogdesk.jar"));
        Process build = run(List.of(jpackage.toString(), "@packaging/jpackage.args", "--type", "app-image",
                "--input", input.toString(), "--dest", dir.resolve("image").toString()));
        String buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as(buildLog).isZero();

        Path launcher = dir.resolve("image/blogdesk/bin/blogdesk");
        assertThat(launcher).isExecutable();
        assertThat(dir.resolve("image/blogdesk/lib/runtime/bin/java")).as("a bundled runtime").exists();

        Path data = dir.resolve("data");
        Process export = run(List.of(launcher.toString(), "export", "--data-dir", data.toString()));
        String out = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(export.exitValue()).as(out).isZero();
        assertThat(out).isEmpty();
        assertThat(data.resolve("store/blogdesk.mv.db")).exists();
        assertThat(data.resolve("logs/blogdesk.log")).exists();

        Process version = run(List.of(launcher.toString(), "--version"));
        String v = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(v).startsWith("BlogDesk 0.1.0");
    }
}
