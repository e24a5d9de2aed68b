package dev.blogdesk.testing;

import dev.blogdesk.store.DeletedPost;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.SearchQuery;
import dev.blogdesk.store.VersionConflictException;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Posts in a map, with the repository's contract (version checks, undo-delete with every field, newest
 * first, literal case-insensitive search), so view-model tests run without a server. The documents
 * have the stored shape ({@link PostSchema}), so tests can put in what other programs write.
 */
public final class InMemoryPostRepository implements PostRepository {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document d) -> d.get(PostSchema.DATE_POSTED) instanceof Date date ? date.getTime() : Long.MIN_VALUE)
            .thenComparing(PostSchema::idOf).reversed();

    private final Map<String, Document> documents = new LinkedHashMap<>();

    /** Stores {@code doc} as it is, as another client would write it. */
    public synchronized void insert(Document doc) {
        documents.put(PostSchema.idOf(doc), new Document(doc));
    }

    /** The stored document, as a MongoDB client would read it. */
    public synchronized Optional<Document> document(String id) {
        return Optional.ofNullable(documents.get(id)).map(Document::new);
    }

    public synchronized void clear() {
        documents.clear();
    }

    @Override
    public synchronized Post create(Post post) {
        Instant now = now();
        Document doc = PostSchema.newDocument(new ObjectId(), post.title(), post.content(),
                        post.datePosted() != null ? post.datePosted() : now, now)
                .append(PostSchema.STATUS, PostStatus.DRAFT.value());
        PostSchema.putDetails(doc, new Document(), post.details());
        insert(doc);
        return PostSchema.read(doc);
    }

    @Override
    public synchronized boolean slugInUse(String slug, String exceptId) {
        return documents.entrySet().stream().anyMatch(e -> !e.getKey().equals(exceptId)
                && slug.equals(e.getValue().get(PostSchema.SLUG)));
    }

    @Override
    public synchronized List<String> tagsInUse() {
        java.util.TreeSet<String> tags = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        documents.values().forEach(d -> tags.addAll(PostSchema.tagsOf(d)));
        return List.copyOf(tags);
    }

    @Override
    public synchronized Optional<Post> findById(String id) {
        return document(id).map(PostSchema::read);
    }

    @Override
    public synchronized Post update(Post post) {
        Document stored = documents.get(post.id());
        long version = stored == null ? -1 : PostSchema.read(stored).version();
        if (stored == null || version != post.version()) {
            throw new VersionConflictException(post.id());
        }
        return write(stored, post, version + 1);
    }

    @Override
    public synchronized Post overwrite(Post post) {
        Document stored = documents.get(post.id());
        if (stored == null) {
            Instant date = post.datePosted() != null ? post.datePosted() : now();
            stored = PostSchema.newDocument(new ObjectId(post.id()), post.title(), post.content(), date, now());
            stored.put(PostSchema.VERSION, 0L);
            documents.put(post.id(), stored);
        }
        return write(stored, post, PostSchema.read(stored).version() + 1);
    }

    @Override
    public synchronized Post publish(Post post) {
        return move(post, PostStatus.PUBLISHED);
    }

    @Override
    public synchronized Post unpublish(Post post) {
        return move(post, PostStatus.DRAFT);
    }

    private Post move(Post post, PostStatus to) {
        Document stored = documents.get(post.id());
        if (stored == null || PostSchema.read(stored).version() != post.version() || statusOf(stored) == to) {
            throw new VersionConflictException(post.id());
        }
        stored.put(PostSchema.STATUS, to.value());
        stored.put(PostSchema.UPDATED_AT, Date.from(now()));
        stored.put(PostSchema.VERSION, post.version() + 1);
        return PostSchema.read(stored);
    }

    private static PostStatus statusOf(Document d) {
        return PostStatus.ofField(d.get(PostSchema.STATUS));
    }

    private Post write(Document stored, Post post, long version) {
        stored.put(PostSchema.TITLE, post.title());
        stored.put(PostSchema.CONTENT, post.content());
        Document set = new Document();
        Document unset = new Document();
        PostSchema.putDetails(set, unset, post.details());
        stored.putAll(set);
        unset.keySet().forEach(stored::remove);
        if (post.datePosted() != null) {
            stored.put(PostSchema.DATE_POSTED, Date.from(post.datePosted()));
        }
        stored.put(PostSchema.UPDATED_AT, Date.from(now()));
        stored.put(PostSchema.VERSION, version);
        return PostSchema.read(stored);
    }

    @Override
    public synchronized Optional<DeletedPost> deleteForUndo(String id) {
        Document removed = documents.remove(id);
        return Optional.ofNullable(removed).map(d -> new DeletedPost(id, PostSchema.stringOf(d, PostSchema.TITLE), d, statusOf(d)));
    }

    @Override
    public synchronized void restore(DeletedPost deleted) {
        insert(deleted.document());
    }

    @Override
    public synchronized List<PostSummary> search(SearchQuery query, int skip, int limit) {
        return page(d -> query.admits(statusOf(d)) && query.terms().stream().allMatch(term -> contains(d, PostSchema.TITLE, term)
                || contains(d, PostSchema.CONTENT, term)) && query.tags().stream().allMatch(tag ->
                PostSchema.tagsOf(d).stream().anyMatch(t -> t.equalsIgnoreCase(tag))), skip, limit);
    }

    @Override
    public synchronized List<PostSummary> listImported(String source, int skip, int limit) {
        return page(d -> source.equals(PostSchema.legacySource(d)), skip, limit);
    }

    @Override
    public synchronized long count() {
        return documents.size();
    }

    @Override
    public synchronized Optional<String> findJsonById(String id) {
        return document(id).map(d -> d.toJson(RELAXED));
    }

    @Override
    public synchronized void exportJson(PostStatus status, Consumer<String> sink) {
        documents.values().stream().filter(d -> status == null || statusOf(d) == status).sorted(NEWEST_FIRST)
                .forEach(d -> sink.accept(d.toJson(RELAXED)));
    }

    private List<PostSummary> page(Predicate<Document> match, int skip, int limit) {
        List<PostSummary> page = new ArrayList<>();
        documents.values().stream().filter(match).sorted(NEWEST_FIRST).skip(skip).limit(limit).forEach(d ->
                page.add(new PostSummary(PostSchema.idOf(d), PostSchema.stringOf(d, PostSchema.TITLE),
                        PostSchema.instantOf(d, PostSchema.DATE_POSTED),
                        MongoPostRepository.excerptOf(d.get(PostSchema.CONTENT) instanceof String s ? s : null),
                        statusOf(d), dev.blogdesk.store.PostImages.firstImage(d.get(PostSchema.CONTENT) instanceof String c ? c : null))));
        return page;
    }

    private static boolean contains(Document d, String field, String term) {
        return d.get(field) instanceof String s && s.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT));
    }

    /** BSON dates hold milliseconds, as the store does. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
