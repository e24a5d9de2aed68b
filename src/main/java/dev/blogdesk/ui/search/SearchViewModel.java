package dev.blogdesk.ui.search;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.ui.postlist.PostListViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The search box: what the user types filters the post list once typing pauses. */
public final class SearchViewModel {

    private final StringProperty text = new SimpleStringProperty("");
    private final PostListViewModel postList;

    public SearchViewModel(PostListViewModel postList, Debouncer debouncer) {
        this.postList = postList;
        text.addListener((obs, old, now) -> debouncer.submit(() -> postList.show(now)));
    }

    public StringProperty textProperty() {
        return text;
    }

    public void clear() {
        text.set("");
    }

    /** Esc in the box: clears the search, and a list limited to one import shows every post again. */
    public void escape() {
        clear();
        if (postList.importedFromProperty().get() != null) {
            postList.show("");
        }
    }
}
