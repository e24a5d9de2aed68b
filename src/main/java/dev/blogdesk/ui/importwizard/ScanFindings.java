package dev.blogdesk.ui.importwizard;

import dev.blogdesk.importer.ImportProblem;
import dev.blogdesk.importer.ImportReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the preview page says a dry run found, one line per finding. */
final class ScanFindings {

    private ScanFindings() {
    }

    static List<String> of(ImportReport dry) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d rows in %s: %,d new, %,d changed since the last import, %,d unchanged, %,d to skip.",
                dry.read(), dry.table(), dry.inserted(), dry.updated(), dry.unchanged(), dry.skipped()));
        lines.add(String.format(Locale.ROOT, "%,d published posts go to blogdb.posts; %,d drafts go to blogdb.drafts, "
                + "which the blog never shows.", dry.counts().published(), dry.counts().drafts()));
        if (dry.counts().alreadyImported() > 0) {
            lines.add(String.format(Locale.ROOT, "%,d rows were imported before from %s: %s", dry.counts().alreadyImported(),
                    String.join(", ", dry.counts().otherFiles()), switch (dry.counts().sameBlog()) {
                        case UPDATE -> "they are the same posts, updated only where the row changed.";
                        case NEW -> "they will be imported again, as new posts.";
                        case SKIP -> "they are skipped.";
                    }));
        }
        long pages = dry.problemCounts().getOrDefault(ImportProblem.Reason.PAGE_SKIPPED, 0L);
        if (pages > 0) {
            lines.add(String.format(Locale.ROOT, "%,d pages are skipped: go back and tick \"Import pages as posts\" to bring them in.",
                    pages));
        }
        if (dry.counts().undated() > 0) {
            lines.add(String.format(Locale.ROOT, "Warning: %,d posts will have no date. Map another date column, or set the dates "
                    + "in each post's details after the import.", dry.counts().undated()));
        }
        dry.relatedRowsRead().forEach((t, n) -> lines.add(String.format(Locale.ROOT, "%,d rows of %s are embedded into the posts.", n, t)));
        if (dry.problemCounts().isEmpty()) {
            lines.add("No problems found: every row goes in as it is.");
        }
        dry.problemCounts().forEach((reason, n) -> lines.add(String.format(Locale.ROOT, "%,d × %s: %s.", n, reason.code(), reason.outcome())));
        return lines;
    }
}
