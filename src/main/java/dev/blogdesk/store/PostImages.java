package dev.blogdesk.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Images in posts, in GridFS's default bucket {@code fs} of the blog's database: the bucket
 * Flask-PyMongo's {@code save_file}/{@code send_file} use, so the Flask blog serves them with
 * {@code mongo.send_file(filename)}. The filename is the content's SHA-256 plus an extension, so the
 * same image is stored once, and an image never changes once written.
 */
public final class PostImages {

    public static final String BUCKET = "fs";
    /** The largest image kept: MongoDB's document limit, which the Flask blog's own uploads share. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final String FILES = BUCKET + ".files";
    /**
     * The largest chunk: an image up to 8 MB is one chunk, a larger one two. Each chunk is one write the
     * embedded store forces to disk, so a 5 MB photo costs one forced write for its bytes (five with 1 MB
     * chunks, twenty with GridFS's 255 kB). A chunk document stays well under MongoDB's 16 MB, and every
     * GridFS reader takes the chunk size from the file's own document.
     */
    static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;

    private final MongoDatabase database;
    private final GridFSBucket bucket;

    public PostImages(MongoDatabase database) {
        this.database = database;
        this.bucket = GridFSBuckets.create(database, BUCKET);
    }

    /** An image as stored: its filename (the Markdown links to it) and whether it was new. */
    public record Stored(String filename, boolean added) {
    }

    /**
     * Stores {@code bytes} of type {@code contentType} (image/png, image/jpeg, image/gif, image/webp,
     * image/svg+xml) unless the same image is there already.
     */
    public Stored put(byte[] bytes, String contentType) {
        ImageType type = ImageType.of(contentType);
        if (bytes.length > MAX_BYTES) {
            throw new StoreException("The image is " + megabytes(bytes.length) + " MB; BlogDesk keeps images up to 16 MB. "
                    + "Make it smaller (fewer pixels or JPEG) and insert it again.");
        }
        String filename = nameFor(bytes, type);
        return StoreErrors.call("store the image", () -> {
            if (exists(filename)) {
                return new Stored(filename, false);
            }
            ObjectId id = bucket.uploadFromStream(filename, new ByteArrayInputStream(bytes),
                    new GridFSUploadOptions().chunkSizeBytes(chunkSizeFor(bytes.length)).metadata(new Document("contentType", type.contentType())));
            // PyMongo's GridFS (and so Flask-PyMongo's send_file) reads the type from the top-level field.
            database.getCollection(FILES).updateOne(Filters.eq("_id", id), Updates.set("contentType", type.contentType()));
            return new Stored(filename, true);
        });
    }

    /** As large as the image, up to {@link #MAX_CHUNK_BYTES}: the upload's buffer is never larger than the image. */
    static int chunkSizeFor(int length) {
        return Math.max(1, Math.min(MAX_CHUNK_BYTES, length));
    }

    public boolean exists(String filename) {
        return StoreErrors.call("look up the image", () ->
                database.getCollection(FILES).find(Filters.eq("filename", filename)).limit(1).first() != null);
    }

    /** The image's bytes, or empty if no image has that filename. */
    public Optional<byte[]> read(String filename) {
        return StoreErrors.call("read the image", () -> {
            var file = bucket.find(Filters.eq("filename", filename)).first();
            if (file == null) {
                return Optional.<byte[]>empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) file.getLength());
            bucket.downloadToStream(file.getObjectId(), out);
            return Optional.of(out.toByteArray());
        });
    }

    private static final java.util.regex.Pattern CONTENT_NAME = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.(png|jpg|gif|webp|svg)");

    /** The filename {@link #put} gives these bytes: the content's SHA-256 and the type's extension. */
    public static String nameFor(byte[] bytes, ImageType type) {
        return sha256(bytes) + "." + type.extension();
    }

    /** Whether {@code filename} is one {@link #put} makes: the content's SHA-256 and an image extension. */
    public static boolean isContentName(String filename) {
        return filename != null && CONTENT_NAME.matcher(filename).matches();
    }

    private static final java.util.regex.Pattern FIRST_IMAGE = java.util.regex.Pattern.compile(
            "!\\[[^\\]]*]\\([^)\\s]*?([0-9a-f]{64}\\.(?:png|jpg|gif|webp|svg))\\)");

    /** The first stored image a post's Markdown shows ({@code ![..](<prefix><file>)}), or null. */
    public static String firstImage(String markdown) {
        if (markdown == null || !markdown.contains("![")) {
            return null;
        }
        java.util.regex.Matcher m = FIRST_IMAGE.matcher(markdown);
        return m.find() ? m.group(1) : null;
    }

    /** The content type stored with {@code filename}, from its extension. */
    public static String contentTypeOf(String filename) {
        return ImageType.ofFilename(filename).contentType();
    }

    /** Every stored image's filename. */
    public List<String> filenames() {
        return StoreErrors.call("list the images", () -> {
            List<String> names = new ArrayList<>();
            for (Document d : database.getCollection(FILES).find().projection(new Document("filename", 1))) {
                if (d.get("filename") instanceof String name) {
                    names.add(name);
                }
            }
            return names;
        });
    }

    /** A size as the messages say it: "20.3" (MB). */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
