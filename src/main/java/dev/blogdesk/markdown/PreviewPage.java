package dev.blogdesk.markdown;

/** Wraps rendered post HTML in a standalone page with the preview's styles. */
public final class PreviewPage {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   font-size: 15px; line-height: 1.6; color: #1f2328; background: #ffffff;
                   margin: 0; padding: 16px 24px; word-wrap: break-word; }
            h1, h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
            h1.post-title { margin-top: 0; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 90%;
                   background: #eff1f3; padding: .15em .35em; border-radius: 4px; }
            pre { background: #f6f8fa; padding: 12px 16px; border-radius: 6px; overflow: auto; }
            pre code { background: none; padding: 0; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #d1d9e0; padding: 6px 12px; }
            th { background: #f6f8fa; }
            blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
            img { max-width: 100%; }
            /* A missing or unreachable image shows as a dashed box with its alt text, never an error. */
            img { min-width: 2em; min-height: 1.5em; background: repeating-linear-gradient(45deg, transparent 0 6px, rgba(128,128,128,.12) 6px 12px); }
            li.task-list-item { list-style: none; }
            a { color: #0969da; }
            .empty { color: #59636e; font-style: italic; }
            """;

    /** Dark theme: the preview follows the application's theme. */
    private static final String DARK = """
            body { color: #e6edf3; background: #0d1117; }
            h1, h2, h3, th, td { border-color: #3d444d; }
            code { background: #262c36; }
            pre, th { background: #151b23; }
            blockquote { color: #9198a1; border-left-color: #3d444d; }
            a { color: #4493f8; }
            .empty { color: #9198a1; }
            """;

    private PreviewPage() {
    }

    public static String wrap(String title, String safeBody, boolean dark) {
        String page = wrap(title, safeBody);
        return dark ? page.replace("</style>", DARK + "</style>") : page;
    }

    /**
     * @param title     plain text, escaped here
     * @param safeBody  HTML already passed through {@link HtmlSanitizer}
     */
    public static String wrap(String title, String safeBody) {
        boolean empty = safeBody == null || safeBody.isBlank();
        String placeholder = empty ? "<p class=\"empty\">Nothing to preview yet.</p>" : "";
        String body = empty ? "" : safeBody;
        String heading = title == null || title.isBlank() ? "" : "<h1 class=\"post-title\">" + escape(title) + "</h1>";
        // The CSP is a second lock: the WebView also runs with JavaScript disabled.
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">"
                + "<style>" + STYLE + "</style></head><body>" + heading + placeholder + "<div id=\"content\">" + body + "</div></body></html>";
    }

    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
