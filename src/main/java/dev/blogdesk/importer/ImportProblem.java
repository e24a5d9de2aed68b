package dev.blogdesk.importer;

/** One row that did not go in as it was, with a stable reason code and what happened to it. */
public record ImportProblem(String table, Object id, Reason reason, String message) {

    public enum Reason {
        INVALID_DATE("invalid_date", "imported without date_posted; the original text is kept in legacy.date_raw"),
        MISSING_DATE("missing_date", "imported without date_posted"),
        INVALID_UTF8("invalid_utf8", "imported with U+FFFD in place of the bad bytes; the original bytes are kept in legacy.raw"),
        MISSING_TITLE("missing_title", "imported with an empty title"),
        MISSING_CONTENT("missing_content", "imported with empty content"),
        NOT_A_POST("not_a_post", "skipped: a revision, attachment, menu item, auto-draft or trashed row at the source, not a post"),
        PAGE_SKIPPED("page_skipped", "skipped: a page, not a post; import again with pages included to bring the pages in as posts"),
        ALREADY_IMPORTED("already_imported", "skipped: the same post was imported from another file of this blog"),
        TOO_LARGE("too_large", "skipped: a MongoDB document holds at most 16 MB"),
        DUPLICATE_ID("duplicate_id", "skipped: an earlier row has the same id and was imported"),
        MISSING_ID("missing_id", "skipped: the row has no id, so a re-run could not recognise it"),
        CONVERSION_DIFFERS("conversion_differs", "converted from HTML to Markdown, which reads differently from the original "
                + "(kept in legacy.original); check the post, or import again with the HTML kept as it is"),
        IMAGE_NOT_FOUND("image_not_found", "imported with its links to the old site's images as they were: the images were "
                + "not found; give the old site's folder (--site-folder) to bring them in"),
        COMMENTS_CAPPED("comments_capped", "imported with only the comments that fit in 16 MB"),
        UNKNOWN_AUTHOR("unknown_author", "imported without an author: the referenced user does not exist"),
        VERIFY_MISMATCH("verify_mismatch", "the stored document differs from the source row"),
        WRITE_FAILED("write_failed", "the store refused the document"),
        DAMAGED_TABLE("damaged_table", "not read: SQLite cannot read this table, the posts were imported without it"),
        DAMAGED_FILE("damaged_file", "the file is damaged outside the post rows; every post row read cleanly and was imported");

        private final String code;
        private final String outcome;

        Reason(String code, String outcome) {
            this.code = code;
            this.outcome = outcome;
        }

        public String code() {
            return code;
        }

        /** What the import does with such a row. */
        public String outcome() {
            return outcome;
        }

        public boolean skipsRow() {
            return this == TOO_LARGE || this == DUPLICATE_ID || this == MISSING_ID || this == NOT_A_POST
                    || this == PAGE_SKIPPED
                    || this == ALREADY_IMPORTED;
        }
    }
}
