package dev.blogdesk.app;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Unsaved drafts on the local disk, in {@code drafts/} of the data dir, independent of the store: if
 * BlogDesk crashes, the machine loses power or the server is away, the text is here. Each write goes to
 * a temp file, is forced to disk, then atomically renamed, so a draft file is always whole. Writes run
 * in order on one thread of their own.
 */
public final class DraftJournal implements AutoCloseable {

    /** One unsaved draft. {@code postId} is null for a post never saved; {@code baseVersion} is what it was edited from. */
    public record Draft(String key, String postId, long baseVersion, String title, String content, Instant savedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(DraftJournal.class);
    private final Path dir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blogdesk-draft-journal");
        t.setDaemon(true);
        return t;
    });

    public DraftJournal(Path dataDir) {
        this.dir = dataDir.resolve("drafts");
    }

    /** Writes the draft in the background; the returned future completes once it is on disk. */
    public Future<?> saveAsync(Draft draft) {
        return submit("write the draft " + draft.key(), () -> {
            try {
                save(draft);
            } catch (IOException e) {
                log.error("Could not write the draft journal {}: {}", draft.key(), e.getMessage(), e);
            }
        });
    }

    public Future<?> deleteAsync(String key) {
        return submit("remove the draft " + key, () -> delete(key));
    }

    private Future<?> submit(String what, Runnable work) {
        try {
            return writer.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Only after close(), when the window is gone: nothing may write into the data dir any more.
            log.warn("Did not {}: the draft journal is closed", what);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    public void save(Draft draft) throws IOException {
        Files.createDirectories(dir);
        Document doc = new Document("key", draft.key()).append("postId", draft.postId())
                .append("baseVersion", draft.baseVersion()).append("title", draft.title())
                .append("content", draft.content()).append("savedAt", draft.savedAt().toString());
        byte[] bytes = doc.toJson().getBytes(StandardCharsets.UTF_8);
        Path target = file(draft.key());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            log.warn("Could not remove the draft {}: {}", key, e.getMessage());
        }
    }

    /** Every draft on disk, oldest first. A damaged file is reported in the log and left in place. */
    public List<Draft> list() {
        List<Draft> drafts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return drafts;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    Document d = Document.parse(Files.readString(f, StandardCharsets.UTF_8));
                    drafts.add(new Draft(d.getString("key"), d.getString("postId"), d.get("baseVersion", Number.class).longValue(),
                            d.getString("title"), d.getString("content"), Instant.parse(d.getString("savedAt"))));
                } catch (IOException | RuntimeException e) {
                    log.error("Draft file {} cannot be read; it is left as it is: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.error("Cannot list the drafts in {}: {}", dir, e.getMessage());
        }
        drafts.sort(Comparator.comparing(Draft::savedAt));
        return drafts;
    }

    /** Waits until every write submitted so far is on disk. */
    public void flush() {
        try {
            submit("flush the draft journal", () -> { }).get();
        } catch (Exception e) {
            log.warn("Draft journal flush interrupted: {}", e.getMessage());
        }
    }

    private Path file(String key) {
        return dir.resolve(key.replaceAll("[^A-Za-z0-9_-]", "_") + ".json");
    }

    @Override
    public synchronized void close() {
        if (writer.isShutdown()) {
            return;
        }
        flush();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("The draft journal is still writing after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while closing the draft journal");
        }
    }
}
