package dev.blogdesk.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage of posts. Implementations throw {@link StoreException} when the store cannot be reached. */
public interface PostRepository {

    /** Inserts a new post; the returned copy carries its id, dates and version 1. */
    Post create(String title, String content);

    Optional<Post> findById(String id);

    /**
     * Replaces the post if the stored version still equals {@code post.version()}.
     *
     * @return the stored copy with its new version and {@code updated_at}
     * @throws VersionConflictException when the post was changed or deleted elsewhere
     */
    Post update(Post post);

    /** Saves the post whatever its stored version is (the user chose to overwrite). */
    Post overwrite(Post post);

    /** Deletes the post and returns everything it held, so {@link #restore} can undo the delete. */
    Optional<DeletedPost> deleteForUndo(String id);

    /** Puts a deleted post back exactly as it was (same id, all fields). */
    void restore(DeletedPost deleted);

    /** Newest first. */
    List<PostSummary> list(int skip, int limit);

    /**
     * Posts that contain every term of {@code text} ({@link SearchQuery}: words, or "quoted phrases")
     * in their title or content, case-insensitively, newest first. Terms are matched literally, also
     * inside longer words: regular-expression characters have no meaning.
     */
    List<PostSummary> search(String text, int skip, int limit);

    /** Posts imported from the legacy source named {@code source} (its file name), newest first. */
    List<PostSummary> listImported(String source, int skip, int limit);

    long count();

    /** The stored document as relaxed Extended JSON, exactly as {@link #exportJson} prints it. */
    Optional<String> findJsonById(String id);

    /** Every stored document as relaxed Extended JSON, one string per document, newest first. */
    void exportJson(Consumer<String> sink);
}
