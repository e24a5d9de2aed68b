package dev.blogdesk.markdown;

import java.util.List;

/**
 * A rendered post as the preview shows it: the title and the top-level blocks, each with the source
 * lines it came from (0-based, inclusive) so the preview can follow the caret, plus word statistics.
 */
public record PreviewDocument(String title, List<Block> blocks, int words) {

    public record Block(int firstLine, int lastLine, String safeHtml) {
    }

    public static final PreviewDocument EMPTY = new PreviewDocument("", List.of(), 0);

    /** The index of the block showing source line {@code line}, or of the nearest one before it. */
    public int blockForLine(int line) {
        int found = blocks.isEmpty() ? -1 : 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).firstLine() <= line) {
                found = i;
            } else {
                break;
            }
        }
        return found;
    }

    /** Minutes to read at 200 words a minute, at least 1 for any text. */
    public int readingMinutes() {
        return words == 0 ? 0 : Math.max(1, Math.round(words / 200f));
    }

    /** The whole standalone page (export, first load). */
    public String toHtml(boolean dark) {
        return toHtml(dark, null);
    }

    /** @param baseUrl the blog's address, against which relative images and links resolve (may be null) */
    public String toHtml(boolean dark, String baseUrl) {
        StringBuilder body = new StringBuilder();
        for (Block b : blocks) {
            body.append("<div class=\"blk\">").append(b.safeHtml()).append("</div>");
        }
        String page = PreviewPage.wrap(title, body.toString(), dark);
        if (baseUrl == null || baseUrl.isBlank()) {
            return page;
        }
        return page.replace("<head>", "<head><base href=\"" + PreviewPage.escape(baseUrl.strip()) + "\">");
    }
}
