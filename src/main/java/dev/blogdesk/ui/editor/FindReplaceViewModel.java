package dev.blogdesk.ui.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;

/**
 * The find and replace bar of the open post: what to find and replace, where the hits are in the
 * text, which one is selected, and the edits Replace and Replace All make. The view hands in the
 * text and selection and applies what comes back; this class holds every rule.
 */
public final class FindReplaceViewModel {

    /** A range of the text to select. */
    public record Range(int start, int end) {
    }

    /** An edit of the whole text (one undo step) and what to tell the user. */
    public record Replacement(String text, int count) {
    }

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final BooleanProperty matchCase = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper replacing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private List<Integer> hits = List.of();

    /**
     * Shows the bar, with Replace when {@code withReplace}. A one-line selection becomes the query.
     */
    public void open(boolean withReplace, String selected) {
        visible.set(true);
        replacing.set(withReplace);
        if (!selected.isEmpty() && !selected.contains("\n")) {
            query.set(selected);
        }
    }

    public void close() {
        visible.set(false);
    }

    /** Finds every hit again in {@code text}, and says where the selection stands among them. */
    public void refresh(String text, int selectionStart, int selectionLength) {
        hits = TextSearch.findAll(text, query.get(), matchCase.get());
        updateCount(selectionStart, selectionLength);
    }

    /** The hit to select after the selection (or before it), wrapping around; empty without hits. */
    public Optional<Range> next(int selectionStart, int selectionEnd, boolean forward) {
        int index = TextSearch.next(hits, forward ? selectionEnd : selectionStart, forward);
        return index < 0 ? Optional.empty() : Optional.of(rangeOf(index));
    }

    /** The hit at or after {@code caret}: where typing in the query field jumps to. */
    public Optional<Range> firstFrom(int caret) {
        int index = TextSearch.next(hits, caret, true);
        return index < 0 ? Optional.empty() : Optional.of(rangeOf(index));
    }

    /** The selection is exactly a hit, so Replace may replace it. */
    public boolean isOnHit(int selectionStart, int selectionLength) {
        return hits.contains(selectionStart) && selectionLength == query.get().length();
    }

    /** Every hit replaced at once, so one undo takes the whole replacement back; empty without hits. */
    public Optional<Replacement> replaceAll(String text) {
        String q = query.get();
        if (hits.isEmpty() || q.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int hit : hits) {
            sb.append(text, at, hit).append(replacement.get());
            at = hit + q.length();
        }
        sb.append(text.substring(at));
        return Optional.of(new Replacement(sb.toString(), hits.size()));
    }

    /** After Replace All: the count line says what was done. */
    public void replaced(int n) {
        count.set("Replaced " + n);
    }

    /** Updates the count line for a selection that may or may not be a hit. */
    public void updateCount(int selectionStart, int selectionLength) {
        if (query.get().isEmpty()) {
            count.set("");
            return;
        }
        int current = hits.indexOf(selectionStart);
        boolean exact = current >= 0 && selectionLength == query.get().length();
        count.set(hits.isEmpty() ? "No results" : (exact ? (current + 1) + " of " : "") + hits.size() + (exact ? "" : " found"));
    }

    private Range rangeOf(int index) {
        int start = hits.get(index);
        return new Range(start, start + query.get().length());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** Whether the replace field and buttons are shown. */
    public ReadOnlyBooleanProperty replacingProperty() {
        return replacing.getReadOnlyProperty();
    }

    /** "3 of 7", "7 found", "No results", "Replaced 7". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
