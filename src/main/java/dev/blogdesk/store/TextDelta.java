package dev.blogdesk.store;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change from one text to the next as a few edits ({@code p}: position in the old text, {@code d}:
 * characters removed there, {@code i}: text inserted), found by a word-level diff, so changing a few
 * words of a long post costs a few small edits rather than a copy of every line they are on.
 */
public final class TextDelta {

    /** One edit: at {@code position} of the old text, remove {@code removed} characters, insert {@code inserted}. */
    public record Edit(int position, int removed, String inserted) {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final List<Edit> edits;
    private final int wordsAdded;
    private final int wordsRemoved;

    private TextDelta(List<Edit> edits, int wordsAdded, int wordsRemoved) {
        this.edits = edits;
        this.wordsAdded = wordsAdded;
        this.wordsRemoved = wordsRemoved;
    }

    public static TextDelta between(String from, String to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        int[] offsets = new int[a.size() + 1];
        for (int i = 0; i < a.size(); i++) {
            offsets[i + 1] = offsets[i] + a.get(i).length();
        }
        List<Edit> edits = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            List<String> gone = delta.getSource().getLines();
            List<String> come = delta.getTarget().getLines();
            int length = offsets[at + gone.size()] - offsets[at];
            edits.add(new Edit(offsets[at], length, String.join("", come)));
            added += words(come);
            removed += words(gone);
        }
        return new TextDelta(List.copyOf(edits), added, removed);
    }

    /** The delta stored as {@code [{p, d, i}, ...]}. */
    public static TextDelta of(List<Document> stored) {
        List<Edit> edits = new ArrayList<>();
        for (Document d : stored) {
            edits.add(new Edit(d.getInteger("p"), d.getInteger("d"), d.getString("i")));
        }
        return new TextDelta(edits, 0, 0);
    }

    public List<Document> toDocuments() {
        List<Document> out = new ArrayList<>(edits.size());
        for (Edit e : edits) {
            out.add(new Document("p", e.position()).append("d", e.removed()).append("i", e.inserted()));
        }
        return out;
    }

    /** {@code from} with the edits made: the text the delta was computed to. */
    public String applyTo(String from) {
        StringBuilder out = new StringBuilder(from.length() + 64);
        int at = 0;
        for (Edit e : edits) {
            if (e.position() < at || e.position() + e.removed() > from.length()) {
                throw new IllegalArgumentException("The delta does not fit the text it is applied to");
            }
            out.append(from, at, e.position()).append(e.inserted());
            at = e.position() + e.removed();
        }
        return out.append(from, at, from.length()).toString();
    }

    /** Roughly what the edits take to store, to choose between a delta and a full copy. */
    public int size() {
        int size = 0;
        for (Edit e : edits) {
            size += 24 + e.inserted().length();
        }
        return size;
    }

    public int wordsAdded() {
        return wordsAdded;
    }

    public int wordsRemoved() {
        return wordsRemoved;
    }

    /** Words in {@code text}, for a revision stored whole (all added) or against nothing. */
    public static int words(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int words(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            if (WORD.matcher(t).matches()) {
                n++;
            }
        }
        return n;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
