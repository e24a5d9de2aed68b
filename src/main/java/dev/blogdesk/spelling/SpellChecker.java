package dev.blogdesk.spelling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spelling of a Markdown post: the prose words ({@link ProseWords}) the dictionary does not know, minus
 * the user's dictionary and the words ignored this session. Results are kept per line, so a check
 * after typing only looks at the lines that changed. Safe to call from several threads.
 */
public final class SpellChecker {

    private static final int MAX_CACHED_LINES = 20_000;

    private final WordChecker words;
    private final UserDictionary dictionary;
    private final Set<String> ignored = Collections.synchronizedSet(new HashSet<>());
    /** Line text to its misspellings' {start, end} within the line; cleared when the known words change. */
    private final Map<String, List<int[]>> lines = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<int[]>> eldest) {
            return size() > MAX_CACHED_LINES;
        }
    };

    public SpellChecker(WordChecker words, UserDictionary dictionary) {
        this.words = words;
        this.dictionary = dictionary;
    }

    /** The misspelt words of {@code markdown}, in order. */
    public List<Misspelling> check(String markdown) {
        List<Misspelling> found = new ArrayList<>();
        ProseWords.lines(markdown, line -> {
            for (int[] r : misspeltIn(line.text())) {
                found.add(new Misspelling(line.start() + r[0], line.start() + r[1], line.text().substring(r[0], r[1])));
            }
        });
        return found;
    }

    private List<int[]> misspeltIn(String line) {
        synchronized (lines) {
            List<int[]> known = lines.get(line);
            if (known != null) {
                return known;
            }
        }
        List<int[]> wrong = new ArrayList<>();
        for (int[] w : ProseWords.words(line)) {
            if (isMisspelled(line.substring(w[0], w[1]))) {
                wrong.add(w);
            }
        }
        synchronized (lines) {
            lines.put(line, wrong);
        }
        return wrong;
    }

    public boolean isMisspelled(String word) {
        String plain = word.replace('’', '\'');
        if (dictionary.contains(plain) || ignored.contains(plain)) {
            return false;
        }
        // A capitalised word at the start of a sentence is the same word.
        return words.isMisspelled(plain) && (!Character.isUpperCase(plain.charAt(0))
                || words.isMisspelled(plain.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + plain.substring(1)));
    }

    public List<String> suggestions(String word) {
        return words.suggestions(word.replace('’', '\''));
    }

    /** Adds {@code word} to the user's dictionary for good. */
    public void addToDictionary(String word) throws IOException {
        dictionary.add(word.replace('’', '\''));
        forgetLines();
    }

    /** Stops flagging {@code word} until the app quits. */
    public void ignore(String word) {
        ignored.add(word.replace('’', '\''));
        forgetLines();
    }

    private void forgetLines() {
        synchronized (lines) {
            lines.clear();
        }
    }
}
