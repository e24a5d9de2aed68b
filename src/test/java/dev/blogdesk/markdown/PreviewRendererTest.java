package dev.blogdesk.markdown;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final PreviewRenderer renderer = new PreviewRenderer(markdown);

    static final String POST = """
            # Title

            Text with a [link](https://example.com), **bold** and `code`.
            <a href="javascript:x()">bad</a> then https://auto.example/link

            | a | b |
            |---|---|
            | 1 | 2 |

            ```java
            int x = 1;
            ```

            - [x] done
            - [ ] todo

            > quoted [ref link][r]

            [r]: https://ref.example
            """;

    @Test
    void blocksTogetherRenderExactlyWhatTheWholeDocumentRenders() {
        PreviewDocument doc = renderer.render("T", POST);
        String blocks = doc.blocks().stream().map(PreviewDocument.Block::safeHtml).collect(Collectors.joining());
        assertThat(Jsoup.parseBodyFragment(blocks).body().html())
                .isEqualTo(Jsoup.parseBodyFragment(markdown.toSafeHtml(POST)).body().html());
        assertThat(Jsoup.parseBodyFragment(blocks).select("a[href]")).extracting(a -> a.attr("href"))
                .containsExactly("https://example.com", "https://auto.example/link", "https://ref.example");
    }

    @Test
    void eachBlockKnowsItsSourceLines() {
        PreviewDocument doc = renderer.render("T", POST);
        assertThat(doc.blocks().get(0).safeHtml()).contains("<h1>Title</h1>");
        assertThat(doc.blocks().get(0).firstLine()).isZero();
        assertThat(doc.blockForLine(3)).isEqualTo(1);   // the paragraph spans lines 2-3
        assertThat(doc.blocks().get(doc.blockForLine(9)).safeHtml()).contains("int x = 1;");
        assertThat(doc.blockForLine(1000)).isEqualTo(doc.blocks().size() - 1);
    }

    @Test
    void wordsAndReadingTime() {
        PreviewDocument doc = renderer.render("T", "one two three\n\n" + "word ".repeat(397));
        assertThat(doc.words()).isEqualTo(400);
        assertThat(doc.readingMinutes()).isEqualTo(2);
        assertThat(renderer.render("", "").readingMinutes()).isZero();
    }

    @Test
    void thePageCarriesTheThemeAndNeverScript() {
        PreviewDocument doc = renderer.render("T", "<script>alert(1)</script>\n\ntext");
        assertThat(doc.toHtml(false)).doesNotContain("<script>alert").contains("script-src 'none'").doesNotContain("#0d1117");
        assertThat(doc.toHtml(true)).contains("background: #0d1117");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"one\ntwo", "- one\ntwo", "- one\n  two", "1. one\n   two",
            "> one\ntwo", "- [ ] one\n  two", "* a\n\n  one\n  two", "| h |\n|---|\n| one two |"})
    void aSoftLineBreakReadsAsASpaceInEveryKindOfBlock(String markdown) {
        PreviewDocument doc = new PreviewRenderer(new MarkdownRenderer()).render("t", markdown);
        String html = doc.blocks().stream().map(PreviewDocument.Block::safeHtml).reduce("", String::concat);
        org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(parsed.body().text()).endsWith("one two");
        // No text the reader sees holds a line break: the WebView drew one as a box.
        parsed.body().select("*").forEach(e -> e.textNodes().forEach(t -> {
            if (!t.isBlank()) {
                assertThat(t.getWholeText()).as("text in <%s>", e.tagName()).doesNotContain("\n");
            }
        }));
    }
}
