package dev.blogdesk.ui.importwizard;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.importer.ImportException;
import dev.blogdesk.importer.ImportProblem;
import dev.blogdesk.importer.ImportReport;
import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.importer.MappingPlan;
import dev.blogdesk.importer.SqliteInspector;
import dev.blogdesk.importer.SqliteSchema;
import dev.blogdesk.markdown.MarkdownRenderer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File → Import SQLite blog…: choose the file, check and change the mapping, preview the documents
 * and what will happen to problem rows, import with progress and cancel, then read (and save) the report.
 */
public final class ImportWizardViewModel {

    public enum Page { CHOOSE, MAPPING, PREVIEW, IMPORTING, REPORT }

    public static final String NO_COLUMN = "(none)";
    static final int SAMPLE_SIZE = 5;

    private final ImportEngine engine;
    private final TaskExecutor executor;
    private final MarkdownRenderer renderer;
    private final Consumer<String> showImported;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.CHOOSE);
    private final StringProperty path = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    private final ObservableList<TableRow> tables = FXCollections.observableArrayList();
    private final ObjectProperty<String> table = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> optionalColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> titleColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<String> contentColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<String> dateColumn = new SimpleObjectProperty<>(NO_COLUMN);
    private final StringProperty zone = new SimpleStringProperty("UTC");
    private final BooleanProperty includeAuthor = new SimpleBooleanProperty(true);
    private final BooleanProperty includeTags = new SimpleBooleanProperty(true);
    private final BooleanProperty includeComments = new SimpleBooleanProperty(true);
    private final BooleanProperty keepHtml = new SimpleBooleanProperty(false);
    private final BooleanProperty importPages = new SimpleBooleanProperty(false);
    private final ObjectProperty<ImportRequest.SameBlog> sameBlog = new SimpleObjectProperty<>(ImportRequest.SameBlog.UPDATE);
    private final StringProperty siteFolder = new SimpleStringProperty("");
    private Supplier<String> imagePrefix = () -> "/uploads/";
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tagsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commentsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper damageNotice = new ReadOnlyStringWrapper("");

    private final SampleReview samples;
    private final ConversionReview conversions;
    private final ObservableList<String> scan = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();

    private SqliteSchema schema;
    private MappingPlan proposed;
    private Path file;
    private AtomicBoolean cancel = new AtomicBoolean();
    private final BooleanBinding canGoNext;

    public ImportWizardViewModel(ImportEngine engine, TaskExecutor executor, MarkdownRenderer renderer, Consumer<String> showImported) {
        this.engine = engine;
        this.executor = executor;
        this.renderer = renderer;
        this.showImported = showImported;
        this.conversions = new ConversionReview(renderer);
        this.samples = new SampleReview(renderer);
        table.addListener((o, old, now) -> {
            if (now != null && schema != null && !now.equals(proposed == null ? null : proposed.table())) {
                proposeFor(now);
            }
        });
        canGoNext = Bindings.createBooleanBinding(() -> !busy.get() && switch (page.get()) {
            case CHOOSE -> !path.get().isBlank();
            case MAPPING -> titleColumn.get() != null && contentColumn.get() != null && zoneIsValid();
            case PREVIEW -> true;
            default -> false;
        }, busy, page, path, titleColumn, contentColumn, zone);
    }

    // ---- page 1: the file

    /** Checks and inspects the file; on success goes to the mapping page, otherwise says what is wrong. */
    public void choose(Path chosen) {
        path.set(chosen.toString());
        next();
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (page.get()) {
            case CHOOSE -> inspect(Path.of(path.get().strip()));
            case MAPPING -> startScan();
            case PREVIEW -> startImport();
            default -> { }
        }
    }

    public void back() {
        if (busy.get()) {
            return;
        }
        switch (page.get()) {
            case MAPPING -> page.set(Page.CHOOSE);
            case PREVIEW -> page.set(Page.MAPPING);
            default -> { }
        }
    }

    private void inspect(Path chosen) {
        error.set("");
        busy.set(true);
        progressText.set("Checking " + chosen.getFileName() + "…");
        executor.execute(() -> engine.inspect(chosen, null), inspection -> {
            busy.set(false);
            progressText.set("");
            file = chosen;
            schema = inspection.schema();
            damageNotice.set(inspection.damage().map(d -> "This file is damaged (SQLite reports: " + d + "). BlogDesk can still "
                    + "import the post rows that read cleanly: it reads all of them before writing anything, and lists what it "
                    + "could not read in the report. If a post row cannot be read, nothing is written.").orElse(""));
            tables.setAll(schema.tables().stream().map(t -> new TableRow(t.name(), t.rowCount())).toList());
            apply(inspection.plan());
            page.set(Page.MAPPING);
        }, failure -> {
            busy.set(false);
            progressText.set("");
            error.set(failure instanceof ImportException ? failure.getMessage()
                    : "BlogDesk could not read this file: " + failure.getMessage());
        });
    }

    // ---- page 2: the mapping

    private void proposeFor(String tableName) {
        try {
            apply(SqliteInspector.propose(schema, tableName));
            error.set("");
        } catch (ImportException e) {
            // Not post-shaped: let the user pick the columns by hand.
            SqliteSchema.Table t = schema.table(tableName).orElseThrow();
            proposed = new MappingPlan(t.name(), t.integerPrimaryKey().map(SqliteSchema.Column::name), "", "", java.util.List.of(),
                    Optional.empty(), Optional.empty(), ZoneId.of("UTC"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            setColumns(t);
            titleColumn.set(null);
            contentColumn.set(null);
            dateColumn.set(NO_COLUMN);
            describeRelations(proposed);
            engineText.set(SqliteInspector.engine(schema, proposed).looksLike());
            error.set(e.getMessage() + " Choose the columns below.");
        }
    }

    private void apply(MappingPlan plan) {
        proposed = plan;
        setColumns(schema.table(plan.table()).orElseThrow());
        table.set(plan.table());
        titleColumn.set(plan.titleColumn());
        contentColumn.set(plan.contentColumn());
        dateColumn.set(plan.dateColumn().orElse(NO_COLUMN));
        engineText.set(SqliteInspector.engine(schema, plan).looksLike());
        describeRelations(plan);
    }

    private void setColumns(SqliteSchema.Table t) {
        // Password and e-mail columns are never offered: they must not end up in posts.
        List<String> usable = t.columnNames().stream().filter(c -> !SqliteInspector.isPrivate(c)).toList();
        columns.setAll(usable);
        optionalColumns.setAll(NO_COLUMN);
        optionalColumns.addAll(usable);
    }

    private void describeRelations(MappingPlan plan) {
        authorText.set(plan.author().map(a -> "Author: " + a.describe(plan.table()) + " (never passwords or e-mails)")
                .orElse("Author: none found"));
        tagsText.set(plan.tags().map(t -> "Tags: " + t.describe()).orElse("Tags: none found"));
        commentsText.set(plan.comments().map(c -> "Comments: " + c.table() + "." + c.bodyColumn() + " by " + c.table() + "." + c.postColumn())
                .orElse("Comments: none found"));
        includeAuthor.set(plan.author().isPresent());
        includeTags.set(plan.tags().isPresent());
        includeComments.set(plan.comments().isPresent());
    }

    private boolean zoneIsValid() {
        try {
            ZoneId.of(zone.get().strip());
            return true;
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }

    /** The plan as the user set it on the mapping page. */
    public MappingPlan plan() {
        Optional<String> date = NO_COLUMN.equals(dateColumn.get()) || dateColumn.get() == null ? Optional.empty() : Optional.of(dateColumn.get());
        return proposed.withTitle(titleColumn.get()).withContent(contentColumn.get()).withDate(date)
                .withZone(ZoneId.of(zone.get().strip()))
                .withAuthor(includeAuthor.get() ? proposed.author() : Optional.empty())
                .withTags(includeTags.get() ? proposed.tags() : Optional.empty())
                .withComments(includeComments.get() ? proposed.comments() : Optional.empty());
    }

    // ---- page 3: preview (a dry run over every row)

    private void startScan() {
        MappingPlan plan = plan();
        error.set("");
        busy.set(true);
        samples.setAll(List.of());
        cancel = new AtomicBoolean();
        AtomicBoolean mine = cancel;
        progress.set(-1);
        progressText.set("Reading every row to find problems…");
        List<Document> collected = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ImportRequest.Differing> differing = new java.util.concurrent.CopyOnWriteArrayList<>();
        executor.execute(() -> engine.run(request(plan).asDryRun().cancelledBy(mine).sampling(SAMPLE_SIZE, collected::add)
                        .reportingDiffering(differing::add),
                this::onScanProgress), dry -> {
            busy.set(false);
            progressText.set("");
            samples.setAll(collected);
            conversions.setAll(differing);
            scan.setAll(ScanFindings.of(dry));
            page.set(mine.get() ? Page.MAPPING : Page.PREVIEW);
        }, this::failed);
    }

    /** The request the mapping page's choices make. */
    private ImportRequest request(MappingPlan plan) {
        String folder = siteFolder.get() == null ? "" : siteFolder.get().strip();
        return ImportRequest.of(file, plan).keepingHtml(keepHtml.get()).includingPages(importPages.get()).withSameBlog(sameBlog.get())
                .withImages(folder.isEmpty() ? null : Path.of(folder), imagePrefix.get());
    }

    /** Where the image URL prefix comes from (Settings); {@code /uploads/} until set. */
    public void useImagePrefix(Supplier<String> prefix) {
        this.imagePrefix = prefix;
    }

    // ---- page 4: import

    private void startImport() {
        MappingPlan plan = plan();
        page.set(Page.IMPORTING);
        busy.set(true);
        cancel = new AtomicBoolean();
        AtomicBoolean mine = cancel;
        progress.set(0);
        progressText.set("Copying the source…");
        long started = System.nanoTime();
        executor.execute(() -> engine.run(request(plan).cancelledBy(mine),
                        (read, written, total) -> onProgress(read, written, total, started)),
                done -> {
                    busy.set(false);
                    report.set(done);
                    problems.setAll(done.problems());
                    page.set(Page.REPORT);
                }, failure -> {
                    failed(failure);
                    page.set(Page.PREVIEW);
                });
    }

    private void onScanProgress(long read, long written, long total) {
        executor.runOnUi(() -> {
            progress.set(total == 0 ? -1 : Math.min(1.0, (double) read / total));
            progressText.set(String.format(Locale.ROOT, "Checked %,d of %,d rows…", read, total));
        });
    }

    private void onProgress(long read, long written, long total, long started) {
        String text = ScanFindings.importing(written, total, (System.nanoTime() - started) / 1e9);
        executor.runOnUi(() -> {
            progress.set(total == 0 ? 1 : Math.min(1.0, (double) written / total));
            progressText.set(text);
        });
    }

    private void failed(Throwable failure) {
        busy.set(false);
        progressText.set("");
        error.set(failure instanceof ImportException ? failure.getMessage() : "The import failed: " + failure.getMessage());
    }

    /** Stops the scan or the import between batches; what was written stays and a re-run finishes it. */
    public void cancel() {
        cancel.set(true);
    }

    // ---- page 5: report

    public void saveReport(Path target) throws IOException {
        ImportReport r = report.get();
        if (r == null) {
            return;
        }
        String text = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? r.toJson() : r.toText();
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    public void showImportedPosts() {
        ImportReport r = report.get();
        if (r != null) {
            showImported.accept(r.source());
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }
    public StringProperty pathProperty() { return path; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public BooleanBinding canGoNextProperty() { return canGoNext; }
    public ObservableList<TableRow> tables() { return tables; }
    public ObjectProperty<String> tableProperty() { return table; }
    public ObservableList<String> columns() { return columns; }
    public ObservableList<String> optionalColumns() { return optionalColumns; }
    public ObjectProperty<String> titleColumnProperty() { return titleColumn; }
    public ObjectProperty<String> contentColumnProperty() { return contentColumn; }
    public ObjectProperty<String> dateColumnProperty() { return dateColumn; }
    public StringProperty zoneProperty() { return zone; }
    public BooleanProperty includeAuthorProperty() { return includeAuthor; }
    public BooleanProperty includeTagsProperty() { return includeTags; }
    public BooleanProperty includeCommentsProperty() { return includeComments; }
    /** HTML content kept as it is; by default it is converted to Markdown (the original kept in legacy.original). */
    public BooleanProperty keepHtmlProperty() { return keepHtml; }
    /** What becomes of rows another file of the same blog was imported from; by default their posts are updated. */
    public ObjectProperty<ImportRequest.SameBlog> sameBlogProperty() { return sameBlog; }
    /** The old site's folder, where the images the posts link to are looked for; empty: none. */
    public StringProperty siteFolderProperty() { return siteFolder; }
    /** Pages imported as posts; by default they are skipped and counted. */
    public BooleanProperty importPagesProperty() { return importPages; }
    /** "Looks like Ghost 1–4 (mobiledoc)": the engine the chosen table seems to come from. */
    public ReadOnlyStringProperty engineTextProperty() { return engineText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty authorTextProperty() { return authorText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tagsTextProperty() { return tagsText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty commentsTextProperty() { return commentsText.getReadOnlyProperty(); }
    /** What SQLite's check found wrong with the chosen file; empty when it is whole. */
    public ReadOnlyStringProperty damageNoticeProperty() { return damageNotice.getReadOnlyProperty(); }
    /** The first documents of the scan, as they will be stored. */
    public SampleReview samples() { return samples; }
    /** The converted posts the scan found reading differently from their HTML, side by side. */
    public ConversionReview conversions() { return conversions; }
    public ObservableList<String> scanFindings() { return scan; }
    public ReadOnlyObjectProperty<ImportReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ObservableList<ImportProblem> problems() { return problems; }
}
