package dev.blogdesk.ui.editor;

import javafx.beans.value.ObservableStringValue;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.events.EventTarget;

import java.util.function.Consumer;

/**
 * Shows the rendered preview in a WebView with JavaScript off. A click on a link opens the system
 * browser; the preview pane itself never navigates away from the post.
 */
public final class PreviewPane {

    private static final Logger log = LoggerFactory.getLogger(PreviewPane.class);

    private PreviewPane() {
    }

    /** Shows a whole HTML page that changes now and then (the import wizard's sample). */
    public static void bind(WebView view, ObservableStringValue html, Consumer<String> openLink) {
        WebEngine engine = view.getEngine();
        engine.setJavaScriptEnabled(false);
        view.setContextMenuEnabled(false);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                redirectLinks(engine, openLink);
            }
        });
        refuseNavigation(engine, html::get);
        engine.loadContent(html.get());
        html.addListener((obs, old, now) -> engine.loadContent(now));
    }

    /** Backstop for navigations not started by a click (e.g. a meta refresh that slipped through). */
    static void refuseNavigation(WebEngine engine, java.util.function.Supplier<String> currentPage) {
        engine.locationProperty().addListener((obs, old, location) -> {
            if (location != null && !location.isEmpty() && !location.startsWith("about:")) {
                log.info("Preview tried to navigate away; reloading the post instead");
                javafx.application.Platform.runLater(() -> engine.loadContent(currentPage.get()));
            }
        });
    }

    /**
     * One click listener on the document (so blocks patched in later are covered too): a click on a
     * link never navigates the preview; http(s) and mailto links open in the system browser.
     */
    static void redirectLinks(WebEngine engine, Consumer<String> openLink) {
        if (engine.getDocument() == null) {
            return;
        }
        ((EventTarget) engine.getDocument()).addEventListener("click", event -> {
            org.w3c.dom.Node node = (org.w3c.dom.Node) event.getTarget();
            while (node != null && !LivePreview.isAnchor(node)) {
                node = node.getParentNode();
            }
            if (node == null) {
                return;
            }
            event.preventDefault();
            String href = ((Element) node).getAttribute("href");
            if (href != null && (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:"))) {
                openLink.accept(href);
            }
        }, false);
    }
}
