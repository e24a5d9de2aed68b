package dev.blogdesk.importer;

/**
 * The blog engine a database looks like it came from, recognised from its tables and columns, with
 * what BlogDesk reads differently for it. {@code label} is for people: "Ghost 1–4 (mobiledoc)".
 *
 * @param titleFromContent an empty title is taken from the post's first line (WriteFreely shows it so)
 */
public record SourceEngine(String name, String label, boolean titleFromContent) {

    static final SourceEngine GENERIC = new SourceEngine("generic", "a blog BlogDesk matched by its column names", false);

    static SourceEngine of(String name, String label) {
        return new SourceEngine(name, label, false);
    }

    /** "Looks like Ghost 1–4 (mobiledoc)". */
    public String looksLike() {
        return this == GENERIC || "generic".equals(name) ? "Not a blog engine BlogDesk knows: the columns were matched by their names"
                : "Looks like " + label;
    }
}
