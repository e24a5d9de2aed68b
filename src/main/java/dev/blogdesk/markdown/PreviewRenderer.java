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
        List<String> rendered = markdown.renderBlocks(document);
        List<PreviewDocument.Block> blocks = new ArrayList<>();
        // flexmark's getStartLineNumber() rescans from the start each call (1.2 s at 1 MB): use a table.
        int[] lineStarts = lineStarts(text);
        int index = 0;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext(), index++) {
            String raw = rendered.get(index);
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
            int endOffset = Math.max(node.getStartOffset(), node.getEndOffset() - 1);
            blocks.add(new PreviewDocument.Block(lineOf(lineStarts, node.getStartOffset()), lineOf(lineStarts, endOffset), safe));
        }
        return new PreviewDocument(title == null ? "" : title, List.copyOf(blocks), countWords(text));
    }

    static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /** The 0-based line holding {@code offset}. */
    static int lineOf(int[] lineStarts, int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
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
