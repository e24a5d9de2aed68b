package dev.blogdesk.ui.editor;

import dev.blogdesk.markdown.PreviewDocument;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;
import java.util.function.Consumer;

/**
 * The editor's preview. The page's own JavaScript is off (nothing in a post can run); BlogDesk itself
 * patches the page: when a keystroke changes one block, only that block is replaced, so the page does
 * not reload, keeps its scroll position and costs the FX thread little. It follows the caret by
 * scrolling the block rendered from the caret's source line into view.
 */
public final class LivePreview {

    private static final Logger log = LoggerFactory.getLogger(LivePreview.class);
    private final WebView view;
    private final WebEngine engine;
    private PreviewDocument shown;
    private boolean shownDark;
    private PreviewDocument waiting;
    private boolean waitingDark;
    private int lastRevealed = -1;
    private String baseUrl;

    public LivePreview(WebView view, Consumer<String> openLink) {
        this.view = view;
        this.engine = view.getEngine();
        engine.setJavaScriptEnabled(false);
        view.setContextMenuEnabled(false);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                PreviewPane.redirectLinks(engine, openLink);
                if (waiting != null) {
                    PreviewDocument next = waiting;
                    waiting = null;
                    show(next, waitingDark);
                }
            }
        });
        PreviewPane.refuseNavigation(engine, () -> shown == null ? "" : shown.toHtml(shownDark, baseUrl));
    }

    /** The blog's address: relative images and links in posts resolve against it. Reloads the page. */
    public void setBaseUrl(String url) {
        baseUrl = url;
        if (shown != null && !engine.getLoadWorker().isRunning()) {
            engine.loadContent(shown.toHtml(shownDark, baseUrl));
        }
    }

    public void show(PreviewDocument doc, boolean dark) {
        if (engine.getLoadWorker().isRunning()) {
            waiting = doc;
            waitingDark = dark;
            return;
        }
        PreviewDocument old = shown;
        if (old == null || dark != shownDark || old.blocks().isEmpty() || doc.blocks().isEmpty() || engine.getDocument() == null) {
            shown = doc;
            shownDark = dark;
            lastRevealed = -1; // a fresh page starts at the top
            engine.loadContent(doc.toHtml(dark, baseUrl));
            return;
        }
        shown = doc;
        if (!old.title().equals(doc.title())) {
            engine.executeScript("(function(t){var h=document.querySelector('h1.post-title'); if(h){h.textContent=t;}})("
                    + jsString(doc.title()) + ")");
        }
        patch(old.blocks(), doc.blocks());
    }

    /** Replaces the blocks between the unchanged head and tail of the page. */
    private void patch(List<PreviewDocument.Block> before, List<PreviewDocument.Block> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).safeHtml().equals(after.get(head).safeHtml())) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).safeHtml().equals(after.get(after.size() - 1 - tail).safeHtml())) {
            tail++;
        }
        int remove = before.size() - head - tail;
        if (remove == 0 && after.size() - head - tail == 0) {
            return;
        }
        StringBuilder html = new StringBuilder();
        for (int i = head; i < after.size() - tail; i++) {
            html.append("<div class=\"blk\">").append(after.get(i).safeHtml()).append("</div>");
        }
        try {
            engine.executeScript("(function(at,n,html){var c=document.getElementById('content');"
                    + "for(var i=0;i<n;i++){c.removeChild(c.children[at]);}"
                    + "var t=document.createElement('div');t.innerHTML=html;var ref=c.children[at]||null;"
                    + "while(t.firstChild){c.insertBefore(t.firstChild,ref);}})(" + head + "," + remove + "," + jsString(html.toString()) + ")");
        } catch (RuntimeException e) {
            // Never leave a wrong preview: fall back to a full load.
            log.warn("Preview patch failed, reloading: {}", e.getMessage());
            engine.loadContent(shown.toHtml(shownDark, baseUrl));
        }
    }

    /** Scrolls so the block rendered from source line {@code line} is visible (a third from the top). */
    public void revealLine(int line) {
        if (shown == null || engine.getDocument() == null || engine.getLoadWorker().isRunning()) {
            return;
        }
        int block = shown.blockForLine(line);
        if (block < 0 || block == lastRevealed) {
            return;
        }
        lastRevealed = block;
        engine.executeScript("(function(i){var e=document.getElementById('content').children[i];if(!e){return;}"
                + "var r=e.getBoundingClientRect();if(r.top<0||r.bottom>window.innerHeight){"
                + "window.scrollTo(0,Math.max(0,e.offsetTop-window.innerHeight/3));}})(" + block + ")");
    }

    /** A JavaScript string literal for {@code s}: quotes, backslashes, line breaks and U+2028/9 escaped. */
    static String jsString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static boolean isAnchor(Node node) {
        return node instanceof Element e && "a".equalsIgnoreCase(e.getTagName());
    }

    public WebView view() {
        return view;
    }

}
