package dev.blogdesk.spelling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Words the writer added ("Add to Dictionary"): one per line in {@code dictionary.txt} in the data
 * folder, plain UTF-8 so it can be edited or copied by hand. Written whole to a temporary file and
 * moved over the old one, so a crash never leaves half a dictionary.
 */
public final class UserDictionary {

    private final Path file;
    private final Set<String> words = Collections.synchronizedSet(new LinkedHashSet<>());

    private UserDictionary(Path file) {
        this.file = file;
    }

    /** The dictionary kept in {@code file}; a missing file is an empty dictionary. */
    public static UserDictionary load(Path file) throws IOException {
        UserDictionary d = new UserDictionary(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    d.words.add(w);
                }
            }
        }
        return d;
    }

    /** An empty dictionary that keeps its words in memory only (spelling in tests and benches). */
    public static UserDictionary inMemory() {
        return new UserDictionary(null);
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    /** Adds {@code word} and writes the file; throws if it cannot be written (the word is then not kept). */
    public void add(String word) throws IOException {
        if (!words.add(word) || file == null) {
            return;
        }
        List<String> lines;
        synchronized (words) {
            lines = new ArrayList<>(words);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            words.remove(word);
            throw e;
        }
    }
}
