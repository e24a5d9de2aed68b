package dev.blogdesk.ui.importwizard;

import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.markdown.PreviewPage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.List;

/** The preview page's first tab: the first documents exactly as they will be stored, as JSON and rendered. */
public final class SampleReview {

    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build();

    private final ObservableList<Document> samples = FXCollections.observableArrayList();
    private final ObjectProperty<Document> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper html = new ReadOnlyStringWrapper(PreviewPage.wrap("", ""));

    SampleReview(MarkdownRenderer renderer) {
        selected.addListener((o, old, doc) -> {
            json.set(doc == null ? "" : doc.toJson(PRETTY));
            html.set(doc == null ? PreviewPage.wrap("", "")
                    : PreviewPage.wrap(doc.getString("title"), renderer.toSafeHtml(doc.getString("content"))));
        });
    }

    /** A dry run's first documents: the first one is shown. */
    void setAll(List<Document> found) {
        samples.setAll(found);
        selected.set(found.isEmpty() ? null : found.get(0));
    }

    public ObservableList<Document> samples() { return samples; }
    public ObjectProperty<Document> selectedProperty() { return selected; }
    public ReadOnlyStringProperty jsonProperty() { return json.getReadOnlyProperty(); }
    public ReadOnlyStringProperty htmlProperty() { return html.getReadOnlyProperty(); }
}
