package dev.blogdesk.importer;

import org.bson.Document;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What to import and how: the SQLite file, the mapping (null: the proposed one), whether to write at
 * all, a flag that stops the import between batches, and where the first documents go for a preview.
 */
public record ImportRequest(Path file, MappingPlan plan, boolean dryRun, AtomicBoolean cancel,
                            int sampleSize, Consumer<Document> sample, boolean keepHtml,
                            boolean importPages, SameBlog sameBlog, Path siteFolder, String imagePrefix,
                            Consumer<Differing> differing) {

    /** At most this many converted posts that read differently from their HTML go to {@link #differing}. */
    public static final int MAX_DIFFERING = 100;

    /**
     * A post whose converted Markdown reads differently from its original HTML, as it will be stored, and how.
     * {@code renderedHtml}: the page the old blog rendered from the post's lexical or mobiledoc, else null.
     */
    public record Differing(Document document, String difference, String renderedHtml) {
    }

    /** What becomes of a row another file of the same blog (a copy, a snapshot) was already imported from. */
    public enum SameBlog {
        /** The post it became is the post: left alone if the row is the same, updated if it changed. */
        UPDATE,
        /** Imported again as a post of its own. */
        NEW,
        /** Left out, and counted. */
        SKIP
    }

    /**
     * A full import of {@code file} with {@code plan} (null: the proposed mapping), not cancelled, no
     * sample; HTML content is converted to Markdown, pages are skipped, rows already imported from another
     * file update the posts they became.
     */
    public static ImportRequest of(Path file, MappingPlan plan) {
        return new ImportRequest(file, plan, false, new AtomicBoolean(), 0, d -> { }, false, false, SameBlog.UPDATE, null, "/uploads/",
                d -> { });
    }

    /**
     * As this, with HTML content kept as it is ({@code true}) or converted to Markdown. A re-run applies
     * a changed choice only to rows new or changed at the source: posts already imported stay as they are.
     */
    public ImportRequest keepingHtml(boolean keep) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keep, importPages, sameBlog, siteFolder, imagePrefix, differing);
    }

    /** As this, with pages imported as posts ({@code true}) or skipped and counted (the default). */
    public ImportRequest includingPages(boolean pages) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keepHtml, pages, sameBlog, siteFolder, imagePrefix, differing);
    }

    /** As this, with rows already imported from another file of the same blog handled as {@code choice} says. */
    public ImportRequest withSameBlog(SameBlog choice) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keepHtml, importPages, choice, siteFolder, imagePrefix, differing);
    }

    /**
     * As this, with the old site's folder ({@code null}: none) where the images its posts link to are
     * looked for, and the URL prefix the links to the stored copies get.
     */
    public ImportRequest withImages(Path folder, String prefix) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keepHtml, importPages, sameBlog, folder, prefix, differing);
    }

    /** The first {@value #MAX_DIFFERING} converted posts that read differently go to {@code sink} (for a side-by-side look). */
    public ImportRequest reportingDiffering(Consumer<Differing> sink) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keepHtml, importPages, sameBlog, siteFolder,
                imagePrefix, sink);
    }

    /** Read, check and count everything; write nothing. */
    public ImportRequest asDryRun() {
        return withDryRun(true);
    }

    /** As this, but written only if {@code dryRun} is false. */
    public ImportRequest withDryRun(boolean dryRun) {
        return new ImportRequest(file, plan, dryRun, cancel, sampleSize, sample, keepHtml, importPages, sameBlog, siteFolder, imagePrefix, differing);
    }

    /** Setting {@code flag} stops the import between batches; what was written is kept. */
    public ImportRequest cancelledBy(AtomicBoolean flag) {
        return new ImportRequest(file, plan, dryRun, flag, sampleSize, sample, keepHtml, importPages, sameBlog, siteFolder, imagePrefix, differing);
    }

    /** The first {@code count} documents, as they will be stored, go to {@code sink}. */
    public ImportRequest sampling(int count, Consumer<Document> sink) {
        return new ImportRequest(file, plan, dryRun, cancel, count, sink, keepHtml, importPages, sameBlog, siteFolder, imagePrefix, differing);
    }
}
