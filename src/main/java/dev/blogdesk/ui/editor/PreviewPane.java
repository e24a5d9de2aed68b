package dev.blogdesk.ui.editor;

import javafx.beans.value.ObservableStringValue;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
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

    public static void bind(WebView view, ObservableStringValue html, Consumer<String> openLink) {
        WebEngine engine = view.getEngine();
        engine.setJavaScriptEnabled(false);
        view.setContextMenuEnabled(false);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                redirectLinks(engine, openLink);
            }
        });
        // Backstop for navigations not started by a click (e.g. a meta refresh that slipped through).
        engine.locationProperty().addListener((obs, old, location) -> {
            if (location != null && !location.isEmpty() && !location.startsWith("about:")) {
                log.info("Preview tried to navigate away; reloading the post instead");
                javafx.application.Platform.runLater(() -> engine.loadContent(html.get()));
            }
        });
        engine.loadContent(html.get());
        html.addListener((obs, old, now) -> engine.loadContent(now));
    }

    private static void redirectLinks(WebEngine engine, Consumer<String> openLink) {
        if (engine.getDocument() == null) {
            return;
        }
        NodeList anchors = engine.getDocument().getElementsByTagName("a");
        for (int i = 0; i < anchors.getLength(); i++) {
            Element a = (Element) anchors.item(i);
            ((EventTarget) a).addEventListener("click", event -> {
                event.preventDefault();
                String href = a.getAttribute("href");
                if (href != null && (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:"))) {
                    openLink.accept(href);
                }
            }, false);
        }
    }
}
