package dev.blogdesk.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.blogdesk.markdown.HtmlSanitizer;
import dev.blogdesk.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legacy HTML content (CKEditor and TinyMCE blogs, WordPress, posts carried over from one engine to
 * another) turned into Markdown with flexmark's HTML-to-Markdown converter, and checked: the Markdown,
 * rendered by BlogDesk's own renderer, must read like the original (the same text, links and image
 * sources), or the post is listed as converted with a difference. Titles lose their HTML entities.
 * Thread-safe: the converter and the renderer are immutable.
 */
final class HtmlContent {

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)<(p|div|br|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|figure|hr|section|article|center|font)(\\s[^>]*)?/?>");
    private static final Pattern MARKDOWN_BLOCK = Pattern.compile("(?m)^(#{1,6} |```|~~~|[-*+] |\\d{1,9}\\. |> )");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final String IMAGE_MARK = "__blogdesk_image__";
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(?<=[*_~`]) (?=[,.;:!?)\\]])");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(options()).build();
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private HtmlContent() {
    }

    private static MutableDataSet options() {
        MutableDataSet o = new MutableDataSet();
        o.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);         // "# Title", as the editor's toolbar writes them
        o.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);    // no {#id} after headings
        o.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);      // keep the quote characters as they are
        o.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
        o.set(FlexmarkHtmlConverter.NBSP_TEXT, " ");                 // CKEditor's &nbsp; between words is a space
        o.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false);
        o.set(FlexmarkHtmlConverter.DIV_TABLE_PROCESSING, true);
        o.set(FlexmarkHtmlConverter.EXTRACT_AUTO_LINKS, true);
        o.set(FlexmarkHtmlConverter.RENDER_COMMENTS, false);
        // Our renderer has no ^sup^ / ~sub~ / ++ins++ / $math$ syntax: those stay inline HTML, which it shows.
        com.vladsch.flexmark.html2md.converter.ExtensionConversion html = com.vladsch.flexmark.html2md.converter.ExtensionConversion.HTML;
        o.set(FlexmarkHtmlConverter.EXT_INLINE_SUB, html);
        o.set(FlexmarkHtmlConverter.EXT_INLINE_SUP, html);
        o.set(FlexmarkHtmlConverter.EXT_INLINE_INS, html);
        o.set(FlexmarkHtmlConverter.EXT_MATH, html);
        return o;
    }

    /** Whether {@code content} is HTML rather than Markdown: block tags, and fewer Markdown blocks than tags. */
    static boolean looksLikeHtml(String content) {
        if (content == null || content.indexOf('<') < 0) {
            return false;
        }
        int tags = count(BLOCK_TAG, content);
        return tags > 0 && count(MARKDOWN_BLOCK, content) < tags;
    }

    /**
     * The converter puts a space between closing emphasis and punctuation ({@code <em>x</em>,} becomes
     * {@code *x* ,}, flexmark-java #422). The space goes again where the text then reads as the HTML does.
     */
    static String toMarkdown(String html) {
        String markdown = convert(html);
        Matcher spaced = SPACE_BEFORE_PUNCTUATION.matcher(markdown);
        if (spaced.find()) {
            String tightened = spaced.replaceAll("");
            if (textOf(RENDERER.toSafeHtml(tightened)).equals(textOf(SANITIZER.sanitize(html)))) {
                return tightened;
            }
        }
        return markdown;
    }

    /**
     * The converter takes any image whose file is named like one of GitHub's emoji images (boat.png,
     * cat.png, 1f600.png) for that emoji and writes {@code :sailboat:} instead of the picture. A marker
     * in front of each image's file name keeps the names from matching; it is taken out of the Markdown again.
     */
    private static String convert(String html) {
        if (!html.toLowerCase(java.util.Locale.ROOT).contains("<img")) {
            return CONVERTER.convert(html).strip() + "\n";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            int name = src.lastIndexOf('/') + 1; // the converter matches the file name before ".png"
            img.attr("src", src.substring(0, name) + IMAGE_MARK + src.substring(name));
        }
        return CONVERTER.convert(doc.body().html()).replace(IMAGE_MARK, "").strip() + "\n";
    }

    private static String textOf(String html) {
        return normalise(Jsoup.parseBodyFragment(html).body().text());
    }

    /** {@code title} with its HTML entities decoded ("I&#039;m" → "I'm"); unchanged if it has none. */
    static String decodeTitle(String title) {
        if (title == null || !ENTITY.matcher(title).find()) {
            return title;
        }
        return org.jsoup.parser.Parser.unescapeEntities(title, false);
    }

    /**
     * How the Markdown, rendered, differs from the original HTML: its text, its links or its image
     * sources (both sides through the preview's sanitizer, so script the preview drops anyway does not
     * count). Null when it reads the same.
     */
    static String difference(String html, String markdown) {
        Document original = Jsoup.parseBodyFragment(SANITIZER.sanitize(html));
        Document converted = Jsoup.parseBodyFragment(RENDERER.toSafeHtml(markdown));
        String a = normalise(original.body().text());
        String b = normalise(converted.body().text());
        if (!a.equals(b)) {
            int at = 0;
            while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
                at++;
            }
            return "the text differs at character " + at + ": the HTML has “" + around(a, at) + "”, the Markdown “"
                    + around(b, at) + "”";
        }
        List<String> linksA = attributes(original, "a[href]", "href");
        List<String> linksB = attributes(converted, "a[href]", "href");
        if (!linksA.equals(linksB)) {
            return "the links differ: the HTML has " + linksA + ", the Markdown " + linksB;
        }
        List<String> imagesA = attributes(original, "img[src]", "src");
        List<String> imagesB = attributes(converted, "img[src]", "src");
        if (!imagesA.equals(imagesB)) {
            return "the images differ: the HTML has " + imagesA + ", the Markdown " + imagesB;
        }
        return null;
    }

    private static List<String> attributes(Document doc, String query, String attribute) {
        return doc.select(query).stream().map((Element e) -> e.attr(attribute).strip()).toList();
    }

    private static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(text.length(), at + 20);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
