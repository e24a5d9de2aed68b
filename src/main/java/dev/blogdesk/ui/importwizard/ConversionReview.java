package dev.blogdesk.ui.importwizard;

import dev.blogdesk.importer.ImportRequest;
import dev.blogdesk.markdown.HtmlSanitizer;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewPage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.Document;

import java.util.List;

/**
 * The preview page's "Reads differently" tab: the converted posts whose Markdown, rendered, differs from
 * their original HTML, each shown side by side (the HTML as the old blog showed it, through the same
 * sanitizer as the preview, and the Markdown as BlogDesk will), with where they differ.
 */
public final class ConversionReview {

    private final MarkdownRenderer renderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final ObservableList<ImportRequest.Differing> posts = FXCollections.observableArrayList();
    private final ObjectProperty<ImportRequest.Differing> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper originalHtml = new ReadOnlyStringWrapper(PreviewPage.wrap("", ""));
    private final ReadOnlyStringWrapper convertedHtml = new ReadOnlyStringWrapper(PreviewPage.wrap("", ""));
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper("");

    ConversionReview(MarkdownRenderer renderer) {
        this.renderer = renderer;
        selected.addListener((o, old, now) -> show(now));
    }

    /** A dry run's findings: the first one is shown. */
    void setAll(List<ImportRequest.Differing> found) {
        posts.setAll(found);
        selected.set(found.isEmpty() ? null : found.get(0));
    }

    private void show(ImportRequest.Differing post) {
        if (post == null) {
            originalHtml.set(PreviewPage.wrap("", ""));
            convertedHtml.set(PreviewPage.wrap("", ""));
            difference.set("");
            return;
        }
        Document doc = post.document();
        String title = doc.getString("title");
        Document legacy = doc.get("legacy", Document.class);
        String original = post.renderedHtml() != null ? post.renderedHtml()
                : legacy == null || legacy.getString("original") == null ? doc.getString("content") : legacy.getString("original");
        originalHtml.set(PreviewPage.wrap(title, sanitizer.sanitize(original)));
        convertedHtml.set(PreviewPage.wrap(title, renderer.toSafeHtml(doc.getString("content"))));
        difference.set("“" + title + "” reads differently: " + post.difference() + ".");
    }

    /** For the list: the post's title. */
    static String titleOf(ImportRequest.Differing post) {
        return post.document().getString("title");
    }

    public ObservableList<ImportRequest.Differing> posts() { return posts; }
    public ObjectProperty<ImportRequest.Differing> selectedProperty() { return selected; }
    /** The original HTML, sanitized, as a page for the left-hand preview. */
    public ReadOnlyStringProperty originalHtmlProperty() { return originalHtml.getReadOnlyProperty(); }
    /** The converted Markdown, rendered, for the right-hand preview. */
    public ReadOnlyStringProperty convertedHtmlProperty() { return convertedHtml.getReadOnlyProperty(); }
    public ReadOnlyStringProperty differenceProperty() { return difference.getReadOnlyProperty(); }
}
