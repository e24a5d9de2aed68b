package dev.blogdesk.importer;

import dev.blogdesk.markdown.PreviewPage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Ghost 1–4's post source, mobiledoc 0.3 JSON, turned into Markdown: its {@code markdown} cards verbatim;
 * image, code, hr, html, embed and gallery cards mapped; markup sections (paragraphs, headings, quotes),
 * list sections and image sections written out as the HTML they stand for and converted with the rest
 * of the import's HTML ({@link HtmlContent}).
 */
final class Mobiledoc {

    private Mobiledoc() {
    }

    /** Whether {@code content} is a mobiledoc document. */
    static boolean looksLikeMobiledoc(String content) {
        if (content == null) {
            return false;
        }
        String s = content.stripLeading();
        return s.startsWith("{") && s.contains("\"version\"") && s.contains("\"sections\"") && s.contains("0.3");
    }

    /** The Markdown; throws {@link IllegalArgumentException} when the JSON is not a mobiledoc BlogDesk can read. */
    static String toMarkdown(String json) {
        Document doc;
        try {
            doc = Document.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the mobiledoc is not valid JSON (" + e.getMessage() + ")", e);
        }
        List<?> cards = list(doc.get("cards"));
        List<?> markups = list(doc.get("markups"));
        List<String> blocks = new ArrayList<>();
        for (Object section : list(doc.get("sections"))) {
            List<?> s = list(section);
            if (s.isEmpty()) {
                continue;
            }
            int type = ((Number) s.get(0)).intValue();
            String block = switch (type) {
                case 1 -> html("<" + tag(s.get(1)) + ">" + markers(list(s.get(2)), markups) + "</" + tag(s.get(1)) + ">");
                case 2 -> "![](" + s.get(1) + ")";
                case 3 -> list(s, markups);
                case 10 -> card(list(cards.get(((Number) s.get(1)).intValue())));
                default -> "";
            };
            if (!block.isBlank()) {
                blocks.add(block.strip());
            }
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private static String list(List<?> section, List<?> markups) {
        String tag = tag(section.get(1));
        StringBuilder html = new StringBuilder("<").append(tag).append(">");
        for (Object item : list(section.get(2))) {
            html.append("<li>").append(markers(list(item), markups)).append("</li>");
        }
        return html(html.append("</").append(tag).append(">").toString());
    }

    private static String card(List<?> card) {
        String name = String.valueOf(card.get(0));
        Document payload = card.size() > 1 && card.get(1) instanceof Document d ? d : new Document();
        return switch (name) {
            case "markdown", "card-markdown" -> payload.getString("markdown") == null ? "" : payload.getString("markdown");
            case "image" -> image(payload.getString("src"), payload.getString("alt"), payload.getString("caption"));
            case "code" -> "```" + (payload.getString("language") == null ? "" : payload.getString("language")) + "\n"
                    + (payload.getString("code") == null ? "" : payload.getString("code").stripTrailing()) + "\n```";
            case "hr" -> "---";
            case "html" -> payload.getString("html") == null ? "" : html(payload.getString("html"));
            // Embeds (video, tweets) stay the HTML Ghost stored: the preview shows what it can of it.
            case "embed" -> payload.getString("html") != null ? payload.getString("html")
                    : payload.getString("url") == null ? "" : "<" + payload.getString("url") + ">";
            case "bookmark" -> GhostCards.bookmark(payload.getString("url"), payload.get("metadata"), payload.getString("caption"));
            case "gallery" -> {
                List<String> images = new ArrayList<>();
                for (Object i : list(payload.get("images"))) {
                    if (i instanceof Document img) {
                        images.add(image(img.getString("src"), img.getString("alt"), null));
                    }
                }
                yield String.join("\n", images);
            }
            default -> "";
        };
    }

    private static String image(String src, String alt, String caption) {
        if (src == null) {
            return "";
        }
        String image = "![" + (alt == null ? "" : alt.replace("]", "")) + "](" + src + ")";
        return caption == null || caption.isBlank() ? image : image + "\n\n" + html("<p>" + caption + "</p>");
    }

    /** The markers of a section as inline HTML: text escaped, markups opened and closed as they say. */
    private static String markers(List<?> markers, List<?> markups) {
        StringBuilder html = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        for (Object m : markers) {
            List<?> marker = list(m);
            if (marker.size() < 4) {
                continue;
            }
            for (Object index : list(marker.get(1))) {
                List<?> markup = list(markups.get(((Number) index).intValue()));
                String tag = tag(markup.get(0));
                StringBuilder start = new StringBuilder("<").append(tag);
                List<?> attributes = markup.size() > 1 ? list(markup.get(1)) : List.of();
                for (int a = 0; a + 1 < attributes.size(); a += 2) {
                    start.append(' ').append(attributes.get(a)).append("=\"").append(PreviewPage.escape(String.valueOf(attributes.get(a + 1)))).append('"');
                }
                html.append(start).append('>');
                open.push(tag);
            }
            if (((Number) marker.get(0)).intValue() == 0) {
                html.append(PreviewPage.escape(String.valueOf(marker.get(3))));
            }
            for (int closed = ((Number) marker.get(2)).intValue(); closed > 0 && !open.isEmpty(); closed--) {
                html.append("</").append(open.pop()).append('>');
            }
        }
        while (!open.isEmpty()) {
            html.append("</").append(open.pop()).append('>');
        }
        return html.toString();
    }

    private static String html(String fragment) {
        return HtmlContent.toMarkdown(fragment).strip();
    }

    private static String tag(Object name) {
        String t = String.valueOf(name).toLowerCase(java.util.Locale.ROOT);
        return t.matches("[a-z][a-z0-9]*") ? t : "p";
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
