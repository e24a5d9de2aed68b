package dev.blogdesk.search;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportTarget;
import dev.blogdesk.store.DeletedPost;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.app.PostStore;
import dev.blogdesk.testing.SqliteFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index never disagrees with the store: every answer equals the store's own {@code $regex}
 * scan, on random queries over text full of case-folding traps, after every kind of write and after
 * restarts, including ones where the index cannot trust what it has on disk.
 */
class SearchIndexTest {

    /** Words with letters whose case folding is unusual (ß, ſ, İ, ı, Σ/ς, Kelvin sign, Deseret). */
    private static final String[] WORDS = {
            "mongo", "MongoDB", "import", "Flask", "blog", "post", "straße", "STRASSE", "ſtar", "İstanbul",
            "ıtalic", "Σίσυφος", "ΣΊΣΥΦΟΣ", "ς", "\u212Aelvin", "kelvin", "𐐀𐐨", "naïve", "NAÏVE", "c++",
            "a.b", "(x)", "[y]", "$z", "^w", "50%", "e-mail", "über", "Über", "日本語", "emoji😀", "tab\tin",
            "the", "and", "a", "I", "x"};

    @TempDir
    Path dataDir;

    private final Random random = new Random(20261125);

    @Test
    void searchAndListAgreeWithTheStoreAfterEveryKindOfWriteAndAfterRestarts() throws Exception {
        List<String> ids = new ArrayList<>();
        try (PostStore store = PostStore.openEmbedded(dataDir, false)) {
            PostRepository posts = store.posts();
            for (int i = 0; i < 300; i++) {
                ids.add(posts.create(text(1, 6), text(0, 80)).id());
            }
            MongoCollection<Document> raw = store.database().getCollection("posts");
            // What the Flask blog or an old import leaves: no version, equal dates, no date, odd types.
            Date same = new Date(1_600_000_000_000L);
            for (int i = 0; i < 20; i++) {
                raw.insertOne(new Document("_id", new ObjectId()).append("title", text(1, 3))
                        .append("content", text(1, 30)).append("date_posted", same));
            }
            raw.insertOne(new Document("title", "No date").append("content", text(3, 10)));
            raw.insertOne(new Document("title", 42).append("content", "numeric title import"));
            raw.insertOne(new Document("title", "No content").append("date_posted", same));
            IndexAgreement.assertAgrees(store, queries(store, 250));

            // Edits, overwrites, deletes, undo, and writes from another client through the server.
            for (int i = 0; i < 40; i++) {
                Post p = posts.findById(ids.get(i)).orElseThrow();
                posts.update(p.withText(text(1, 4), text(0, 60)));
            }
            posts.overwrite(posts.findById(ids.get(50)).orElseThrow().withText("Overwritten", "flask ſtar"));
            for (int i = 60; i < 80; i++) {
                posts.deleteForUndo(ids.get(i));
            }
            DeletedPost undone = posts.deleteForUndo(ids.get(90)).orElseThrow();
            posts.deleteForUndo(ids.get(91)).orElseThrow();
            posts.restore(undone);
            raw.updateMany(Filters.regex("content", "mongo", "i"), Updates.set("content", "rewritten by Flask"));
            raw.deleteMany(Filters.regex("title", "blog"));
            raw.findOneAndUpdate(Filters.eq("_id", new ObjectId(ids.get(100))), Updates.set("title", "Σίσυφος renamed"));
            raw.replaceOne(Filters.eq("_id", new ObjectId(ids.get(101))), new Document("title", "replaced")
                    .append("content", "naïve replacement").append("date_posted", same));
            // An import through the engine.
            Path blog = SqliteFiles.sqlalchemyBlog(Files.createDirectories(dataDir.resolve("in")), 25);
            new ImportEngine(store.database(), dataDir.resolve("work"), ImportTarget.IN_PROCESS)
                    .run(dev.blogdesk.importer.ImportRequest.of(blog, null), dev.blogdesk.importer.ImportProgress.NONE);
            assertThat(store.posts().listImported(blog.getFileName().toString(), 0, 100)).hasSize(25)
                    .isEqualTo(IndexAgreement.storeOnly(store).listImported(blog.getFileName().toString(), 0, 100));
            IndexAgreement.assertAgrees(store, queries(store, 250));

            // A save is visible to the very next search.
            Post fresh = posts.create("Zebra crossing", "unmistakable qwzx text");
            assertThat(posts.search("QWZX", 0, 10)).extracting(PostSummary::id).containsExactly(fresh.id());
            posts.deleteForUndo(fresh.id());
            assertThat(posts.search("qwzx", 0, 10)).isEmpty();
        }

        try (PostStore reopened = PostStore.openEmbedded(dataDir, false)) {
            IndexAgreement.assertAgrees(reopened, queries(reopened, 100));
            reopened.posts().create("After restart", "written in the second session");
        }
        Path backup = dataDir.resolve("backup.mv.db");
        Files.copy(dataDir.resolve("store/blogdesk.mv.db"), backup);
        try (PostStore reopened = PostStore.openEmbedded(dataDir, false)) {
            for (int i = 200; i < 230; i++) {
                reopened.posts().deleteForUndo(ids.get(i));
            }
            reopened.posts().create("Only after the backup", "gone once the backup is back");
        }
        // The store goes back in time (a backup restored by hand, as the README says: the file copied over
        // the store and the commit record removed): the index must notice and rebuild.
        Files.copy(backup, dataDir.resolve("store/blogdesk.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dataDir.resolve("store/last-commit.properties"));
        try (PostStore restored = PostStore.openEmbedded(dataDir, false)) {
            assertThat(restored.posts().search("only after the backup", 0, 10)).isEmpty();
            IndexAgreement.assertAgrees(restored, queries(restored, 100));
            // The collection dropped by another client.
            restored.database().getCollection("posts").drop();
            IndexAgreement.assertAgrees(restored, List.of("a", "mongo"));
            restored.posts().create("Dropped with the database", "gone");
            restored.database().drop();
            IndexAgreement.assertAgrees(restored, List.of("dropped", "gone"));
            restored.posts().create("New life", "after the drop");
        }
        // The index folder lost or damaged: rebuilt from the store.
        dev.blogdesk.store.Folders.deleteTree(dataDir.resolve("store/search-index"));
        try (PostStore rebuilt = PostStore.openEmbedded(dataDir, false)) {
            IndexAgreement.assertAgrees(rebuilt, List.of("new", "drop", "life after"));
            assertThat(rebuilt.posts().search("life", 0, 10)).extracting(PostSummary::title).containsExactly("New life");
        }
    }

    @Test
    void aPostTooLargeToIndexIsStillFoundAndListed() {
        try (PostStore store = PostStore.openEmbedded(dataDir, false)) {
            String huge = "lorem ipsum ".repeat(SearchIndex.MAX_INDEXED_CODE_POINTS / 12 + 10) + " needle-in-haystack";
            Post big = store.posts().create("Huge", huge);
            store.posts().create("Small", "lorem");
            assertThat(store.posts().search("NEEDLE-in", 0, 10)).extracting(PostSummary::id).containsExactly(big.id());
            assertThat(store.posts().search("lorem", 0, 10)).hasSize(2);
            IndexAgreement.assertAgrees(store, List.of("needle", "lorem ipsum", "absent", "huge"));
        }
    }

    @Test
    void termsMustAllMatchButEachMayBeInTitleOrContent() {
        try (PostStore store = PostStore.openEmbedded(dataDir, false)) {
            Post both = store.posts().create("Flask tips", "moving to MongoDB");
            store.posts().create("Flask only", "nothing else");
            Post phrase = store.posts().create("Quoted", "the exact phrase here, flask and mongodb");
            assertThat(store.posts().search("flask mongodb", 0, 10)).extracting(PostSummary::id)
                    .containsExactlyInAnyOrder(both.id(), phrase.id());
            assertThat(store.posts().search("\"exact phrase\"", 0, 10)).extracting(PostSummary::id)
                    .containsExactly(phrase.id());
            assertThat(store.posts().search("\"phrase exact\"", 0, 10)).isEmpty();
            // A term never spans the title and the content.
            assertThat(store.posts().search("tipsmoving", 0, 10)).isEmpty();
            assertThat(store.posts().search("ONGO", 0, 10)).hasSize(2);
        }
    }

    private String text(int minWords, int maxWords) {
        int n = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(random.nextInt(10) == 0 ? "\n" : " ");
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** Fragments of stored posts with their case flipped here and there, words, pairs and misses. */
    private List<String> queries(PostStore store, int n) {
        List<PostSummary> all = IndexAgreement.storeOnly(store).list(0, 100_000);
        List<String> queries = new ArrayList<>(List.of("", "zzz-no-such", "\"mongo import\"", "a b", "ς", "SS", "ss"));
        for (int i = 0; i < n && !all.isEmpty(); i++) {
            switch (i % 4) {
                case 0, 1 -> {
                    PostSummary p = all.get(random.nextInt(all.size()));
                    String source = p.title() + " " + p.excerpt();
                    int from = random.nextInt(Math.max(1, source.length()));
                    int to = Math.min(source.length(), from + 1 + random.nextInt(12));
                    queries.add(flipCase(source.substring(from, to)));
                }
                case 2 -> queries.add(flipCase(WORDS[random.nextInt(WORDS.length)]));
                default -> queries.add(WORDS[random.nextInt(WORDS.length)] + " " + flipCase(WORDS[random.nextInt(WORDS.length)])
                        + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : ""));
            }
        }
        return queries;
    }

    private String flipCase(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.appendCodePoint(random.nextBoolean() ? Character.toUpperCase(cp) : cp));
        return sb.toString();
    }
}
