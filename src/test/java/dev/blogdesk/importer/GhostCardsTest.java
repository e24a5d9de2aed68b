package dev.blogdesk.importer;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ghost's bookmark card, as mobiledoc and lexical store it, becomes a titled link and the page's description. */
class GhostCardsTest {

    private static final String MOBILEDOC_BOOKMARK = """
            {"version":"0.3.1","atoms":[],"markups":[],"sections":[[10,0]],"cards":[["bookmark",{
              "url":"https://example.com/notes","caption":"Where I <em>started</em>",
              "metadata":{"url":"https://example.com/notes","title":"Notes [draft] *one*","description":"Twelve notes on 3 < 4.",
                "publisher":"Example","icon":"https://example.com/favicon.ico","thumbnail":"https://example.com/n.jpg"}}]]}""";

    @Test
    void aBookmarkKeepsItsTitleDescriptionAndCaptionAndEscapesWhatMarkdownWouldRead() {
        assertThat(Mobiledoc.toMarkdown(MOBILEDOC_BOOKMARK)).isEqualTo("""
                [Notes \\[draft\\] \\*one\\*](https://example.com/notes)

                Twelve notes on 3 \\< 4.

                Where I *started*
                """);
    }

    @Test
    void aBookmarkWithoutMetadataIsItsAddressAndOneWithoutAddressIsNothing() {
        assertThat(GhostCards.bookmark("https://example.com/a", null, null)).isEqualTo("<https://example.com/a>");
        assertThat(GhostCards.bookmark("https://example.com/a", new Document("title", " "), "")).isEqualTo("<https://example.com/a>");
        assertThat(GhostCards.bookmark(" ", new Document("title", "A"), "caption")).isEmpty();
        assertThat(GhostCards.bookmark(null, null, null)).isEmpty();
    }
}
