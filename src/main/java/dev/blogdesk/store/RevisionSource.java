package dev.blogdesk.store;

/** What wrote a revision; stored as {@code source} in lower case. */
public enum RevisionSource {
    SAVE("Saved"), PUBLISH("Published"), UNPUBLISH("Unpublished"), IMPORT("Imported"),
    SYNC("Changed elsewhere"), CONFLICT("Conflict resolved"), RESTORE("Restored");

    private final String label;

    RevisionSource(String label) {
        this.label = label;
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How the history panel names it. */
    public String label() {
        return label;
    }

    /** The source a stored {@code source} names; one this version does not know reads as a save. */
    public static RevisionSource of(String value) {
        for (RevisionSource s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        return SAVE;
    }
}
