package dev.blogdesk.app;

/** Runs an action once input has been quiet for a while; each new call replaces the pending one. */
public interface Debouncer {

    void submit(Runnable action);

    /** For tests and the command line: runs at once. */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
