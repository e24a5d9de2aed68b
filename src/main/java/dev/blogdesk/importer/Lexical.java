package dev.blogdesk.importer;

import dev.blogdesk.markdown.PreviewPage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ghost 5's post source, Lexical JSON, turned into Markdown. Text blocks (paragraphs, headings, quotes,
 * lists, Ghost's {@code extended-*} variants) are written out as the HTML they stand for and converted
 * with the rest of the import's HTML ({@link HtmlContent}); Ghost's cards (image, code, markdown, html,
 * embed, bookmark, gallery, callout, toggle, button, divider) are mapped straight to Markdown.
 * Text formats are Lexical's bits: bold 1, italic 2, strikethrough 4, underline 8, code 16.
 */
final class Lexical {

    private static final int BOLD = 1;
    private static final int ITALIC = 1 << 1;
    private static final int STRIKETHROUGH = 1 << 2;
    private static final int UNDERLINE = 1 << 3;
    private static final int CODE = 1 << 4;

    private Lexical() {
    }

    private static final java.util.regex.Pattern ROOT_TYPE = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"root\"");

    /** Whether {@code content} is a Lexical document: JSON whose root node says it is one. */
    static boolean looksLikeLexical(String content) {
        if (content == null) {
            return false;
        }
        String s = content.stripLeading();
        return s.startsWith("{") && s.contains("\"root\"") && s.contains("\"children\"") && ROOT_TYPE.matcher(s).find();
    }

    /** The Markdown; throws {@link IllegalArgumentException} when the JSON is not a Lexical document BlogDesk can read. */
    static String toMarkdown(String json) {
        Document doc;
        try {
            doc = Document.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the lexical JSON is not valid (" + e.getMessage() + ")", e);
        }
        if (!(doc.get("root") instanceof Document root)) {
            throw new IllegalArgumentException("the lexical JSON has no root");
        }
        List<String> blocks = new ArrayList<>();
        for (Document node : children(root)) {
            String block = block(node).strip();
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private static String block(Document node) {
        String type = type(node);
        return switch (type) {
            case "paragraph", "extended-paragraph" -> html("<p>" + inline(node) + "</p>");
            case "heading", "extended-heading" -> {
                String tag = String.valueOf(node.get("tag")).matches("h[1-6]") ? node.getString("tag") : "h2";
                yield html("<" + tag + ">" + inline(node) + "</" + tag + ">");
            }
            case "quote", "extended-quote", "aside" -> html("<blockquote><p>" + inline(node) + "</p></blockquote>");
            case "list" -> html(listHtml(node));
            case "codeblock", "code" -> "```" + text(node, "language") + "\n" + codeOf(node).stripTrailing() + "\n```";
            case "image" -> image(node.getString("src"), node.getString("alt"), node.getString("caption"));
            case "horizontalrule", "divider" -> "---";
            case "markdown" -> text(node, "markdown");
            case "html" -> html(text(node, "html"));
            // Embeds (video, tweets) stay the HTML Ghost stored: the preview shows what it can of it.
            case "embed" -> node.getString("html") != null ? node.getString("html") : link(text(node, "url"));
            case "bookmark" -> GhostCards.bookmark(node.getString("url"), node.get("metadata"), node.getString("caption"));
            case "gallery" -> {
                List<String> images = new ArrayList<>();
                for (Object i : list(node.get("images"))) {
                    if (i instanceof Document img) {
                        images.add(image(img.getString("src"), img.getString("alt"), null));
                    }
                }
                yield String.join("\n", images);
            }
            case "callout" -> html("<blockquote>" + text(node, "calloutText") + "</blockquote>");
            case "toggle" -> html("<p><strong>" + text(node, "heading") + "</strong></p>" + text(node, "content"));
            case "button" -> node.getString("buttonUrl") == null ? "" : "[" + text(node, "buttonText").replace("]", "") + "]("
                    + node.getString("buttonUrl") + ")";
            case "video", "audio", "file" -> node.getString("src") == null ? "" : "[" + firstNonBlank(node.getString("fileName"),
                    node.getString("title"), node.getString("src")).replace("]", "") + "](" + node.getString("src") + ")";
            case "linebreak" -> "";
            // Anything else keeps its words, if it has any.
            default -> children(node).isEmpty() ? "" : html("<p>" + inline(node) + "</p>");
        };
    }

    private static String listHtml(Document list) {
        String tag = "number".equals(list.getString("listType")) || "ol".equals(list.getString("tag")) ? "ol" : "ul";
        boolean check = "check".equals(list.getString("listType"));
        StringBuilder html = new StringBuilder("<").append(tag).append('>');
        for (Document item : children(list)) {
            html.append("<li>");
            if (check) {
                html.append(Boolean.TRUE.equals(item.get("checked")) ? "[x] " : "[ ] ");
            }
            for (Document child : children(item)) {
                html.append("list".equals(type(child)) ? listHtml(child) : inlineNode(child));
            }
            html.append("</li>");
        }
        return html.append("</").append(tag).append('>').toString();
    }

    /** The node's children as inline HTML. */
    private static String inline(Document node) {
        StringBuilder html = new StringBuilder();
        for (Document child : children(node)) {
            html.append(inlineNode(child));
        }
        return html.toString();
    }

    private static String inlineNode(Document node) {
        return switch (type(node)) {
            case "text", "extended-text", "hashtag", "code-highlight" -> formatted(text(node, "text"), node.get("format"));
            case "link", "autolink", "at-link" -> {
                String url = text(node, "url");
                String words = inline(node);
                yield "<a href=\"" + PreviewPage.escape(url) + "\">" + (words.isEmpty() ? PreviewPage.escape(url) : words) + "</a>";
            }
            case "linebreak" -> "<br>";
            case "tab" -> " ";
            default -> inline(node);
        };
    }

    private static String formatted(String text, Object format) {
        int bits = format instanceof Number n ? n.intValue() : 0;
        String html = PreviewPage.escape(text);
        if ((bits & CODE) != 0) {
            html = "<code>" + html + "</code>";
        }
        if ((bits & UNDERLINE) != 0) {
            html = "<u>" + html + "</u>";
        }
        if ((bits & STRIKETHROUGH) != 0) {
            html = "<del>" + html + "</del>";
        }
        if ((bits & ITALIC) != 0) {
            html = "<em>" + html + "</em>";
        }
        if ((bits & BOLD) != 0) {
            html = "<strong>" + html + "</strong>";
        }
        return html;
    }

    private static String codeOf(Document node) {
        if (node.getString("code") != null) {
            return node.getString("code");
        }
        StringBuilder code = new StringBuilder(); // Lexical's own code node keeps its text in children
        for (Document child : children(node)) {
            code.append("linebreak".equals(type(child)) ? "\n" : text(child, "text"));
        }
        return code.toString();
    }

    private static String image(String src, String alt, String caption) {
        if (src == null || src.isBlank()) {
            return "";
        }
        String image = "![" + (alt == null ? "" : alt.replace("]", "")) + "](" + src + ")";
        return caption == null || caption.isBlank() ? image : image + "\n\n" + html("<p>" + caption + "</p>");
    }

    private static String link(String url) {
        return url.isBlank() ? "" : "<" + url + ">";
    }

    private static String html(String fragment) {
        return HtmlContent.toMarkdown(fragment).strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String type(Document node) {
        return String.valueOf(node.get("type")).toLowerCase(Locale.ROOT);
    }

    private static String text(Document node, String field) {
        return node.get(field) instanceof String s ? s : "";
    }

    private static List<Document> children(Document node) {
        List<Document> out = new ArrayList<>();
        for (Object child : list(node.get("children"))) {
            if (child instanceof Document d) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
