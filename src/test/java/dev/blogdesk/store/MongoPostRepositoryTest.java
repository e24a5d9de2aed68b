package dev.blogdesk.store;

import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MongoPostRepositoryTest {

    @TempDir
    static Path dataDir;
    static TestStore store;
    static MongoPostRepository repo;

    @BeforeAll
    static void openStore() {
        store = TestStore.open(dataDir);
        repo = store.repository();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.clear();
    }

    @Test
    void createdPostIsADraftInTheFlaskDocumentShapeThatTheBlogNeverSees() {
        Post created = repo.create("Hello", "Some *Markdown*");

        assertThat(created.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(store.posts().countDocuments()).as("nothing in blogdb.posts until Publish").isZero();
        Document raw = store.drafts().find(new Document("_id", new ObjectId(created.id()))).first();
        assertThat(raw).isNotNull();
        assertThat(raw.getString("title")).isEqualTo("Hello");
        assertThat(raw.getString("content")).isEqualTo("Some *Markdown*");
        assertThat(raw.get("date_posted")).isInstanceOf(Date.class);
        assertThat(raw.get("updated_at")).isInstanceOf(Date.class);
        assertThat(raw.get("version")).isEqualTo(1L);
        assertThat(created.version()).isEqualTo(1L);
    }

    @Test
    void datesRoundTripToTheMillisecond() {
        Post created = repo.create("Dates", "x");
        Post loaded = repo.findById(created.id()).orElseThrow();
        assertThat(loaded.datePosted()).isEqualTo(created.datePosted());
        assertThat(loaded.updatedAt()).isEqualTo(created.updatedAt());

        Instant precise = Instant.parse("2019-03-04T05:06:07.891Z");
        store.posts().insertOne(new Document("title", "Legacy").append("content", "y").append("date_posted", Date.from(precise)));
        PostSummary legacy = repo.search("Legacy", 0, 10).get(0);
        assertThat(legacy.datePosted()).isEqualTo(precise);
        assertThat(repo.findById(legacy.id()).orElseThrow().datePosted()).isEqualTo(precise);
    }

    @Test
    void emojiCjkAndLineEndingsRoundTripByteForByte() {
        String content = "Emoji 😀👩‍💻 and CJK 漢字かなカナ 한국어\r\nCRLF line\rCR\n\ttab  trailing spaces  \n\n";
        String title = "  Spaces kept 🎉 ";
        Post created = repo.create(title, content);
        Post loaded = repo.findById(created.id()).orElseThrow();
        assertThat(loaded.content().getBytes(StandardCharsets.UTF_8)).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.title().getBytes(StandardCharsets.UTF_8)).isEqualTo(title.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listIsNewestFirstAndPagesWithoutGapsOrRepeats() {
        List<Instant> dates = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 250; i++) {
            dates.add(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(50_000_000)).plusMillis(i));
        }
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            docs.add(new Document("title", "Post " + i).append("content", "Body " + i).append("date_posted", Date.from(dates.get(i))));
        }
        store.posts().insertMany(docs);

        List<Instant> listed = new ArrayList<>();
        for (int skip = 0; skip < 300; skip += 100) {
            repo.list(skip, 100).forEach(s -> listed.add(s.datePosted()));
        }
        List<Instant> expected = new ArrayList<>(dates);
        expected.sort(Collections.reverseOrder());
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(repo.count()).isEqualTo(250);
    }

    @Test
    void summariesCarryAShortOneLineExcerptNotTheWholeContent() {
        String longContent = "First line\n\nsecond   line " + "word ".repeat(2000);
        repo.create("Long", longContent);
        PostSummary summary = repo.list(0, 10).get(0);
        assertThat(summary.excerpt()).startsWith("First line second line word");
        assertThat(summary.excerpt()).doesNotContain("\n");
        assertThat(summary.excerpt().length()).isLessThanOrEqualTo(MongoPostRepository.EXCERPT_CHARS);
    }

    @Test
    void searchIsCaseInsensitiveOverTitleAndContent() {
        repo.create("Cooking with MongoDB", "recipes");
        repo.create("Other", "This one mentions mongodb in the body");
        repo.create("Unrelated", "nothing here");

        assertThat(repo.search("MONGODB", 0, 10)).extracting(PostSummary::title)
                .containsExactlyInAnyOrder("Cooking with MongoDB", "Other");
        assertThat(repo.search("nothing", 0, 10)).extracting(PostSummary::title).containsExactly("Unrelated");
        assertThat(repo.search("absent-word", 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c++", "(", ".*", "[a-z]", "\\d+", "a|b", "^start", "end$", "{2}", "?", "\\Q", "\\E", "/slash/"})
    void searchTreatsRegexCharactersAsText(String query) {
        repo.create("Plain", "no special characters at all in this post, ab start end 22");
        repo.create("Special", "here it is: " + query + " inside");

        assertThat(repo.search(query, 0, 10)).extracting(PostSummary::title).containsExactly("Special");
    }

    @Test
    void aTenThousandCharacterPasteDoesNotHangTheStore() {
        for (int i = 0; i < 50; i++) {
            repo.create("Post " + i, "lorem ipsum ".repeat(300));
        }
        String paste = "(a+)+$ .* [x] ".repeat(715).substring(0, 10_000);
        // A guard against a hang, not a speed target: a catastrophic regex would not return at all.
        List<PostSummary> result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> repo.search(paste, 0, 10));
        assertThat(result).isEmpty();
    }

    @Test
    void aStaleVersionIsAConflictAndNeverOverwrites() {
        Post original = repo.create("Shared", "v1");
        Post mine = repo.update(original.withText("Shared", "mine"));
        assertThat(mine.version()).isEqualTo(2);

        assertThatThrownBy(() -> repo.update(original.withText("Shared", "theirs")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(repo.findById(original.id()).orElseThrow().content()).isEqualTo("mine");
    }

    @Test
    void overwriteSavesWhateverTheStoredVersion() {
        Post original = repo.create("Shared", "v1");
        repo.update(original.withText("Shared", "theirs"));
        Post overwritten = repo.overwrite(original.withText("Shared", "mine"));
        assertThat(overwritten.content()).isEqualTo("mine");
        assertThat(overwritten.version()).isEqualTo(3);
    }

    @Test
    void updatingAPostDeletedElsewhereIsAConflict() {
        Post post = repo.create("Gone", "x");
        repo.deleteForUndo(post.id());
        assertThatThrownBy(() -> repo.update(post.withText("Gone", "y"))).isInstanceOf(VersionConflictException.class);
        assertThat(repo.findById(post.id())).isEmpty();
    }

    @Test
    void documentsWrittenByTheFlaskBlogAreAdoptedAndKeepTheirOtherFields() {
        ObjectId id = new ObjectId();
        store.posts().insertOne(new Document("_id", id).append("title", "From Flask").append("content", "old")
                .append("date_posted", new Date()).append("tags", List.of("python", "flask")));

        Post loaded = repo.findById(id.toHexString()).orElseThrow();
        assertThat(loaded.version()).isZero();
        Post saved = repo.update(loaded.withText("From Flask", "edited in BlogDesk"));
        assertThat(saved.version()).isEqualTo(1);
        assertThatThrownBy(() -> repo.update(loaded.withText("From Flask", "stale"))).isInstanceOf(VersionConflictException.class);

        Document raw = store.posts().find(new Document("_id", id)).first();
        assertThat(raw.getString("content")).isEqualTo("edited in BlogDesk");
        assertThat(raw.getList("tags", String.class)).containsExactly("python", "flask");
        assertThat(raw.get("updated_at")).isInstanceOf(Date.class);
    }

    @Test
    void deleteRemovesThePost() {
        Post post = repo.create("Delete me", "x");
        assertThat(repo.deleteForUndo(post.id())).isPresent();
        assertThat(repo.findById(post.id())).isEmpty();
        assertThat(repo.deleteForUndo(post.id())).isEmpty();
        assertThat(repo.findById("not-an-id")).isEmpty();
    }

    @Test
    void exportPrintsRelaxedExtendedJsonWithRealDates() {
        repo.create("Exported", "line1\nline2 \"quoted\"");
        List<String> lines = new ArrayList<>();
        repo.exportJson(null, lines::add);
        assertThat(lines).hasSize(1);
        Document parsed = Document.parse(lines.get(0));
        assertThat(parsed.get("date_posted")).isInstanceOf(Date.class);
        assertThat(parsed.getString("content")).isEqualTo("line1\nline2 \"quoted\"");
        assertThat(lines.get(0)).contains("\"$date\"").doesNotContain("$numberLong");
    }

    @Test
    void savingWritesOnlyTheDetailsTheUserChangedAndLeavesOtherProgramsShapesAlone() {
        ObjectId id = new ObjectId();
        Document author = new Document("name", "Ada").append("email", "ada@example.org");
        store.posts().insertOne(new Document("_id", id).append("title", "Theirs").append("content", "old")
                .append("author", author).append("tags", List.of("Java", 7)).append("date_posted", new Date(0)));
        Post loaded = repo.findById(id.toHexString()).orElseThrow();
        assertThat(loaded.details().tags()).containsExactly("Java");

        Post saved = repo.update(loaded.withText("Theirs", "new text"));
        Document raw = store.posts().find(new Document("_id", id)).first();
        assertThat(raw.getString("content")).isEqualTo("new text");
        assertThat(raw.get("author", Document.class)).as("untouched: not turned into text").isEqualTo(author);
        assertThat(raw.getList("tags", Object.class)).as("untouched: the number kept").containsExactly("Java", 7);

        repo.update(saved.withDetails(new PostDetails(List.of("Java", "MongoDB"), "theirs", "", saved.details().author()), null));
        raw = store.posts().find(new Document("_id", id)).first();
        assertThat(raw.getList("tags", Object.class)).as("changed by the user: written").containsExactly("Java", "MongoDB");
        assertThat(raw.getString("slug")).isEqualTo("theirs");
        assertThat(raw.get("author", Document.class)).isEqualTo(author);
    }
}
