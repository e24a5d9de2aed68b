package dev.blogdesk.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Small file-system helpers shared by the store, the importer and the benchmarks. */
public final class Folders {

    /** What BlogDesk keeps in a data folder; nothing else in it is touched. */
    private static final Set<String> OWN = Set.of("store", "logs", "drafts", "import-work", "cache", "settings.properties",
            "settings.properties.tmp",
            "dictionary.txt", "dictionary.txt.tmp");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Folders.class);

    private Folders() {
    }

    /**
     * {@link #makePrivate} that never fails the caller: what it changed is logged (when
     * {@code logChanges}), and a folder it cannot change is a warning in the log.
     */
    public static void keepPrivate(Path dataDir, boolean logChanges) {
        try {
            int changed = makePrivate(dataDir);
            if (changed > 0 && logChanges) {
                log.info("Made {} files and folders in {} private to this account (they were readable by other accounts)",
                        changed, dataDir);
            }
        } catch (IOException e) {
            log.warn("Could not make {} private to this account: {}", dataDir, e.toString());
        }
    }

    /**
     * Makes BlogDesk's entries in {@code dataDir} readable by this account only: folders 0700, files
     * 0600. The data folder itself too, when it holds nothing but BlogDesk's entries (a folder the user
     * also keeps other things in is left as it is). Links are not followed. Does nothing where the file
     * system has no POSIX permissions.
     *
     * @return how many files and folders were changed
     */
    static int makePrivate(Path dataDir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(dataDir)) {
            return 0;
        }
        int changed = 0;
        List<Path> entries;
        try (Stream<Path> list = Files.list(dataDir)) {
            entries = list.toList();
        }
        if (entries.stream().allMatch(p -> OWN.contains(p.getFileName().toString()))) {
            changed += restrict(dataDir);
        }
        for (Path entry : entries) {
            if (!OWN.contains(entry.getFileName().toString()) || Files.isSymbolicLink(entry)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(entry)) {
                for (Path p : tree.toList()) {
                    changed += restrict(p);
                }
            }
        }
        return changed;
    }

    /** Creates {@code file}'s permissions as 0600 where the file system has POSIX permissions. */
    public static void makeFilePrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static int restrict(Path p) throws IOException {
        if (Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return 0; // gone meanwhile (a Lucene merge), or a link we do not follow
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
        try {
            if (Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                return 0;
            }
            Files.setPosixFilePermissions(p, wanted);
            return 1;
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
    }

    /** Deletes {@code folder} and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Below this much free space a failed write is taken for a full disk, whatever the error said. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    /** True when {@code failure} (or a cause) is the disk running out of space under {@code folder}. */
    public static boolean isDiskFull(Path folder, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return freeBytes(folder) < NEARLY_FULL_BYTES;
    }

    /** One sentence for a write that failed under {@code folder}: a full disk is named as such. */
    public static String writeFailureMessage(Path folder, Throwable failure) {
        if (isDiskFull(folder, failure)) {
            return "The disk holding " + folder + " is full (" + (Math.max(0, freeBytes(folder)) / (1024 * 1024))
                    + " MB free); free some space and start BlogDesk again (nothing that was saved is lost).";
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "BlogDesk could not write to " + folder + " (" + root.getMessage() + "); check the disk and the folder's "
                + "permissions, then start BlogDesk again (nothing that was saved is lost).";
    }

    private static long freeBytes(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p)) {
                    return Files.getFileStore(p).getUsableSpace();
                }
            } catch (IOException e) {
                return Long.MAX_VALUE; // unknown: do not claim the disk is full
            }
        }
        return Long.MAX_VALUE;
    }
}
