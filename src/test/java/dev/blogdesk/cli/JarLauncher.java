package dev.blogdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line that runs target/blogdesk.jar in the integration tests. The ITs start the jar
 * some thirty times, so each start is made cheap: the quick JIT, the serial collector, and a class
 * data sharing archive of the jar's classes, written once per test run (a start took 0.96 s without
 * it and 0.55 s with it here). None of this changes what the jar does, only how fast it gets going;
 * when the archive cannot be made, the jar simply starts without it.
 */
final class JarLauncher {

    private static final Path JAR = Path.of(System.getProperty("blogdesk.jar", "target/blogdesk.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** How every run of the jar starts, the one that writes the archive included (CDS needs the same flags). */
    private static final List<String> JVM = List.of(JAVA.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Djava.awt.headless=true");
    private static Path archive;
    private static boolean tried;

    private JarLauncher() {
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(JVM);
        Path shared = archive();
        if (shared != null) {
            // -Xlog:disable: the JVM's own notes on the archive must never reach the jar's stdout.
            command.addAll(List.of("-XX:SharedArchiveFile=" + shared, "-Xlog:disable"));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Made once, by running {@code export} on an empty store: that loads the CLI, the driver and the store. */
    private static synchronized Path archive() {
        if (tried) {
            return archive;
        }
        tried = true;
        try {
            Path dir = Files.createTempDirectory("blogdesk-it-cds");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    dev.blogdesk.store.Folders.deleteTree(dir);
                } catch (IOException e) {
                    System.err.println("Could not remove " + dir + ": " + e.getMessage());
                }
            }));
            Path file = dir.resolve("blogdesk.jsa");
            List<String> archiving = new ArrayList<>(JVM);
            archiving.addAll(List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:disable", "-jar", JAR.toString(),
                    "export", "--data-dir", dir.resolve("data").toString()));
            Process p = new ProcessBuilder(archiving)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(file) > 0) {
                archive = file;
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            archive = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return archive;
    }
}
