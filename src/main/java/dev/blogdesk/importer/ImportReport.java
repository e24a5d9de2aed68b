package dev.blogdesk.importer;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, row by row accounted for. Printed by the CLI, shown and saved by the wizard.
 *
 * @param relatedRowsRead rows of related tables (tags, comments, users) read and embedded, per table
 */
public record ImportReport(String source, String table, SourceEngine engine, Outcome outcome, Counts counts, Verification verification,
                           Map<String, Long> relatedRowsRead, ProblemList problemList, long millis) {

    /** At most this many problems are listed one by one; the counts per reason are always complete. */
    public static final int MAX_LISTED_PROBLEMS = 10_000;

    public enum Outcome { IMPORTED, DRY_RUN, CANCELLED }

    /**
     * Rows of the posts table: read = inserted + updated + unchanged + skipped + failed. Of the rows in the
     * store (inserted, updated, unchanged), {@code drafts} are in {@code blogdb.drafts}, the rest published;
     * {@code undated} of the rows written have no {@code date_posted}; {@code revisions} earlier versions the old
     * blog kept of the new posts became their history; {@code alreadyImported} rows were recognised as imported
     * before from {@code otherFiles} (copies or snapshots of the same blog) and handled as {@code sameBlog} says;
     * {@code imagesImported} of the old site's images the posts link to were stored, {@code imagesNotFound} were not found;
     * {@code conversions} counts the posts converted to Markdown by the format they came in.
     */
    public record Counts(long read, long inserted, long updated, long unchanged, long skipped, long failed, long drafts,
                         long undated, long revisions, long alreadyImported, List<String> otherFiles,
                         ImportRequest.SameBlog sameBlog, long imagesImported, long imagesNotFound,
                         Map<String, Long> conversions) {
        public long published() {
            return inserted + updated + unchanged - drafts;
        }
    }

    /** Whether the stored documents were checked against the source, and what the check found. */
    public record Verification(boolean ok, String message) {
    }

    /** Problems per reason (complete), and the first {@link #MAX_LISTED_PROBLEMS} one by one. */
    public record ProblemList(Map<ImportProblem.Reason, Long> counts, List<ImportProblem> listed, long notListed) {
        public ProblemList {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            listed = List.copyOf(listed);
        }
    }

    public ImportReport {
        relatedRowsRead = Map.copyOf(relatedRowsRead);
    }

    public boolean dryRun() {
        return outcome == Outcome.DRY_RUN;
    }

    public boolean cancelled() {
        return outcome == Outcome.CANCELLED;
    }

    public long read() {
        return counts.read();
    }

    public long inserted() {
        return counts.inserted();
    }

    public long updated() {
        return counts.updated();
    }

    public long unchanged() {
        return counts.unchanged();
    }

    public long skipped() {
        return counts.skipped();
    }

    public long failed() {
        return counts.failed();
    }

    public boolean verified() {
        return verification.ok();
    }

    public Map<ImportProblem.Reason, Long> problemCounts() {
        return problemList.counts();
    }

    public List<ImportProblem> problems() {
        return problemList.listed();
    }

    public double rowsPerSecond() {
        return millis == 0 ? read() : read() * 1000.0 / millis;
    }

    public String toJson() {
        long read = read(), inserted = inserted(), updated = updated(), unchanged = unchanged(), skipped = skipped(),
                failed = failed();
        Document d = new Document("source", source).append("table", table)
                .append("engine", new Document("name", engine.name()).append("label", engine.label())).append("dry_run", dryRun())
                .append("cancelled", cancelled())
                .append("read", read).append("inserted", inserted).append("updated", updated)
                .append("unchanged", unchanged).append("skipped", skipped).append("failed", failed)
                .append("by_status", new Document("published", counts.published()).append("draft", counts.drafts()))
                .append("without_date", counts.undated()).append("revisions", counts.revisions())
                .append("already_imported", new Document("rows", counts.alreadyImported()).append("from", counts.otherFiles())
                        .append("action", counts.sameBlog().name().toLowerCase(java.util.Locale.ROOT)))
                .append("images", new Document("imported", counts.imagesImported()).append("not_found", counts.imagesNotFound()))
                .append("conversions", new Document(new java.util.TreeMap<String, Object>(counts.conversions())))
                .append("verified", verified()).append("verification", verification.message());
        Document tables = new Document(table, new Document("read", read).append("inserted", inserted)
                .append("updated", updated).append("unchanged", unchanged).append("skipped", skipped).append("failed", failed));
        relatedRowsRead.forEach((t, n) -> tables.append(t, new Document("read", n).append("embedded", true)));
        d.append("tables", tables);
        Document counts = new Document();
        problemCounts().forEach((reason, n) -> counts.append(reason.code(), n));
        d.append("problem_counts", counts);
        List<Document> list = new ArrayList<>();
        for (ImportProblem p : problems()) {
            list.add(new Document("table", p.table()).append("id", p.id()).append("reason", p.reason().code())
                    .append("message", p.message() + " " + capitalize(p.reason().outcome()) + "."));
        }
        d.append("problems", list).append("problems_not_listed", problemList.notListed()).append("millis", millis);
        return d.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build());
    }

    /** A few lines for people: the CLI without --json and the wizard's summary. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(dryRun() ? "Dry run of " : cancelled() ? "Cancelled import of " : "Imported ").append(source)
                .append(" (table ").append(table).append(")\n");
        sb.append("  ").append(engine.looksLike()).append('\n');
        sb.append(String.format("  read %d, inserted %d, updated %d, unchanged %d, skipped %d, failed %d  (%.0f rows/s)%n",
                read(), inserted(), updated(), unchanged(), skipped(), failed(), rowsPerSecond()));
        sb.append("  ").append(counts.published()).append(" published (blogdb.posts), ")
                .append(count(counts.drafts(), "draft", "drafts")).append(" (blogdb.drafts, never shown by the blog)\n");
        if (!counts.conversions().isEmpty()) {
            sb.append("  converted to Markdown: ").append(String.join(", ", new java.util.TreeMap<>(counts.conversions()).entrySet().stream()
                    .map(e -> count(e.getValue(), "post", "posts") + " from " + e.getKey()).toList())).append('\n');
        }
        if (counts.alreadyImported() > 0) {
            sb.append(String.format("  %s imported before from %s: %s%n", count(counts.alreadyImported(), "row was", "rows were"),
                    String.join(", ", counts.otherFiles()), switch (counts.sameBlog()) {
                        case UPDATE -> "their posts were updated where the row changed";
                        case NEW -> "imported again as new posts";
                        case SKIP -> "skipped";
                    }));
        }
        if (counts.imagesImported() + counts.imagesNotFound() > 0) {
            sb.append(String.format("  images of the old site: %d imported into GridFS, %d not imported (not found)%n",
                    counts.imagesImported(), counts.imagesNotFound()));
        }
        if (counts.revisions() > 0) {
            sb.append("  ").append(count(counts.revisions(), "earlier version", "earlier versions"))
                    .append(" from the old blog kept in the posts' history\n");
        }
        if (counts.undated() > 0) {
            sb.append("  ").append(count(counts.undated(), "post has", "posts have"))
                    .append(" no date (date_posted): set one in the post's details\n");
        }
        relatedRowsRead.forEach((t, n) -> sb.append("  ").append(t).append(": ").append(n).append(" rows read and embedded\n"));
        problemCounts().forEach((reason, n) -> sb.append("  ").append(n).append(" × ").append(reason.code())
                .append(": ").append(reason.outcome()).append('\n'));
        sb.append("  ").append(verification.message());
        return sb.toString();
    }

    /** The summary, then every listed problem on a line of its own: table, id, reason, message (tab-separated). */
    public String toText() {
        StringBuilder sb = new StringBuilder(summary()).append("\n\n");
        for (ImportProblem p : problems()) {
            sb.append(p.table()).append('\t').append(p.id()).append('\t').append(p.reason().code()).append('\t')
                    .append(p.message()).append('\n');
        }
        return sb.toString();
    }

    /** "1 draft", "2,000 drafts". */
    public static String count(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Collects problems while the import runs. */
    static final class Problems {
        final Map<ImportProblem.Reason, Long> counts = new EnumMap<>(ImportProblem.Reason.class);
        final List<ImportProblem> listed = new ArrayList<>();
        long notListed;

        synchronized void add(ImportProblem p) {
            counts.merge(p.reason(), 1L, Long::sum);
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                listed.add(p);
            } else {
                notListed++;
            }
        }

        synchronized void addAll(List<ImportProblem> ps) {
            ps.forEach(this::add);
        }

        synchronized ProblemList snapshot() {
            return new ProblemList(new LinkedHashMap<>(counts), listed, notListed);
        }
    }
}
