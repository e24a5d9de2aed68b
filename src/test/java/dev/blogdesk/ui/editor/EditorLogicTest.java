package dev.blogdesk.ui.editor;

import dev.blogdesk.ui.editor.MarkdownHighlighter.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's text logic: highlighting, formatting shortcuts, find. */
class EditorLogicTest {

    @Test
    void highlightsHeadingsInlineMarkupAndFencedCode() {
        String text = "# Title\nSome **bold**, *it*, `code` and [a](http://x).\n```\n# not a heading\n```\n> quote\n- item";
        List<Span> spans = MarkdownHighlighter.spans(text);
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end()) + "=" + s.style()).containsExactly(
                "# Title=md-heading", "**bold**=md-bold", "*it*=md-italic", "`code`=md-code", "[a](http://x)=md-link",
                "```=md-code-block", "# not a heading=md-code-block", "```=md-code-block", "> quote=md-quote", "-=md-list");
    }

    @Test
    void onlyTheRangeAroundAnEditIsRestyled() {
        String before = "# A\n\n" + "para with **bold**\n".repeat(200) + "end *it*";
        String after = before.replace("# A\n\n", "# A\n\nplain typing ");
        List<Span> old = MarkdownHighlighter.spans(before);
        List<Span> now = MarkdownHighlighter.spans(after);
        int[] range = MarkdownHighlighter.changedRange(old, before.length(), now, after.length());
        assertThat(range).isNotNull();
        assertThat(range[0]).isEqualTo(3);                 // after the heading span
        assertThat(range[1]).isLessThan(60);               // up to the first bold span, not the whole text
        assertThat(MarkdownHighlighter.changedRange(now, after.length(), now, after.length())).isNull();

        // Opening a fence restyles everything below it.
        String fenced = "```\n" + before;
        int[] all = MarkdownHighlighter.changedRange(old, before.length(), MarkdownHighlighter.spans(fenced), fenced.length());
        assertThat(all[1]).isEqualTo(fenced.length());
    }

    @Test
    void boldAndItalicWrapAndUnwrapTheSelection() {
        var bold = MarkdownFormatting.toggleWrap("make this bold", 10, 14, "**");
        assertThat(apply("make this bold", bold)).isEqualTo("make this **bold**");
        assertThat(bold.selectionStart()).isEqualTo(12);
        var unbold = MarkdownFormatting.toggleWrap("make this **bold**", 12, 16, "**");
        assertThat(apply("make this **bold**", unbold)).isEqualTo("make this bold");
        // Italic inside bold adds a third asterisk; bold inside bold+italic removes two.
        var italicInBold = MarkdownFormatting.toggleWrap("make this **bold**", 12, 16, "*");
        assertThat(apply("make this **bold**", italicInBold)).isEqualTo("make this ***bold***");
        var boldOff = MarkdownFormatting.toggleWrap("make this ***bold***", 13, 17, "**");
        assertThat(apply("make this ***bold***", boldOff)).isEqualTo("make this *bold*");
        var italicOff = MarkdownFormatting.toggleWrap("make this ***bold***", 13, 17, "*");
        assertThat(apply("make this ***bold***", italicOff)).isEqualTo("make this **bold**");
        var empty = MarkdownFormatting.toggleWrap("ab", 1, 1, "*");
        assertThat(apply("ab", empty)).isEqualTo("a**b");
        assertThat(empty.selectionStart()).isEqualTo(2);
    }

    @Test
    void linkCodeAndHeadings() {
        var link = MarkdownFormatting.link("see docs", 4, 8);
        assertThat(apply("see docs", link)).isEqualTo("see [docs](https://)");
        assertThat(apply("see docs", link).substring(link.selectionStart(), link.selectionEnd())).isEqualTo("https://");
        assertThat(apply("a x b", MarkdownFormatting.code("a x b", 2, 3))).isEqualTo("a `x` b");
        assertThat(apply("l1\nl2", MarkdownFormatting.code("l1\nl2", 0, 5))).isEqualTo("```\nl1\nl2\n```");
        String text = "intro\n## Old\nbody";
        assertThat(apply(text, MarkdownFormatting.heading(text, 8, 1))).isEqualTo("intro\n# Old\nbody");
        assertThat(apply(text, MarkdownFormatting.heading(text, 8, 2))).isEqualTo("intro\nOld\nbody");
        assertThat(apply("plain", MarkdownFormatting.heading("plain", 0, 3))).isEqualTo("### plain");
    }

    @Test
    void findIsLiteralAndWraps() {
        String text = "C++ and c++ and (c++)";
        assertThat(TextSearch.findAll(text, "c++", false)).containsExactly(0, 8, 17);
        assertThat(TextSearch.findAll(text, "c++", true)).containsExactly(8, 17);
        assertThat(TextSearch.findAll(text, "", false)).isEmpty();
        List<Integer> hits = List.of(0, 8, 17);
        assertThat(TextSearch.next(hits, 9, true)).isEqualTo(2);
        assertThat(TextSearch.next(hits, 18, true)).isZero();
        assertThat(TextSearch.next(hits, 0, false)).isEqualTo(2);
    }

    static String apply(String text, MarkdownFormatting.Edit e) {
        return text.substring(0, e.start()) + e.text() + text.substring(e.end());
    }
}
