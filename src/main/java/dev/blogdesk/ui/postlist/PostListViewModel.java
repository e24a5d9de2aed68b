package dev.blogdesk.ui.postlist;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.markdown.PlainText;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.SearchQuery;
import dev.blogdesk.store.PostSummary;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The post list: summaries only, newest first, one page at a time. Showing a new query starts a new
 * generation; results of an older generation that arrive late are dropped, so a slow search can
 * never overwrite the answer to what the user typed since.
 */
public final class PostListViewModel {

    public static final int PAGE_SIZE = 100;

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final ObservableList<PostSummary> posts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Loading posts…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private String query = "";
    // When set, the list shows the posts of one import instead of a search.
    private final ReadOnlyStringWrapper importedFrom = new ReadOnlyStringWrapper();
    private long generation;
    private final javafx.beans.property.ObjectProperty<java.util.Set<String>> unsynced =
            new javafx.beans.property.SimpleObjectProperty<>(java.util.Set.of());

    private final javafx.beans.binding.StringBinding countText = javafx.beans.binding.Bindings.createStringBinding(() -> {
        int n = posts.size();
        String shown = n + (hasMore.get() ? "+" : "") + (n == 1 ? " post" : " posts");
        if (importedFrom.get() != null) {
            shown += " imported from " + importedFrom.get() + " (Esc in the search box shows all)";
        }
        return loading.get() ? "Loading…" : shown;
    }, posts, hasMore, loading, importedFrom);

    private final javafx.beans.property.ObjectProperty<ListFilter> filter =
            new javafx.beans.property.SimpleObjectProperty<>(ListFilter.ALL);

    public PostListViewModel(PostRepository repository, TaskExecutor executor) {
        this.repository = repository;
        this.executor = executor;
        filter.addListener((o, was, now) -> {
            if (now == null) {
                filter.set(ListFilter.ALL);
            } else {
                load();
            }
        });
    }

    /** All, Drafts or Published; changing it reloads the list (the search and an import view stay). */
    public javafx.beans.property.ObjectProperty<ListFilter> filterProperty() {
        return filter;
    }

    /** "100+ posts", "1 post imported from blog.db (Esc in the search box shows all)", "Loading…". */
    public javafx.beans.binding.StringBinding countTextProperty() {
        return countText;
    }

    /** Replaces the list with the first page of posts matching {@code text} (all posts when blank). */
    public void show(String text) {
        query = text == null ? "" : text;
        importedFrom.set(null);
        load();
    }

    /** Shows only the posts imported from {@code source} (a file name), until the next {@link #show}. */
    public void showImported(String source) {
        query = "";
        importedFrom.set(source);
        load();
    }

    private void load() {
        ++generation;
        fetchPage(0, posts::setAll);
    }

    public void refresh() {
        load();
    }

    /**
     * Reloads, then tells {@code hidden} if the post {@code id} is not in the list while a search, a tag
     * or the filter limits it (a post just saved that the search hides says so).
     */
    public void refreshShowing(String id, Consumer<String> hidden) {
        afterNextLoad = () -> {
            boolean limited = !query.isBlank() || filter.get() != ListFilter.ALL;
            if (limited && indexOf(id) < 0 && importedFrom.get() == null) {
                hidden.accept(filter.get() != ListFilter.ALL && query.isBlank()
                        ? "hidden by the " + filter.get().label() + " filter; choose All to see it"
                        : "hidden by the search; press Esc in the search box to show all posts");
            }
        };
        load();
    }

    private Runnable afterNextLoad = () -> { };

    /** Appends the next page; called when the user scrolls to the end of the list. */
    public void loadMore() {
        if (loading.get() || !hasMore.get()) {
            return;
        }
        fetchPage(posts.size(), posts::addAll);
    }

    /** Fetches a page for the current generation; {@code apply} runs only if no newer load started meanwhile. */
    private void fetchPage(int skip, Consumer<List<PostSummary>> apply) {
        long gen = generation;
        String q = query;
        String from = importedFrom.get();
        PostStatus only = filter.get().status();
        loading.set(true);
        executor.execute(() -> fetch(q, from, only, skip), page -> {
            if (gen != generation) {
                return;
            }
            apply.accept(page);
            hasMore.set(page.size() == PAGE_SIZE);
            finished(null);
            if (skip == 0) {
                Runnable after = afterNextLoad;
                afterNextLoad = () -> { };
                after.run();
            }
        }, failure -> {
            if (gen == generation) {
                finished(failure);
            }
        });
    }

    private List<PostSummary> fetch(String q, String from, PostStatus only, int skip) {
        List<PostSummary> page;
        if (from != null) {
            page = repository.listImported(from, skip, PAGE_SIZE); // one import's posts, whatever their status
        } else {
            page = repository.search(SearchQuery.parse(q).withStatus(only), skip, PAGE_SIZE);
        }
        // The list reads like a blog's index: the excerpt's Markdown reduced to its words, here off the FX thread.
        return page.stream().map(p -> new PostSummary(p.id(), p.title(), p.datePosted(), plainText(p.excerpt()), p.status(),
                        p.thumbnail()))
                .toList();
    }

    /**
     * Parsing an excerpt costs tens of microseconds (more before the JIT has warmed up), and a list shows
     * the same posts again and again (every save reloads it): each excerpt is converted once.
     */
    private final java.util.Map<String, String> plainExcerpts = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 4 * PAGE_SIZE * 10;
        }
    };

    private String plainText(String excerpt) {
        synchronized (plainExcerpts) {
            String known = plainExcerpts.get(excerpt);
            if (known != null) {
                return known;
            }
        }
        String plain = PlainText.of(excerpt);
        synchronized (plainExcerpts) {
            plainExcerpts.put(excerpt, plain);
        }
        return plain;
    }

    private void finished(Throwable failure) {
        loading.set(false);
        // Store failures already read "Could not list posts: <reason>"; other failures get that prefix here.
        String problem = failure == null ? "" : failure instanceof dev.blogdesk.store.StoreException
                ? failure.getMessage() : "Could not load posts: " + failure.getMessage();
        error.set(problem);
        if (failure != null) {
            placeholder.set(problem);
        } else if (importedFrom.get() != null) {
            placeholder.set("No posts were imported from " + importedFrom.get() + ".");
        } else if (query.isBlank() && filter.get() == ListFilter.ALL) {
            placeholder.set("No posts yet.\nPress Ctrl+N to write your first post.");
        } else if (query.isBlank()) {
            placeholder.set(filter.get() == ListFilter.DRAFTS ? "No drafts.\nA new post is a draft until you publish it."
                    : "Nothing published yet.\nOpen a draft and press Ctrl+Shift+P to publish it.");
        } else {
            placeholder.set("No " + (filter.get() == ListFilter.ALL ? "post" : filter.get() == ListFilter.DRAFTS
                    ? "draft" : "published post") + " contains “" + abbreviate(query) + "”.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    public int indexOf(String postId) {
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).id().equals(postId)) {
                return i;
            }
        }
        return -1;
    }

    /** Ids of posts saved here that the sync server does not have yet (empty without sync). */
    public javafx.beans.property.ObjectProperty<java.util.Set<String>> unsyncedProperty() {
        return unsynced;
    }

    public boolean isUnsynced(String postId) {
        java.util.Set<String> ids = unsynced.get();
        return ids != null && ids.contains(postId);
    }

    public ObservableList<PostSummary> posts() {
        return posts;
    }

    public String query() {
        return query;
    }

    /** The import source the list is limited to, or null. */
    public ReadOnlyStringProperty importedFromProperty() {
        return importedFrom.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
