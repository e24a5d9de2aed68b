package dev.blogdesk.testing;

import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.StoreException;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A real repository that can be switched "down", as a store that stopped answering. */
public final class FlakyRepository implements PostRepository {

    private final PostRepository delegate;
    public volatile boolean down;

    public FlakyRepository(PostRepository delegate) {
        this.delegate = delegate;
    }

    private void check() {
        if (down) {
            throw new StoreException("Could not reach the store: the store did not answer (MongoTimeoutException).");
        }
    }

    @Override public Post create(Post post) { check(); return delegate.create(post); }
    @Override public boolean slugInUse(String slug, String exceptId) { check(); return delegate.slugInUse(slug, exceptId); }
    @Override public List<String> tagsInUse() { check(); return delegate.tagsInUse(); }
    @Override public Optional<Post> findById(String id) { check(); return delegate.findById(id); }
    @Override public Post update(Post post) { check(); return delegate.update(post); }
    @Override public Post overwrite(Post post) { check(); return delegate.overwrite(post); }
    @Override public Optional<dev.blogdesk.store.DeletedPost> deleteForUndo(String id) { check(); return delegate.deleteForUndo(id); }
    @Override public void restore(dev.blogdesk.store.DeletedPost deleted) { check(); delegate.restore(deleted); }
    @Override public Post publish(Post post) { check(); return delegate.publish(post); }
    @Override public Post unpublish(Post post) { check(); return delegate.unpublish(post); }
    @Override public List<PostSummary> search(dev.blogdesk.store.SearchQuery query, int skip, int limit) { check(); return delegate.search(query, skip, limit); }
    @Override public List<PostSummary> listImported(String source, int skip, int limit) { check(); return delegate.listImported(source, skip, limit); }
    @Override public long count() { check(); return delegate.count(); }
    @Override public Optional<String> findJsonById(String id) { check(); return delegate.findJsonById(id); }
    @Override public void exportJson(dev.blogdesk.store.PostStatus status, Consumer<String> sink) { check(); delegate.exportJson(status, sink); }
}
