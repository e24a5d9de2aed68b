package dev.blogdesk.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Legacy posts carry {@code <script>}, {@code onerror=} and {@code javascript:} links. Everything
 * rendered into the preview passes through a jsoup safelist: markup a blog post needs stays, script
 * and event handlers go.
 */
public final class HtmlSanitizer {

    private final Safelist safelist = Safelist.relaxed()
            .addTags("del", "s", "input", "hr")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("li", "class")
            .addAttributes("ul", "class")
            .addAttributes("code", "class")
            .addAttributes("th", "align", "style")
            .addAttributes("td", "align", "style")
            .addEnforcedAttribute("input", "disabled", "disabled")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            // Relative images and links stay relative: the preview resolves them against the blog's address.
            .preserveRelativeLinks(true);
    /** Relative URLs are checked as if under this address; only http(s) survives either way. */
    private static final String CHECK_BASE = "https://relative.blogdesk.invalid/";

    public String sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, CHECK_BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        // Only checkboxes survive as inputs (task lists); any other input type is dropped.
        clean.select("input:not([type=checkbox])").remove();
        return clean.body().html();
    }
}
