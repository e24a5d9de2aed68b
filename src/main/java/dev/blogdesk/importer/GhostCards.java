package dev.blogdesk.importer;

import dev.blogdesk.markdown.PreviewPage;
import org.bson.Document;

/** Ghost's cards that mobiledoc and lexical store alike, as Markdown. */
final class GhostCards {

    private GhostCards() {
    }

    /**
     * A bookmark card: the linked page's title as the link's words (the bare address when the card has no
     * title), then its description and the card's caption as paragraphs. The site's icon, name and picture
     * that Ghost shows with it are left out: they describe the other site, and the fidelity check says so.
     */
    static String bookmark(String url, Object metadata, String caption) {
        if (url == null || url.isBlank()) {
            return "";
        }
        Document meta = metadata instanceof Document d ? d : new Document();
        String title = meta.getString("title");
        String description = meta.getString("description");
        StringBuilder html = new StringBuilder("<p><a href=\"").append(PreviewPage.escape(url)).append("\">")
                .append(PreviewPage.escape(title == null || title.isBlank() ? url : title)).append("</a></p>");
        if (description != null && !description.isBlank()) {
            html.append("<p>").append(PreviewPage.escape(description)).append("</p>");
        }
        if (caption != null && !caption.isBlank()) {
            html.append("<p>").append(caption).append("</p>"); // Ghost keeps captions as HTML
        }
        return HtmlContent.toMarkdown(html.toString()).strip();
    }
}
