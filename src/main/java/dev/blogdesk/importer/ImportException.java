package dev.blogdesk.importer;

/** The import cannot run at all (bad source file, unreachable target). The message is for the user. */
public class ImportException extends RuntimeException {

    /** Stable codes, for the CLI's JSON and for tests. */
    public enum Code { UNREADABLE, NOT_SQLITE, TRUNCATED, CORRUPT, EMPTY, NO_POST_TABLE, LOCKED, BAD_MAPPING, TARGET }

    private final Code code;

    public ImportException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ImportException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
