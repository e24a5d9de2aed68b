package dev.blogdesk.ui.importwizard;

import dev.blogdesk.importer.ImportProblem;
import dev.blogdesk.importer.ImportReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the preview page says a dry run found, one line per finding; what the import page says as it goes. */
final class ScanFindings {

    private ScanFindings() {
    }

    static List<String> of(ImportReport dry) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d rows in %s: %,d new, %,d changed since the last import, %,d unchanged, %,d to skip.",
                dry.read(), dry.table(), dry.inserted(), dry.updated(), dry.unchanged(), dry.skipped()));
        lines.add(ImportReport.count(dry.counts().published(), "published post goes", "published posts go") + " to blogdb.posts; "
                + ImportReport.count(dry.counts().drafts(), "draft goes", "drafts go") + " to blogdb.drafts, which the blog never shows.");
        if (dry.counts().revisions() > 0) {
            lines.add(ImportReport.count(dry.counts().revisions(), "earlier version from the old blog goes",
                    "earlier versions from the old blog go") + " into the posts' history.");
        }
        if (dry.counts().alreadyImported() > 0) {
            lines.add(String.format(Locale.ROOT, "%s imported before from %s: %s",
                    ImportReport.count(dry.counts().alreadyImported(), "row was", "rows were"),
                    String.join(", ", dry.counts().otherFiles()), switch (dry.counts().sameBlog()) {
                        case UPDATE -> "the same posts, updated only where the row changed.";
                        case NEW -> "imported again, as new posts.";
                        case SKIP -> "skipped.";
                    }));
        }
        long pages = dry.problemCounts().getOrDefault(ImportProblem.Reason.PAGE_SKIPPED, 0L);
        if (pages > 0) {
            lines.add(ImportReport.count(pages, "page is", "pages are") + " skipped: go back and tick \"Import pages as posts\" "
                    + "to bring " + (pages == 1 ? "it" : "them") + " in.");
        }
        if (dry.counts().undated() > 0) {
            lines.add("Warning: " + ImportReport.count(dry.counts().undated(), "post", "posts") + " will have no date. Map another date "
                    + "column, or set the dates in each post's details after the import.");
        }
        dry.relatedRowsRead().forEach((t, n) -> lines.add(String.format(Locale.ROOT, "%,d rows of %s are embedded into the posts.", n, t)));
        if (dry.problemCounts().isEmpty()) {
            lines.add("No problems found: every row goes in as it is.");
        }
        dry.problemCounts().forEach((reason, n) -> lines.add(String.format(Locale.ROOT, "%,d × %s: %s.", n, reason.code(), reason.outcome())));
        return lines;
    }

    /** "1,000 of 5,000 rows imported · 800 rows/s · about 5 s left". */
    static String importing(long written, long total, double seconds) {
        double rate = written / Math.max(1e-3, seconds);
        long eta = rate > 0 && total > written ? Math.round((total - written) / rate) : 0;
        return String.format(Locale.ROOT, "%,d of %,d rows imported · %,.0f rows/s · about %d s left", written, total, rate, eta);
    }
}
