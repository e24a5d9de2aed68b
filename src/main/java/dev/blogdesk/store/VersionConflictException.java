package dev.blogdesk.store;

/** A save matched no {_id, version}: someone else changed or deleted the post since it was loaded. */
public class VersionConflictException extends StoreException {
    private final String postId;

    public VersionConflictException(String postId) {
        super("This post was changed or deleted elsewhere since you opened it.");
        this.postId = postId;
    }

    public String postId() {
        return postId;
    }
}
