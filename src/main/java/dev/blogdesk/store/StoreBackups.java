package dev.blogdesk.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Daily backups of the embedded store, and the two ways out of a damaged store: a backup or a fresh
 * store. A backup is a compacted copy, compressed harder than the store (Deflate), of one consistent version of the open store, written
 * in the background (start-up does not wait, saves pause only while the maps' roots are named), read
 * back in full before it counts, and never taken of a store that holds no posts. A damaged file is
 * always set aside under a new name, never deleted.
 */
public final class StoreBackups {

    static final int KEEP = 3;
    static final Duration EVERY = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** blogdesk-20261201-104500-45posts.mv.db; backups from before the count was kept have no count. */
    private static final Pattern NAME = Pattern.compile("blogdesk-\\d{8}-\\d{6}(?:-(\\d+)posts)?\\.mv\\.db");

    private StoreBackups() {
    }

    /** Runs an action while nothing else reads or writes the store. */
    interface Pause {
        <T> T whileAlone(Supplier<T> action);
    }

    static Path storeFile(Path dataDir) {
        return dataDir.resolve(EmbeddedMongo.STORE_DIR).resolve(EmbeddedMongo.STORE_FILE);
    }

    static Path backupDir(Path dataDir) {
        return dataDir.resolve(EmbeddedMongo.STORE_DIR).resolve("backups");
    }

    /**
     * Takes the day's backup of the open store {@code live} if the newest one is older than a day and
     * the store holds posts. Returns the new backup. A read failure while copying is damage, and is thrown.
     */
    static Optional<Path> takeIfDue(Path dataDir, MVStore live, Pause pause, Instant now) throws IOException {
        Optional<Path> newest = latest(dataDir);
        if (newest.isPresent() && Files.getLastModifiedTime(newest.get()).toInstant().isAfter(now.minus(EVERY))) {
            return Optional.empty();
        }
        Files.createDirectories(backupDir(dataDir));
        Path pending = backupDir(dataDir).resolve("pending-" + STAMP.format(now) + ".tmp");
        long posts;
        MVStore.TxCounter[] usage = new MVStore.TxCounter[1];
        Map<String, MVMap<Object, Object>> snapshot = pause.whileAlone(() -> {
            live.commit();
            usage[0] = live.registerVersionUsage(); // keeps this version's pages while they are copied
            long version = live.getCurrentVersion();
            Map<String, MVMap<Object, Object>> roots = new LinkedHashMap<>();
            for (String name : live.getMapNames()) {
                roots.put(name, live.<Object, Object>openMap(name).openVersion(version));
            }
            return roots;
        });
        try {
            posts = ServerDocuments.postCount(snapshot);
            if (posts == 0) {
                log.info("No backup taken today: the store holds no posts");
                return Optional.empty();
            }
            copy(snapshot, pending);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(pending);
            throw e;
        } finally {
            live.deregisterVersionUsage(usage[0]);
        }
        long copied = readBack(pending);
        if (copied != posts) {
            Files.deleteIfExists(pending);
            throw new IOException("the backup copy holds " + copied + " posts instead of " + posts);
        }
        Path target = backupDir(dataDir).resolve("blogdesk-" + STAMP.format(now) + "-" + posts + "posts.mv.db");
        Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(now));
        rotate(dataDir);
        log.info("Store backed up to {} ({} posts, {} KB)", target.getFileName(), posts, Files.size(target) / 1024);
        return Optional.of(target);
    }

    private static void copy(Map<String, MVMap<Object, Object>> snapshot, Path pending) throws IOException {
        Files.deleteIfExists(pending);
        // Deflate, not the live store's LZF: slower to write, but a backup is written once, in the background.
        MVStore target = new MVStore.Builder().fileName(pending.toString()).compressHigh().autoCompactFillRate(0).open();
        try {
            for (Map.Entry<String, MVMap<Object, Object>> map : snapshot.entrySet()) {
                MVMap<Object, Object> copy = target.openMap(map.getKey());
                for (Map.Entry<Object, Object> e : map.getValue().entrySet()) {
                    copy.put(e.getKey(), e.getValue());
                }
            }
            target.commit();
        } finally {
            target.close();
        }
        Folders.makeFilePrivate(pending);
    }

    /** Reads every entry of every map of a backup file back, so a bad copy is found before it counts. */
    private static long readBack(Path backup) {
        try (MVStore copy = new MVStore.Builder().fileName(backup.toString()).readOnly().open()) {
            for (String name : copy.getMapNames()) {
                for (Map.Entry<Object, Object> e : copy.<Object, Object>openMap(name).entrySet()) {
                    e.getValue();
                }
            }
            return ServerDocuments.postCount(copy);
        }
    }

    /**
     * Keeps the newest {@link #KEEP}; the newest backup known to hold posts always stays, so days of a
     * store that holds none (even from an older BlogDesk, which backed up empty stores) cannot push it out.
     */
    private static void rotate(Path dataDir) throws IOException {
        List<Path> all = list(dataDir);
        Optional<Path> newestWithPosts = all.stream().filter(p -> postsIn(p) != 0).findFirst();
        for (int i = KEEP; i < all.size(); i++) {
            if (!newestWithPosts.equals(Optional.of(all.get(i)))) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }

    /** The post count in a backup's name; -1 when it was taken before counts were kept. */
    static long postsIn(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        return m.matches() && m.group(1) != null ? Long.parseLong(m.group(1)) : -1;
    }

    /** The newest backup, if any. */
    public static Optional<Path> latest(Path dataDir) {
        List<Path> all = list(dataDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The backups, newest first. */
    static List<Path> list(Path dataDir) {
        Path dir = backupDir(dataDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().substring(0, 24)).reversed()).toList());
        } catch (IOException e) {
            log.warn("Cannot list the store backups: {}", e.getMessage());
            return List.of();
        }
    }

    /** Moves the damaged store file aside ({@code blogdesk.mv.db.damaged-<time>}) so a fresh store starts. */
    public static Path setAsideDamaged(Path dataDir) throws IOException {
        Path store = storeFile(dataDir);
        Path aside = store.resolveSibling(store.getFileName() + ".damaged-" + STAMP.format(Instant.now()));
        if (Files.exists(store)) {
            Files.move(store, aside);
            log.warn("Damaged store moved to {}", aside);
        }
        CommitRecord.moveAlong(store.getParent(), aside);
        return aside;
    }

    /** Sets the damaged file aside and puts a copy of {@code backup} in its place. */
    public static Path restore(Path dataDir, Path backup) throws IOException {
        Path aside = setAsideDamaged(dataDir);
        Path store = storeFile(dataDir);
        Files.copy(backup, store);
        Folders.makeFilePrivate(store);
        // The restored file is what the store now is: recorded at once, so damage before its first
        // start is caught as well.
        try (MVStore restored = new MVStore.Builder().fileName(store.toString()).readOnly().open()) {
            new CommitRecord(restored.getCurrentVersion(), ServerDocuments.postCount(restored), Files.size(store), null)
                    .write(store.getParent());
        }
        log.warn("Store restored from {}", backup);
        return aside;
    }
}
