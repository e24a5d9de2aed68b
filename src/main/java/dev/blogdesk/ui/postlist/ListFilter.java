package dev.blogdesk.ui.postlist;

import dev.blogdesk.store.PostStatus;

/** The list's filter by status. */
public enum ListFilter {
    ALL("All", null),
    DRAFTS("Drafts", PostStatus.DRAFT),
    PUBLISHED("Published", PostStatus.PUBLISHED);

    private final String label;
    private final PostStatus status;

    ListFilter(String label, PostStatus status) {
        this.label = label;
        this.status = status;
    }

    public String label() {
        return label;
    }

    /** The status the list is limited to, or null for every post. */
    public PostStatus status() {
        return status;
    }
}
