package dev.blogdesk.importer;

import dev.blogdesk.importer.ImportProblem.Reason;
import org.bson.BsonBinary;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.bson.Document;
import dev.blogdesk.store.PostSchema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link SourceRow} into the BlogDesk document ({@link PostSchema}): a deterministic {@code _id} from
 * source, table and row id (so a re-run finds the same document), the post fields, and
 * {@code legacy: {source, table, id, checksum}} where the checksum covers the source values, so a
 * re-run can tell changed rows from unchanged ones.
 */
final class DocumentFactory {

    /** What the content was at the source ("html"), when it was not Markdown. */
    static final String LEGACY_FORMAT = "format";
    /** The source's content as it was, when BlogDesk converted it. */
    static final String LEGACY_ORIGINAL = "original";
    /** How many of the post's links to the old site's images point at copies in GridFS. */
    static final String LEGACY_IMAGES = "images";
    /** MongoDB's limit for one document. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final String source;
    private final String table;
    private final boolean keepHtml;
    private final LegacyImages images;
    /** Posts converted to Markdown, by the format they came in (html, mobiledoc, lexical); read by one thread. */
    private final java.util.Map<String, Long> conversionCounts = new java.util.TreeMap<>();

    /**
     * @param keepHtml HTML content stays HTML; otherwise it becomes Markdown (the original goes to {@code legacy})
     * @param images   finds the old site's images the posts link to; null: links are left alone
     */
    DocumentFactory(String source, String table, boolean keepHtml, LegacyImages images) {
        this.source = source;
        this.table = table;
        this.keepHtml = keepHtml;
        this.images = images;
    }

    DocumentFactory(String source, String table, boolean keepHtml) {
        this(source, table, keepHtml, null);
    }

    /** The content as stored, and the original when it was converted (null otherwise). */
    private record Content(String text, String original, String format) {
    }

    /** How many of an imported post's links to the old site's images point at copies in GridFS ({@code legacy.images}). */
    static int imagesOf(Document legacy) {
        return legacy.get(LEGACY_IMAGES) instanceof Number n ? n.intValue() : 0;
    }

    /** How many posts were converted to Markdown, by the format they came in. */
    java.util.Map<String, Long> conversions() {
        return java.util.Map.copyOf(conversionCounts);
    }

    /** An earlier version's text as the post's own would be stored: converted unless the HTML is kept. */
    String markdownOf(String content) {
        return content(null, content, null).text();
    }

    private Content content(SourceRow row, List<ImportProblem> problems) {
        Content content = content(row.id(), row.content(), problems);
        if (content.original() != null && !"html".equals(content.format()) && row.renderedHtml() != null
                && !row.renderedHtml().isBlank()) {
            // Converted from the engine's own format: checked against the page the old blog rendered from it.
            String difference = HtmlContent.difference(row.renderedHtml(), content.text());
            if (difference != null) {
                problems.add(new ImportProblem(table, row.id(), Reason.CONVERSION_DIFFERS, difference + " (compared with the page "
                        + "the old blog rendered from its " + content.format() + ")"));
            }
        }
        return content;
    }

    private Content content(Object id, String content, List<ImportProblem> problems) {
        if (Lexical.looksLikeLexical(content)) {
            try {
                return new Content(Lexical.toMarkdown(content), content, "lexical");
            } catch (IllegalArgumentException | ClassCastException e) {
                report(problems, new ImportProblem(table, id, Reason.CONVERSION_DIFFERS,
                        "The lexical JSON could not be read (" + e.getMessage() + "); the post holds it as it was."));
                return new Content(content, null, "lexical");
            }
        }
        if (Mobiledoc.looksLikeMobiledoc(content)) {
            try {
                return new Content(Mobiledoc.toMarkdown(content), content, "mobiledoc");
            } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
                report(problems, new ImportProblem(table, id, Reason.CONVERSION_DIFFERS,
                        "The mobiledoc could not be read (" + e.getMessage() + "); the post holds it as it was."));
                return new Content(content, null, "mobiledoc");
            }
        }
        if (!HtmlContent.looksLikeHtml(content)) {
            return new Content(content, null, null);
        }
        if (keepHtml) {
            return new Content(content, null, "html");
        }
        String markdown = HtmlContent.toMarkdown(content);
        String difference = problems == null ? null : HtmlContent.difference(content, markdown); // null: no report wanted
        if (difference != null) {
            problems.add(new ImportProblem(table, id, Reason.CONVERSION_DIFFERS, difference));
        }
        return new Content(markdown, content, "html");
    }

    private static void report(List<ImportProblem> problems, ImportProblem problem) {
        if (problems != null) {
            problems.add(problem);
        }
    }

    /** The document, or null when the row is too large even without its comments (then a problem is added). */
    Document build(SourceRow row, Date now, List<ImportProblem> problems) {
        Content converted = content(row, problems);
        LegacyImages.Rewritten rewritten = images == null ? new LegacyImages.Rewritten(converted.text(), 0)
                : images.rewrite(converted.text(), row.id(), table, problems);
        Content content = new Content(rewritten.text(), converted.original(), converted.format());
        if (converted.original() != null) {
            conversionCounts.merge(converted.format(), 1L, Long::sum);
        }
        String title = HtmlContent.decodeTitle(row.title());
        Document doc = PostSchema.newDocument(idFor(row.id()), title, content.text(), row.date(), now.toInstant());
        doc.append(PostSchema.STATUS, row.status().value());
        if (row.author() != null) {
            doc.append(PostSchema.AUTHOR, row.author());
        }
        if (!row.tags().isEmpty()) {
            doc.append(PostSchema.TAGS, row.tags());
        }
        if (!row.comments().isEmpty()) {
            doc.append(PostSchema.COMMENTS, row.comments());
        }
        Document legacy = legacy(row);
        if (content.format() != null) {
            legacy.append(LEGACY_FORMAT, content.format());
        }
        if (content.original() != null) {
            legacy.append(LEGACY_ORIGINAL, content.original());
        }
        if (!title.equals(row.title())) {
            legacy.append("title_raw", row.title());
        }
        if (rewritten.links() > 0) {
            legacy.append(LEGACY_IMAGES, rewritten.links()); // a re-run with the old site's folder can tell what it adds
        }
        doc.append(PostSchema.LEGACY, legacy);

        // Encoding to measure costs time: only rows that could come near the limit are measured exactly.
        long bound = 3L * (row.title().length() + content.text().length()
                + (content.original() == null ? 0 : content.original().length())) + 64 * 1024;
        int size = row.comments().isEmpty() && row.rawBytes().isEmpty() && bound < MAX_DOCUMENT_BYTES ? 0 : size(doc);
        if (size > MAX_DOCUMENT_BYTES && !row.comments().isEmpty()) {
            // Keep the oldest comments that fit: measure each once instead of re-encoding the post per comment.
            doc.put(PostSchema.COMMENTS, List.of());
            long total = size(doc);
            List<Document> kept = new ArrayList<>();
            for (Document comment : row.comments()) {
                // array element: type byte + decimal index key + NUL + the comment itself
                long element = 2 + Integer.toString(kept.size()).length() + size(comment);
                if (total + element > MAX_DOCUMENT_BYTES) {
                    break;
                }
                total += element;
                kept.add(comment);
            }
            doc.put(PostSchema.COMMENTS, kept);
            size = size(doc);
            if (size <= MAX_DOCUMENT_BYTES) {
                problems.add(new ImportProblem(table, row.id(), Reason.COMMENTS_CAPPED, "Kept " + kept.size() + " of "
                        + row.comments().size() + " comments; the rest would exceed the 16 MB document limit."));
            }
        }
        if (size > MAX_DOCUMENT_BYTES) {
            problems.add(new ImportProblem(table, row.id(), Reason.TOO_LARGE,
                    "The row would be a " + (size / (1024 * 1024)) + " MB document; the limit is 16 MB."));
            return null;
        }
        return doc;
    }

    private Document legacy(SourceRow row) {
        Document legacy = new Document(PostSchema.LEGACY_SOURCE, source).append(PostSchema.LEGACY_TABLE, table)
                .append(PostSchema.LEGACY_ID, row.id()).append(PostSchema.LEGACY_CHECKSUM, checksum(row));
        if (row.dateRaw() != null) {
            legacy.append("date_raw", row.dateRaw());
        }
        if (!row.rawBytes().isEmpty()) {
            Document raw = new Document();
            new TreeMap<>(row.rawBytes()).forEach((field, bytes) -> raw.append(field, new Binary(bytes)));
            legacy.append("raw", raw);
        }
        return legacy;
    }

    /**
     * The new post's {@code _id}, the same on every run: 4 bytes from the source and table, then an
     * integer row id itself (so posts are stored in row order, which the embedded store's B-tree writes
     * far faster than random keys) or 8 bytes of a hash of any other id. A re-run finds posts by their
     * {@code legacy} id, so posts written with the earlier all-hash scheme are found as well.
     */
    ObjectId idFor(Object rowId) {
        byte[] id = java.util.Arrays.copyOf(sha256("blogdesk-import\0" + source + "\0" + table), 12);
        if (rowId instanceof Long n) {
            java.nio.ByteBuffer.wrap(id, 4, 8).putLong(n ^ Long.MIN_VALUE); // negative ids sort before positive ones
        } else {
            System.arraycopy(sha256("blogdesk-import\0" + source + "\0" + table + "\0" + rowId), 0, id, 4, 8);
        }
        return new ObjectId(id);
    }

    /**
     * Covers every source value that ends up in the document, so any change in the source changes it. The
     * status is covered only when it is not "published": checksums from before drafts were imported stay
     * valid, and a draft published at the source since counts as changed.
     */
    static String checksum(SourceRow row) {
        Document values = new Document("title", row.title()).append("content", row.content())
                .append("date", row.dateRaw()).append("author", row.author()).append("tags", row.tags())
                .append("comments", row.comments());
        if (row.status() != dev.blogdesk.store.PostStatus.PUBLISHED) {
            values.append("status", row.status().value());
        }
        for (Map.Entry<String, byte[]> raw : new TreeMap<>(row.rawBytes()).entrySet()) {
            values.append("raw_" + raw.getKey(), new BsonBinary(raw.getValue()));
        }
        return HexFormat.of().formatHex(sha256(new RawBsonDocument(values, CODEC).getByteBuffer().array()), 0, 16);
    }

    /** What verification compares: the stored fields the source determines. */
    static long contentDigest(Document doc) {
        return contentDigest(doc.get(PostSchema.TITLE), doc.get(PostSchema.CONTENT), doc.get(PostSchema.DATE_POSTED));
    }

    private static long contentDigest(Object title, Object content, Object datePosted) {
        String text = title + "\u0000" + content + "\u0000" + (datePosted instanceof Date d ? d.getTime() : "none");
        byte[] hash = sha256(text);
        return java.nio.ByteBuffer.wrap(hash).getLong();
    }

    static int size(Document doc) {
        return new RawBsonDocument(doc, CODEC).getByteBuffer().remaining();
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
