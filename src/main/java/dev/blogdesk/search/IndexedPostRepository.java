package dev.blogdesk.search;

import dev.blogdesk.store.DeletedPost;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The embedded store's repository with the list, search and counts answered by the {@link SearchIndex}.
 * Writes go to the store; the index hears of them from the server itself. Whenever the index is not
 * current (still rebuilding after a first start, or failed), the store answers, slower but the same.
 */
public final class IndexedPostRepository implements PostRepository {

    /** How long a query waits for the index to apply writes the server already acknowledged. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(IndexedPostRepository.class);

    private final PostRepository store;
    private final SearchIndex index;

    public IndexedPostRepository(PostRepository store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    @Override
    public List<PostSummary> search(SearchQuery query, int skip, int limit) {
        return fromIndex(() -> index.search(query, skip, limit), () -> store.search(query, skip, limit));
    }

    @Override
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return fromIndex(() -> index.listImported(source, skip, limit), () -> store.listImported(source, skip, limit));
    }

    @Override
    public long count() {
        return fromIndex(index::count, store::count);
    }

    private <T> T fromIndex(Supplier<T> indexed, Supplier<T> fallback) {
        if (index.awaitCurrent(CATCH_UP_WAIT)) {
            try {
                return indexed.get();
            } catch (RuntimeException e) {
                // Closed under us at shutdown, or damaged: the store still has the answer.
                log.warn("Search index query failed, asking the store: {}", e.toString());
            }
        }
        return fallback.get();
    }

    @Override
    public List<String> tagsInUse() {
        return fromIndex(index::tagsInUse, store::tagsInUse);
    }

    @Override
    public Post create(Post post) {
        return store.create(post);
    }

    @Override
    public boolean slugInUse(String slug, String exceptId) {
        return store.slugInUse(slug, exceptId);
    }

    @Override
    public Optional<Post> findById(String id) {
        return store.findById(id);
    }

    @Override
    public Post update(Post post) {
        return store.update(post);
    }

    @Override
    public Post update(Post post, dev.blogdesk.store.RevisionSource source) {
        return store.update(post, source);
    }

    @Override
    public Post overwrite(Post post) {
        return store.overwrite(post);
    }

    @Override
    public Post publish(Post post) {
        return store.publish(post);
    }

    @Override
    public Post unpublish(Post post) {
        return store.unpublish(post);
    }

    @Override
    public Optional<DeletedPost> deleteForUndo(String id) {
        return store.deleteForUndo(id);
    }

    @Override
    public void restore(DeletedPost deleted) {
        store.restore(deleted);
    }

    @Override
    public Optional<String> findJsonById(String id) {
        return store.findJsonById(id);
    }

    @Override
    public void exportJson(PostStatus status, Consumer<String> sink) {
        store.exportJson(status, sink);
    }
}
