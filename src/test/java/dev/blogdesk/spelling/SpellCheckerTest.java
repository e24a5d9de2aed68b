package dev.blogdesk.spelling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spelling with LanguageTool's own English dictionary: what is flagged, what is never looked at. */
class SpellCheckerTest {

    static LanguageToolWords english;

    @BeforeAll
    static void loadDictionary() {
        english = new LanguageToolWords(SpellLanguage.ENGLISH_US);
        english.load();
    }

    private static List<String> misspelt(SpellChecker checker, String text) {
        return checker.check(text).stream().map(Misspelling::word).toList();
    }

    @Test
    void proseIsCheckedAndCodeUrlsFrontMatterAndTagsAreNot() {
        SpellChecker checker = new SpellChecker(english, UserDictionary.inMemory());
        String post = """
                ---
                title: Frnt matter
                ---
                # A hedding

                Ths is a sentence with a mispelled word, and `inlne` code.
                See https://exmple.com/pagge or <span class="clss">tagg</span> and [a linkk](http://x.org/wrng).

                ```java
                Strng wrongg = "code";
                ```

                    indentd code block

                - a list itemm
                Don't flag MongoDB, JavaFX, snake_cse, v2beta or NASA.
                [ref]: http://refrence.org
                """;
        List<Misspelling> found = checker.check(post);
        assertThat(found).extracting(Misspelling::word)
                .containsExactly("hedding", "Ths", "mispelled", "tagg", "linkk", "itemm");
        Misspelling first = found.get(0);
        assertThat(post.substring(first.start(), first.end())).isEqualTo("hedding");
        assertThat(checker.suggestions("mispelled")).contains("misspelled");
    }

    @Test
    void addedWordsStayAddedInTheFileAndIgnoredOnesOnlyForTheSession(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dictionary.txt");
        SpellChecker checker = new SpellChecker(english, UserDictionary.load(file));
        assertThat(misspelt(checker, "Blogdesk and Flaskr are here.")).containsExactly("Blogdesk", "Flaskr");
        checker.addToDictionary("Blogdesk");
        checker.ignore("Flaskr");
        assertThat(misspelt(checker, "Blogdesk and Flaskr are here.")).isEmpty();

        SpellChecker afterRestart = new SpellChecker(english, UserDictionary.load(file));
        assertThat(misspelt(afterRestart, "Blogdesk and Flaskr are here.")).containsExactly("Flaskr");
    }

    @Test
    void theOtherLanguagesLoadAndKnowTheirOwnWords() {
        assertThat(new LanguageToolWords(SpellLanguage.GERMAN).isMisspelled("Zusammenarbeit")).isFalse();
        assertThat(new LanguageToolWords(SpellLanguage.SPANISH).isMisspelled("casa")).isFalse();
        assertThat(new LanguageToolWords(SpellLanguage.FRENCH).isMisspelled("maison")).isFalse();
        assertThat(new LanguageToolWords(SpellLanguage.PORTUGUESE).isMisspelled("obrigado")).isFalse();
        assertThat(new LanguageToolWords(SpellLanguage.FRENCH).isMisspelled("mayzon")).isTrue();
    }
}
