package dev.blogdesk.spelling;

/** A word the dictionary does not know, at {@code [start, end)} of the checked text. */
public record Misspelling(int start, int end, String word) {
}
