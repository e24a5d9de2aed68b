package dev.blogdesk.ui.importwizard;

import java.util.Locale;

/** A source table and its row count, for the mapping page. */
public record TableRow(String name, long rows) {
    @Override
    public String toString() {
        return rows < 0 ? name + "  (damaged)"
                : name + "  (" + String.format(Locale.ROOT, "%,d", rows) + " rows)";
    }
}
