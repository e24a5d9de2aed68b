package dev.blogdesk.importer;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did, row by row accounted for. Printed by the CLI, shown and saved by the wizard. */
public record ImportReport(
        String source,
        String table,
        boolean dryRun,
        boolean cancelled,
        long read,
        long inserted,
        long updated,
        long unchanged,
        long skipped,
        long failed,
        boolean verified,
        String verification,
        Map<String, Long> relatedRowsRead,
        Map<ImportProblem.Reason, Long> problemCounts,
        List<ImportProblem> problems,
        long problemsNotListed,
        long millis) {

    /** At most this many problems are listed one by one; the counts per reason are always complete. */
    public static final int MAX_LISTED_PROBLEMS = 10_000;

    public double rowsPerSecond() {
        return millis == 0 ? read : read * 1000.0 / millis;
    }

    public String toJson() {
        Document d = new Document("source", source).append("table", table).append("dry_run", dryRun)
                .append("cancelled", cancelled)
                .append("read", read).append("inserted", inserted).append("updated", updated)
                .append("unchanged", unchanged).append("skipped", skipped).append("failed", failed)
                .append("verified", verified).append("verification", verification);
        Document tables = new Document(table, new Document("read", read).append("inserted", inserted)
                .append("updated", updated).append("unchanged", unchanged).append("skipped", skipped).append("failed", failed));
        relatedRowsRead.forEach((t, n) -> tables.append(t, new Document("read", n).append("embedded", true)));
        d.append("tables", tables);
        Document counts = new Document();
        problemCounts.forEach((reason, n) -> counts.append(reason.code(), n));
        d.append("problem_counts", counts);
        List<Document> list = new ArrayList<>();
        for (ImportProblem p : problems) {
            list.add(new Document("table", p.table()).append("id", p.id()).append("reason", p.reason().code())
                    .append("message", p.message() + " " + capitalize(p.reason().outcome()) + "."));
        }
        d.append("problems", list).append("problems_not_listed", problemsNotListed).append("millis", millis);
        return d.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build());
    }

    /** A few lines for people: the CLI without --json and the wizard's summary. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(dryRun ? "Dry run of " : cancelled ? "Cancelled import of " : "Imported ").append(source)
                .append(" (table ").append(table).append(")\n");
        sb.append(String.format("  read %d, inserted %d, updated %d, unchanged %d, skipped %d, failed %d  (%.0f rows/s)%n",
                read, inserted, updated, unchanged, skipped, failed, rowsPerSecond()));
        relatedRowsRead.forEach((t, n) -> sb.append("  ").append(t).append(": ").append(n).append(" rows read and embedded\n"));
        problemCounts.forEach((reason, n) -> sb.append("  ").append(n).append(" × ").append(reason.code())
                .append(": ").append(reason.outcome()).append('\n'));
        sb.append("  ").append(verification);
        return sb.toString();
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

        synchronized Map<ImportProblem.Reason, Long> countsCopy() {
            return new LinkedHashMap<>(counts);
        }
    }
}
