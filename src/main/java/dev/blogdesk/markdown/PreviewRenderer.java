package dev.blogdesk.markdown;

import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders Markdown block by block for the live preview. A keystroke changes one block, so sanitized
 * blocks are cached by their raw HTML: only changed blocks go through jsoup again. Thread-safe.
 */
public final class PreviewRenderer {

    private static final int CACHE_BLOCKS = 8192;
    private final MarkdownRenderer markdown;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final Map<String, String> sanitized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_BLOCKS;
        }
    };

    public PreviewRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public PreviewDocument render(String title, String content) {
        String text = content == null ? "" : content;
        Node document = markdown.parse(text);
        List<PreviewDocument.Block> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            String raw = markdown.renderNode(node);
            if (raw.isBlank()) {
                continue; // e.g. link reference definitions
            }
            String safe;
            synchronized (sanitized) {
                safe = sanitized.get(raw);
            }
            if (safe == null) {
                safe = sanitizer.sanitize(raw);
                synchronized (sanitized) {
                    sanitized.put(raw, safe);
                }
            }
            blocks.add(new PreviewDocument.Block(node.getStartLineNumber(), node.getEndLineNumber(), safe));
        }
        return new PreviewDocument(title == null ? "" : title, List.copyOf(blocks), countWords(text));
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
