package dev.blogdesk.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.toSafeHtml(markdown));
    }

    @Test
    void rendersGithubFlavouredMarkdown() {
        Document html = render("""
                # Title

                | a | b |
                |---|---|
                | 1 | 2 |

                ```java
                int x = 1;
                ```

                ~~gone~~ and **bold**

                - [x] done
                - [ ] todo

                Visit https://example.com today.
                """);
        assertThat(html.select("h1").text()).isEqualTo("Title");
        assertThat(html.select("table td")).extracting(e -> e.text()).containsExactly("1", "2");
        assertThat(html.select("pre code.language-java").text()).isEqualTo("int x = 1;");
        assertThat(html.select("del").text()).isEqualTo("gone");
        assertThat(html.select("strong").text()).isEqualTo("bold");
        assertThat(html.select("li input[type=checkbox]")).hasSize(2);
        assertThat(html.select("li input[checked]")).hasSize(1);
        assertThat(html.select("a[href=https://example.com]").text()).isEqualTo("https://example.com");
    }

    @Test
    void removesEverythingThatCouldRunScript() {
        Document html = render("""
                <script>alert(1)</script>
                <img src="x.png" onerror="alert(2)">
                <a href="javascript:alert(3)">click</a>
                <iframe src="https://evil.example"></iframe>
                <div onclick="alert(4)" style="x">text</div>
                <svg onload="alert(5)"></svg>
                <form action="https://evil.example"><input type="text" name="q"></form>
                [md link](javascript:alert(6))
                """);
        String out = html.body().html();
        assertThat(html.select("script, iframe, svg, form, input[type=text]")).isEmpty();
        assertThat(html.select("[onerror], [onclick], [onload]")).isEmpty();
        assertThat(out).doesNotContain("alert(1)");
        assertThat(html.getAllElements()).allSatisfy(e -> e.attributes().forEach(
                a -> assertThat(a.getValue()).doesNotContainIgnoringCase("javascript:")));
        assertThat(html.select("div").text()).contains("text");
    }

    @Test
    void relativeImagesAndLinksStayRelativeForTheBlogsAddress() {
        Document html = render("![pic](img/pic.png) [about](/about) ![x](javascript:alert(1))");
        assertThat(html.select("img[src]")).extracting(i -> i.attr("src")).containsExactly("img/pic.png");
        assertThat(html.outerHtml()).doesNotContainIgnoringCase("javascript");
        assertThat(html.select("a").attr("href")).isEqualTo("/about");
    }

    @Test
    void aMarkdownJavascriptLinkLosesItsTarget() {
        Document html = render("Click [here](javascript:alert%286%29) or [there](https://example.com).");
        assertThat(html.select("a")).extracting(a -> a.attr("href")).containsExactly("https://example.com");
        assertThat(html.text()).isEqualTo("Click here or there.");
        assertThat(html.body().html()).doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void previewPageEscapesTheTitleAndForbidsScript() {
        String page = PreviewPage.wrap("<b>Title</b> & co", "<p>body</p>");
        assertThat(page).contains("&lt;b&gt;Title&lt;/b&gt; &amp; co").contains("script-src 'none'");
        assertThat(PreviewPage.wrap("", "")).contains("Nothing to preview yet");
    }
}
