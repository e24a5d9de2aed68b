package dev.blogdesk.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

import java.util.HashSet;
import java.util.Set;

/**
 * Character n-grams of folded text, as raw bytes (three per code point, so the separator, which is
 * not a code point, still encodes). Trigrams carry their code-point offset as position, so a phrase
 * of trigrams finds any literal of three or more characters exactly; one- and two-character terms
 * are looked up in the set of distinct uni- and bigrams. No gram spans the title/content separator.
 */
final class GramTokenStream extends TokenStream {

    private static final int BYTES_PER_CODE_POINT = 3;

    private final BytesTermAttribute termAttribute = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute positionAttribute = addAttribute(PositionIncrementAttribute.class);
    private final int[] text;
    private final long[] shortGrams;
    private final byte[] buffer = new byte[3 * BYTES_PER_CODE_POINT];
    private final BytesRef ref = new BytesRef(buffer);
    private int next;
    private int lastPosition;

    private GramTokenStream(int[] text, long[] shortGrams) {
        this.text = text;
        this.shortGrams = shortGrams;
    }

    /** Every trigram with its position. */
    static GramTokenStream trigrams(int[] text) {
        return new GramTokenStream(text, null);
    }

    /** The distinct uni- and bigrams, once each. */
    static GramTokenStream shortGrams(int[] text) {
        Set<Long> grams = new HashSet<>();
        for (int i = 0; i < text.length; i++) {
            if (text[i] == TextFolding.SEPARATOR) {
                continue;
            }
            grams.add((long) text[i]);
            if (i + 1 < text.length && text[i + 1] != TextFolding.SEPARATOR) {
                grams.add((1L << 42) | ((long) text[i] << 21) | text[i + 1]);
            }
        }
        long[] sorted = grams.stream().mapToLong(Long::longValue).sorted().toArray();
        return new GramTokenStream(text, sorted);
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
        lastPosition = -1;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        return shortGrams != null ? nextShortGram() : nextTrigram();
    }

    private boolean nextTrigram() {
        while (next + 2 < text.length) {
            int i = next++;
            if (text[i] == TextFolding.SEPARATOR || text[i + 1] == TextFolding.SEPARATOR
                    || text[i + 2] == TextFolding.SEPARATOR) {
                continue;
            }
            encode(buffer, 0, text[i]);
            encode(buffer, 3, text[i + 1]);
            encode(buffer, 6, text[i + 2]);
            ref.length = 9;
            termAttribute.setBytesRef(ref);
            positionAttribute.setPositionIncrement(i - lastPosition);
            lastPosition = i;
            return true;
        }
        return false;
    }

    private boolean nextShortGram() {
        if (next >= shortGrams.length) {
            return false;
        }
        long gram = shortGrams[next++];
        if ((gram >>> 42) == 0) {
            encode(buffer, 0, (int) gram);
            ref.length = 3;
        } else {
            encode(buffer, 0, (int) ((gram >>> 21) & 0x1FFFFF));
            encode(buffer, 3, (int) (gram & 0x1FFFFF));
            ref.length = 6;
        }
        termAttribute.setBytesRef(ref);
        return true;
    }

    /** The term for {@code length} code points of a folded query term starting at {@code from}. */
    static BytesRef term(int[] codePoints, int from, int length) {
        byte[] bytes = new byte[length * BYTES_PER_CODE_POINT];
        for (int i = 0; i < length; i++) {
            encode(bytes, i * BYTES_PER_CODE_POINT, codePoints[from + i]);
        }
        return new BytesRef(bytes);
    }

    private static void encode(byte[] into, int at, int codePoint) {
        into[at] = (byte) (codePoint >>> 16);
        into[at + 1] = (byte) (codePoint >>> 8);
        into[at + 2] = (byte) codePoint;
    }
}
