package dev.blogdesk.importer;

/** Hears how far an import got; called from the importing thread after every batch. */
@FunctionalInterface
public interface ImportProgress {

    /** For callers that do not show progress. */
    ImportProgress NONE = (read, written, total) -> { };

    void progress(long read, long written, long total);
}
