package dev.blogdesk.spelling;

import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.languagetool.rules.spelling.hunspell.CompoundAwareHunspellRule;
import org.languagetool.rules.spelling.morfologik.MorfologikSpellerRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's spelling rule from LanguageTool (Morfologik dictionaries; Hunspell for German), asked
 * word by word. Loading a dictionary takes a second or more, so it happens on first use, off the FX
 * thread. Answers are cached: a post repeats its words, and checking is then a map lookup. LanguageTool's
 * spellers are not thread-safe, so calls are serialised.
 */
public final class LanguageToolWords implements WordChecker {

    private static final int MAX_SUGGESTIONS = 6;
    private static final int MAX_CACHED = 200_000;

    private final SpellLanguage language;
    private final Map<String, Boolean> misspelt = new ConcurrentHashMap<>();
    private SpellingCheckRule rule;

    public LanguageToolWords(SpellLanguage language) {
        if (language == SpellLanguage.OFF) {
            throw new IllegalArgumentException("No dictionary for spelling that is off");
        }
        this.language = language;
    }

    private synchronized SpellingCheckRule rule() {
        if (rule == null) {
            Language lang = Languages.getLanguageForShortCode(language.code());
            rule = lang.getDefaultSpellingRule();
            if (rule == null) {
                throw new IllegalStateException("LanguageTool has no spelling rule for " + language.label());
            }
        }
        return rule;
    }

    /** Loads the dictionary now (it takes a second or two); later calls answer at once. */
    public void load() {
        isMisspelled("the");
    }

    @Override
    public boolean isMisspelled(String word) {
        Boolean known = misspelt.get(word);
        if (known != null) {
            return known;
        }
        boolean wrong;
        synchronized (this) {
            try {
                wrong = rule().isMisspelled(word);
            } catch (IOException e) {
                throw new UncheckedIOException("The " + language.label() + " dictionary could not be read", e);
            }
        }
        if (misspelt.size() > MAX_CACHED) {
            misspelt.clear();
        }
        misspelt.put(word, wrong);
        return wrong;
    }

    @Override
    public synchronized List<String> suggestions(String word) {
        try {
            SpellingCheckRule r = rule();
            List<String> all;
            if (r instanceof MorfologikSpellerRule morfologik) {
                all = morfologik.getSpellingSuggestions(word);
            } else if (r instanceof CompoundAwareHunspellRule hunspell) {
                all = hunspell.getSuggestions(word);
            } else {
                all = List.of();
            }
            return all.stream().filter(s -> !s.equals(word)).distinct().limit(MAX_SUGGESTIONS).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The " + language.label() + " dictionary could not be read", e);
        }
    }
}
