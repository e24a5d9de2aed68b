package dev.blogdesk.ui.search;

import dev.blogdesk.app.Debouncer;
import dev.blogdesk.ui.postlist.PostListViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The search box: what the user types filters the post list once typing pauses. */
public final class SearchViewModel {

    private final StringProperty text = new SimpleStringProperty("");

    public SearchViewModel(PostListViewModel postList, Debouncer debouncer) {
        text.addListener((obs, old, now) -> debouncer.submit(() -> postList.show(now)));
    }

    public StringProperty textProperty() {
        return text;
    }

    public void clear() {
        text.set("");
    }
}
