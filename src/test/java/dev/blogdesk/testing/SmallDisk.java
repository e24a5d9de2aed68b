package dev.blogdesk.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real small disk for full-disk tests: a tmpfs mounted on a folder (needs root, as in CI; the test is
 * skipped where mounting is not allowed), unmounted on close.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    /** Mounts a tmpfs of {@code size} ("6m") on {@code folder}, or skips the test. */
    public static SmallDisk mount(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (not root?)");
        return new SmallDisk(folder);
    }

    public Path root() {
        return root;
    }

    /** Fills the disk to the last byte, as another program would; returns the file to delete for space. */
    public Path fill() throws IOException {
        Path filler = root.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        try (OutputStream out = Files.newOutputStream(root.resolve("filler-small"))) {
            for (int i = 0; i < 64 * 1024; i++) {
                out.write(0); // the last partial block
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", root.toString()).inheritIO().start().waitFor();
    }
}
