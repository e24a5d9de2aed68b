package dev.blogdesk.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Daily copies of the embedded store, taken before it is opened (a closed MVStore file is
 * consistent), and the two ways out of a damaged store: a backup or a fresh store. A damaged file is
 * always set aside under a new name, never deleted.
 */
public final class StoreBackups {

    static final int KEEP = 3;
    static final Duration EVERY = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoreBackups() {
    }

    static Path storeFile(Path dataDir) {
        return dataDir.resolve(EmbeddedMongo.STORE_DIR).resolve(EmbeddedMongo.STORE_FILE);
    }

    static Path backupDir(Path dataDir) {
        return dataDir.resolve(EmbeddedMongo.STORE_DIR).resolve("backups");
    }

    /**
     * Copies the closed store file when the newest backup is older than a day. The copy only becomes a
     * backup through {@link #keep} once the store opened fine; a damaged file must never replace a good backup.
     */
    static Optional<Path> prepare(Path dataDir, Instant now) {
        Path store = storeFile(dataDir);
        if (!Files.isRegularFile(store)) {
            return Optional.empty();
        }
        try {
            Optional<Path> newest = latest(dataDir);
            if (newest.isPresent() && Files.getLastModifiedTime(newest.get()).toInstant().isAfter(now.minus(EVERY))) {
                return Optional.empty();
            }
            Files.createDirectories(backupDir(dataDir));
            Path tmp = backupDir(dataDir).resolve("pending-" + STAMP.format(now) + ".tmp");
            Files.copy(store, tmp, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(tmp);
        } catch (IOException e) {
            // A missing backup must not stop BlogDesk from starting; it is logged and tried again next start.
            log.warn("Could not back up the store: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The store opened: the pending copy becomes the newest backup; only the newest three are kept. */
    static void keep(Path dataDir, Path pending, Instant now) {
        try {
            Path target = backupDir(dataDir).resolve("blogdesk-" + STAMP.format(now) + ".mv.db");
            Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, FileTime.from(now));
            List<Path> all = list(dataDir);
            for (int i = KEEP; i < all.size(); i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            log.warn("Could not keep the store backup: {}", e.getMessage());
        }
    }

    /** The store did not open: the copy is of a damaged file and is thrown away. */
    static void discard(Path pending) {
        try {
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", pending, e.getMessage());
        }
    }

    /** For tests: a whole backup round as a successful start does it. */
    static void backupIfDue(Path dataDir, Instant now) {
        prepare(dataDir, now).ifPresent(p -> keep(dataDir, p, now));
    }

    /** The newest backup, if any. */
    public static Optional<Path> latest(Path dataDir) {
        List<Path> all = list(dataDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Path> list(Path dataDir) {
        Path dir = backupDir(dataDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("blogdesk-\\d{8}-\\d{6}\\.mv\\.db"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            log.warn("Cannot list the store backups: {}", e.getMessage());
            return List.of();
        }
    }

    /** Moves the damaged store file aside ({@code blogdesk.mv.db.damaged-<time>}) so a fresh store starts. */
    public static Path setAsideDamaged(Path dataDir) throws IOException {
        Path store = storeFile(dataDir);
        Path aside = store.resolveSibling(store.getFileName() + ".damaged-" + STAMP.format(Instant.now()));
        Files.move(store, aside);
        log.warn("Damaged store moved to {}", aside);
        return aside;
    }

    /** Sets the damaged file aside and puts a copy of {@code backup} in its place. */
    public static Path restore(Path dataDir, Path backup) throws IOException {
        Path aside = setAsideDamaged(dataDir);
        Files.copy(backup, storeFile(dataDir));
        log.warn("Store restored from {}", backup);
        return aside;
    }
}
