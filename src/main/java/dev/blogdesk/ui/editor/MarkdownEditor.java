package dev.blogdesk.ui.editor;

import dev.blogdesk.app.TaskExecutor;
import javafx.beans.property.StringProperty;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The Markdown source editor: a RichTextFX {@link CodeArea} (virtualized, so long posts stay fast)
 * kept in step with the view model's content. Highlighting is computed off the FX thread once typing
 * pauses, applied only if the text did not change meanwhile, and only to the range that changed.
 */
public final class MarkdownEditor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarkdownEditor.class);
    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> pane = new VirtualizedScrollPane<>(area);
    private final TaskExecutor executor;
    private boolean updatingFromModel;
    private List<MarkdownHighlighter.Span> applied = List.of();
    private int appliedLength;
    private SpellingViewModel spelling;
    /** The misspellings underlined now, for the text as it was when they were found. */
    private List<dev.blogdesk.spelling.Misspelling> misspellings = List.of();
    /** Counts edits, so a result can tell cheaply whether the text moved on (getText() copies it all). */
    private long revision;
    private long misspellingsRevision = -1;

    public MarkdownEditor(StringProperty content, TaskExecutor executor) {
        this.executor = executor;
        area.setId("contentArea");
        area.getStyleClass().add("markdown-editor");
        area.setWrapText(true);
        area.textProperty().addListener((o, old, now) -> {
            if (!updatingFromModel) {
                content.set(now);
            }
        });
        content.addListener((o, old, now) -> {
            if (!now.equals(area.getText())) {
                setTextFromModel(now);
            }
        });
        setTextFromModel(content.get());
        area.plainTextChanges().subscribe(change -> revision++);
        area.multiPlainChanges().successionEnds(Duration.ofMillis(60)).subscribe(ignore -> highlight());
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::listKeys);
    }

    /** Enter continues a list (or ends it on an empty item); Tab and Shift+Tab indent and outdent list items. */
    private void listKeys(javafx.scene.input.KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        java.util.Optional<MarkdownFormatting.Edit> edit = java.util.Optional.empty();
        if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShiftDown() && area.getSelection().getLength() == 0) {
            edit = ListEditing.enter(area.getText(), area.getCaretPosition());
        } else if (e.getCode() == javafx.scene.input.KeyCode.TAB) {
            edit = ListEditing.indent(area.getText(), area.getSelection().getStart(), area.getSelection().getEnd(), e.isShiftDown());
        }
        edit.ifPresent(ed -> {
            apply(ed);
            e.consume();
        });
    }

    /** Text set by the model (a post was opened): replaces everything and starts a fresh undo history. */
    private void setTextFromModel(String text) {
        updatingFromModel = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory();
            area.moveTo(0);
            area.requestFollowCaret();
        } finally {
            updatingFromModel = false;
        }
        applied = List.of();
        appliedLength = 0;
        area.clearStyle(0, area.getLength());
        highlight();
    }

    /** Spelling underlines from now on, checked with the highlighting (off the FX thread). */
    public void useSpelling(SpellingViewModel spelling) {
        this.spelling = spelling;
        spelling.changesProperty().addListener((o, was, now) -> highlight());
        new SpellingMenu(this, spelling).install();
        highlight();
    }

    /** The spelling in use (null: none). */
    public SpellingViewModel spelling() {
        return spelling;
    }

    /** The misspelling at {@code index} of the text shown now, if any. */
    java.util.Optional<dev.blogdesk.spelling.Misspelling> misspellingAt(int index) {
        if (misspellingsRevision != revision) {
            return java.util.Optional.empty(); // typed since the last check: its positions may be off
        }
        return misspellings.stream().filter(m -> m.start() <= index && index < m.end()).findFirst();
    }

    /** A highlighting pass computed off the FX thread: the spans, the range to restyle and its styles. */
    private record Styled(List<MarkdownHighlighter.Span> spans, List<dev.blogdesk.spelling.Misspelling> errors,
                          int[] range, StyleSpans<Collection<String>> styles) {
    }

    private void highlight() {
        long asked = revision;
        String text = area.getText();
        List<MarkdownHighlighter.Span> before = applied;
        int beforeLength = appliedLength;
        SpellingViewModel speller = spelling;
        executor.execute(() -> {
            List<dev.blogdesk.spelling.Misspelling> errors = speller == null ? List.of() : speller.check(text);
            List<MarkdownHighlighter.Span> spans = SpellingSpans.merge(MarkdownHighlighter.spans(text), errors);
            int[] range = MarkdownHighlighter.changedRange(before, beforeLength, spans, text.length());
            boolean restyle = range != null && range[1] > range[0];
            return new Styled(spans, errors, range, restyle ? styleSpans(spans, range[0], range[1]) : null);
        }, styled -> {
            if (asked != revision) {
                return; // typed meanwhile: the next succession end highlights the newer text
            }
            if (applied != before) {
                highlight(); // another pass landed first: this one's range is against styles no longer there
                return;
            }
            misspellings = styled.errors();
            misspellingsRevision = asked;
            if (styled.styles() != null) {
                area.setStyleSpans(styled.range()[0], styled.styles());
            }
            applied = styled.spans();
            appliedLength = text.length();
        }, failure -> log.warn("Highlighting failed; the text stays unstyled: {}", failure.toString()));
    }

    static StyleSpans<Collection<String>> styleSpans(List<MarkdownHighlighter.Span> spans, int from, int to) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int at = from;
        for (MarkdownHighlighter.Span s : spans) {
            if (s.end() <= from || s.start() >= to) {
                continue;
            }
            int start = Math.max(s.start(), from);
            int end = Math.min(s.end(), to);
            if (start > at) {
                builder.add(Collections.emptyList(), start - at);
            }
            if (end > start) {
                builder.add(s.style().indexOf(' ') < 0 ? Collections.singleton(s.style()) : List.of(s.style().split(" ")),
                        end - start);
                at = end;
            }
        }
        if (to > at) {
            builder.add(Collections.emptyList(), to - at);
        }
        return builder.create();
    }

    /** Applies a formatting edit as one undoable change and selects what it says. */
    public void apply(MarkdownFormatting.Edit edit) {
        // A formatting command is its own undo step, never merged with typing or another command.
        area.getUndoManager().preventMerge();
        area.replaceText(edit.start(), edit.end(), edit.text());
        area.getUndoManager().preventMerge();
        area.selectRange(edit.selectionStart(), edit.selectionEnd());
        area.requestFocus();
    }

    public void toggleWrap(String marker) {
        apply(MarkdownFormatting.toggleWrap(area.getText(), area.getSelection().getStart(), area.getSelection().getEnd(), marker));
    }

    public void code() {
        apply(MarkdownFormatting.code(area.getText(), area.getSelection().getStart(), area.getSelection().getEnd()));
    }

    public void link() {
        apply(MarkdownFormatting.link(area.getText(), area.getSelection().getStart(), area.getSelection().getEnd()));
    }

    public void heading(int level) {
        apply(MarkdownFormatting.heading(area.getText(), area.getCaretPosition(), level));
    }

    public CodeArea area() {
        return area;
    }

    public VirtualizedScrollPane<CodeArea> node() {
        return pane;
    }
}
