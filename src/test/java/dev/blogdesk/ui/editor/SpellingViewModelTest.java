package dev.blogdesk.ui.editor;

import dev.blogdesk.app.DirectTaskExecutor;
import dev.blogdesk.spelling.Misspelling;
import dev.blogdesk.spelling.SpellLanguage;
import dev.blogdesk.spelling.UserDictionary;
import dev.blogdesk.spelling.WordChecker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingViewModelTest {

    /** A dictionary of a few words; everything else is misspelt. */
    static final class TinyDictionary implements WordChecker {
        final Set<String> known = Set.of("this", "is", "fine", "the");

        @Override
        public boolean isMisspelled(String word) {
            return !known.contains(word.toLowerCase());
        }

        @Override
        public List<String> suggestions(String word) {
            return List.of("fine");
        }
    }

    final List<SpellLanguage> loaded = new ArrayList<>();
    final SpellingViewModel vm = new SpellingViewModel(new DirectTaskExecutor(), language -> {
        loaded.add(language);
        return new TinyDictionary();
    }, UserDictionary::inMemory);

    @Test
    void offChecksNothingAndChoosingALanguageLoadsItsDictionaryOnce() {
        assertThat(vm.check("Thiss is fien")).isEmpty();
        int before = vm.changesProperty().get();
        vm.languageProperty().set(SpellLanguage.GERMAN);
        assertThat(loaded).containsExactly(SpellLanguage.GERMAN);
        assertThat(vm.changesProperty().get()).as("the editor is told to check again").isGreaterThan(before);
        assertThat(vm.check("Thiss is fien")).extracting(Misspelling::word).containsExactly("Thiss", "fien");
        vm.languageProperty().set(SpellLanguage.OFF);
        assertThat(vm.check("Thiss is fien")).isEmpty();
        assertThat(vm.isChecking()).isFalse();
    }

    @Test
    void ignoredAndAddedWordsAreNoLongerFlaggedAndTheTitleIsCheckedToo() {
        vm.languageProperty().set(SpellLanguage.ENGLISH_US);
        vm.checkTitle("Fien title");
        assertThat(vm.titleMisspellingsProperty().get()).extracting(Misspelling::word).containsExactly("Fien", "title");
        vm.ignore("title");
        vm.addToDictionary("fien");
        assertThat(vm.check("fien title is fine")).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Added “fien”");
        List<List<String>> got = new ArrayList<>();
        vm.suggestions("fien", got::add);
        assertThat(got).containsExactly(List.of("fine"));
    }

    @Test
    void underlinesAreLaidOverTheHighlightingWithoutGapsOrOverlaps() {
        var spans = List.of(new MarkdownHighlighter.Span(0, 10, "md-heading"), new MarkdownHighlighter.Span(20, 30, "md-bold"));
        var errors = List.of(new Misspelling(2, 5, "abc"), new Misspelling(8, 12, "defg"), new Misspelling(15, 17, "hi"),
                new Misspelling(25, 30, "jklmn"));
        assertThat(SpellingSpans.merge(spans, errors)).containsExactly(
                new MarkdownHighlighter.Span(0, 2, "md-heading"),
                new MarkdownHighlighter.Span(2, 5, "md-heading spell-error"),
                new MarkdownHighlighter.Span(5, 8, "md-heading"),
                new MarkdownHighlighter.Span(8, 10, "md-heading spell-error"),
                new MarkdownHighlighter.Span(10, 12, "spell-error"),
                new MarkdownHighlighter.Span(15, 17, "spell-error"),
                new MarkdownHighlighter.Span(20, 25, "md-bold"),
                new MarkdownHighlighter.Span(25, 30, "md-bold spell-error"));
        assertThat(SpellingSpans.merge(spans, List.of())).isSameAs(spans);
    }
}
