package dev.blogdesk.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage of posts. Implementations throw {@link StoreException} when the store cannot be reached. */
public interface PostRepository {

    /** Inserts a new post as a draft; the returned copy carries its id, dates and version 1. */
    default Post create(String title, String content) {
        return create(Post.unsaved(title, content));
    }

    /**
     * Inserts {@code post} (its text, details and date; {@code date_posted} is now if it has none) as a
     * new draft; the returned copy carries its id, dates and version 1.
     */
    Post create(Post post);

    /** Whether a post other than {@code exceptId} (null: any post) has {@code slug}. */
    boolean slugInUse(String slug, String exceptId);

    /** Every tag some post has, each once, in alphabetical order (for completion). */
    List<String> tagsInUse();

    /**
     * Moves a draft into the published posts (same {@code _id}, {@code status: "published"}) if its
     * stored version still equals {@code post.version()}. A move cut short by a crash leaves both copies
     * for a moment; the published one is the post, and the next start removes the other.
     *
     * @return the published copy with its new version
     * @throws VersionConflictException when the draft was changed, moved or deleted elsewhere
     */
    Post publish(Post post);

    /** Moves a published post back to the drafts, the same way round as {@link #publish}. */
    Post unpublish(Post post);

    Optional<Post> findById(String id);

    /**
     * Replaces the post if the stored version still equals {@code post.version()}.
     *
     * @return the stored copy with its new version and {@code updated_at}
     * @throws VersionConflictException when the post was changed or deleted elsewhere
     */
    Post update(Post post);

    /** {@link #update}, with the history saying why the post was saved (a restore from it, say). */
    default Post update(Post post, RevisionSource source) {
        return update(post);
    }

    /** Saves the post whatever its stored version is (the user chose to overwrite). */
    Post overwrite(Post post);

    /** Deletes the post and returns everything it held, so {@link #restore} can undo the delete. */
    Optional<DeletedPost> deleteForUndo(String id);

    /** Puts a deleted post back exactly as it was (same id, all fields). */
    void restore(DeletedPost deleted);

    /** Drafts and published posts, newest first. */
    default List<PostSummary> list(int skip, int limit) {
        return search(SearchQuery.ALL, skip, limit);
    }

    /**
     * Posts that contain every term of {@code text} ({@link SearchQuery}: words, or "quoted phrases")
     * in their title or content, case-insensitively, newest first. Terms are matched literally, also
     * inside longer words: regular-expression characters have no meaning.
     */
    default List<PostSummary> search(String text, int skip, int limit) {
        return search(SearchQuery.parse(text), skip, limit);
    }

    /** Posts matching {@code query} (its terms and its status filter), newest first. */
    List<PostSummary> search(SearchQuery query, int skip, int limit);

    /** Posts imported from the legacy source named {@code source} (its file name), newest first. */
    List<PostSummary> listImported(String source, int skip, int limit);

    /** Drafts and published posts. */
    long count();

    /** The stored document as relaxed Extended JSON, exactly as {@link #exportJson} prints it. */
    Optional<String> findJsonById(String id);

    /**
     * Every stored document with {@code status} (null: drafts and published posts) as relaxed Extended
     * JSON, one string per document, newest first; each carries its {@code status}.
     */
    void exportJson(PostStatus status, Consumer<String> sink);
}
