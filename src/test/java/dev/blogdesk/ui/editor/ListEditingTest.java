package dev.blogdesk.ui.editor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListEditingTest {

    /** The text after applying what Enter does at the end of {@code text}, with {@code |} for the caret. */
    private static String enterAtEnd(String text) {
        return ListEditing.enter(text, text.length())
                .map(e -> {
                    String after = text.substring(0, e.start()) + e.text() + text.substring(e.end());
                    return after.substring(0, e.selectionStart()) + "|" + after.substring(e.selectionStart());
                }).orElse("plain Enter");
    }

    @Test
    void enterContinuesBulletsNumbersAndTasksAndEndsTheListOnAnEmptyItem() {
        assertThat(enterAtEnd("- one")).isEqualTo("- one\n- |");
        assertThat(enterAtEnd("  * nested")).isEqualTo("  * nested\n  * |");
        assertThat(enterAtEnd("9. nine")).isEqualTo("9. nine\n10. |");
        assertThat(enterAtEnd("1) first")).isEqualTo("1) first\n2) |");
        assertThat(enterAtEnd("- [x] done")).isEqualTo("- [x] done\n- [ ] |");
        assertThat(enterAtEnd("- one\n- ")).isEqualTo("- one\n\n|");
        assertThat(enterAtEnd("Just a paragraph")).isEqualTo("plain Enter");
        assertThat(enterAtEnd("-not a list")).isEqualTo("plain Enter");
        // In the middle of an item: the rest of the line moves to the new item.
        var edit = ListEditing.enter("- one two", 5).orElseThrow();
        assertThat("- one two".substring(0, edit.start()) + edit.text() + "- one two".substring(edit.end())).isEqualTo("- one\n-  two");
    }

    @Test
    void tabIndentsAndShiftTabOutdentsTheItemsTheSelectionTouches() {
        String text = "- a\n- b\n- c";
        var in = ListEditing.indent(text, 4, 9, false).orElseThrow();
        String indented = text.substring(0, in.start()) + in.text() + text.substring(in.end());
        assertThat(indented).isEqualTo("- a\n  - b\n  - c");
        assertThat(in.selectionStart()).isEqualTo(6);
        var out = ListEditing.indent(indented, 6, indented.length(), true).orElseThrow();
        assertThat(indented.substring(0, out.start()) + out.text() + indented.substring(out.end())).isEqualTo(text);
        assertThat(ListEditing.indent("1. x\n2. y", 5, 5, false).orElseThrow().text()).isEqualTo("   2. y");
        assertThat(ListEditing.indent("A paragraph", 3, 3, false)).isEmpty();
    }
}
