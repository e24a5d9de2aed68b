package dev.blogdesk.sync;

import org.bson.BsonBinaryReader;
import org.bson.BsonType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The few things a push does to a post's BSON without decoding it (decoding and re-encoding 1,000
 * posts was a third of a push): digest it without one field, and set one date field.
 */
final class RawBson {

    private RawBson() {
    }

    private interface ElementSink {
        void element(String name, int start, int end);
    }

    /** Calls {@code sink} with the byte range of each top-level element. */
    private static void elements(byte[] bson, ElementSink sink) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson))) {
            reader.readStartDocument();
            while (true) {
                int start = reader.getBsonInput().getPosition();
                if (reader.readBsonType() == BsonType.END_OF_DOCUMENT) {
                    break;
                }
                String name = reader.readName();
                reader.skipValue();
                sink.element(name, start, reader.getBsonInput().getPosition());
            }
        }
    }

    /** SHA-256 over every top-level element except {@code skip}, in stored order. */
    static String digestWithout(byte[] bson, String skip) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        elements(bson, (name, start, end) -> {
            if (!name.equals(skip)) {
                sha.update(bson, start, end - start);
            }
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The document with {@code field} set to the date {@code millis} (last, replacing any old value). */
    static byte[] withDate(byte[] bson, String field, long millis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bson.length + field.length() + 16);
        out.write(bson, 0, 4); // length, patched below
        elements(bson, (name, start, end) -> {
            if (!name.equals(field)) {
                out.write(bson, start, end - start);
            }
        });
        out.write(0x09); // UTC datetime
        byte[] name = field.getBytes(StandardCharsets.UTF_8);
        out.write(name, 0, name.length);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(millis).array());
        out.write(0); // end of document
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putInt(0, result.length);
        return result;
    }

    /**
     * A document of just {@code fields} of {@code bson}, in that order, copied byte for byte; a field
     * the document lacks is null (which a filter matches only where the field is missing or null).
     */
    static byte[] project(byte[] bson, String... fields) {
        int[][] ranges = new int[fields.length][];
        elements(bson, (name, start, end) -> {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].equals(name) && ranges[i] == null) {
                    ranges[i] = new int[] {start, end};
                }
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(bson.length);
        out.write(bson, 0, 4); // length, patched below
        for (int i = 0; i < fields.length; i++) {
            if (ranges[i] != null) {
                out.write(bson, ranges[i][0], ranges[i][1] - ranges[i][0]);
            } else {
                out.write(0x0A); // null
                byte[] name = fields[i].getBytes(StandardCharsets.UTF_8);
                out.write(name, 0, name.length);
                out.write(0);
            }
        }
        out.write(0); // end of document
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putInt(0, result.length);
        return result;
    }
}
