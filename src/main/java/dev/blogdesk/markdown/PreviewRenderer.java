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

    /** Image {@code src} values as the preview loads them (the app shows stored images from the local store). */
    private volatile java.util.function.UnaryOperator<String> imageSources = java.util.function.UnaryOperator.identity();
    private static final java.util.regex.Pattern IMG_SRC = java.util.regex.Pattern.compile("(<img\\b[^>]*?\\ssrc=\")([^\"]*)(\")");

    public PreviewRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** Maps each image's {@code src} after sanitizing (so a mapped value is never re-checked as user input). */
    public void useImageSources(java.util.function.UnaryOperator<String> sources) {
        this.imageSources = sources;
    }

    private String withImageSources(String html) {
        if (!html.contains("<img")) {
            return html;
        }
        java.util.function.UnaryOperator<String> sources = imageSources;
        return IMG_SRC.matcher(html).replaceAll(m -> {
            String src = org.jsoup.parser.Parser.unescapeEntities(m.group(2), true);
            String mapped = sources.apply(src);
            // Only a mapped value is new; any other src stays exactly as the sanitizer wrote it.
            return java.util.regex.Matcher.quoteReplacement(m.group(1) + (mapped.equals(src) ? m.group(2) : mapped) + m.group(3));
        });
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
            blocks.add(new PreviewDocument.Block(lineOf(lineStarts, node.getStartOffset()), lineOf(lineStarts, endOffset),
                    withImageSources(safe)));
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
