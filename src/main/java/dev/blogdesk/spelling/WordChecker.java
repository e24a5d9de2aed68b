package dev.blogdesk.spelling;

import java.util.List;

/** Whether a single word is spelt right, and what it might have been meant as. */
public interface WordChecker {

    boolean isMisspelled(String word);

    /** Replacements, best first (at most a handful). */
    List<String> suggestions(String word);
}
