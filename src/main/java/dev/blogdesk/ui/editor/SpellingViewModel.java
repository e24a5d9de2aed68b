package dev.blogdesk.ui.editor;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.spelling.Misspelling;
import dev.blogdesk.spelling.SpellChecker;
import dev.blogdesk.spelling.SpellLanguage;
import dev.blogdesk.spelling.UserDictionary;
import dev.blogdesk.spelling.WordChecker;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Spelling while typing: the chosen language's dictionary (loaded off the FX thread when spelling is
 * turned on), the user's dictionary, and the words ignored this session. The editor asks
 * {@link #check} from its background highlighting; {@link #changesProperty} moves whenever the same
 * text would now get other underlines (a dictionary loaded, a word added or ignored, the language
 * changed), so the editor checks again.
 */
public final class SpellingViewModel {

    private final TaskExecutor executor;
    private final Function<SpellLanguage, WordChecker> dictionaries;
    private final java.util.concurrent.Callable<UserDictionary> userWordsLoader;
    private UserDictionary userWords;
    private final ObjectProperty<SpellLanguage> language = new SimpleObjectProperty<>(SpellLanguage.OFF);
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Misspelling>> titleMisspellings = new ReadOnlyObjectWrapper<>(List.of());
    /** Null while spelling is off or its dictionary is loading: read from background threads. */
    private volatile SpellChecker checker;

    /** {@code userWords} reads the user's dictionary; it is called once, off the FX thread. */
    public SpellingViewModel(TaskExecutor executor, Function<SpellLanguage, WordChecker> dictionaries,
                             java.util.concurrent.Callable<UserDictionary> userWords) {
        this.executor = executor;
        this.dictionaries = dictionaries;
        this.userWordsLoader = userWords;
        language.addListener((o, was, now) -> load(now));
    }

    private void load(SpellLanguage wanted) {
        checker = null;
        changed();
        if (wanted == null || wanted == SpellLanguage.OFF) {
            message.set("");
            return;
        }
        executor.execute(() -> {
            WordChecker words = dictionaries.apply(wanted);
            words.isMisspelled("the"); // loads the dictionary here, not at the first keystroke
            return new SpellChecker(words, userDictionary());
        }, loaded -> {
            if (language.get() == wanted) {
                checker = loaded;
                message.set("");
                changed();
            }
        }, failure -> message.set("Spelling is off: the " + wanted.label() + " dictionary could not be loaded ("
                + failure.getMessage() + "). Choose another language in Settings."));
    }

    private synchronized UserDictionary userDictionary() throws Exception {
        if (userWords == null) {
            userWords = userWordsLoader.call();
        }
        return userWords;
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    /** The misspelt words of {@code markdown}; none while spelling is off or loading. Any thread. */
    public List<Misspelling> check(String markdown) {
        SpellChecker c = checker;
        return c == null ? List.of() : c.check(markdown);
    }

    /** Checks the title (plain text) off the FX thread; {@link #titleMisspellingsProperty} follows. */
    public void checkTitle(String title) {
        SpellChecker c = checker;
        if (c == null || title == null || title.isBlank()) {
            titleMisspellings.set(List.of());
            return;
        }
        executor.execute(() -> c.check(title.replace('#', ' ')), found -> {
            if (checker == c) {
                titleMisspellings.set(found);
            }
        }, failure -> titleMisspellings.set(List.of()));
    }

    /** Replacements for {@code word}, looked up off the FX thread, handed to {@code then} on it. */
    public void suggestions(String word, Consumer<List<String>> then) {
        SpellChecker c = checker;
        if (c == null) {
            then.accept(List.of());
            return;
        }
        executor.execute(() -> c.suggestions(word), then, failure -> then.accept(List.of()));
    }

    /** Adds {@code word} to the user's dictionary (the file is written off the FX thread). */
    public void addToDictionary(String word) {
        SpellChecker c = checker;
        if (c == null) {
            return;
        }
        executor.execute(() -> {
            c.addToDictionary(word);
            return null;
        }, done -> {
            message.set("Added “" + word + "” to your dictionary.");
            changed();
        }, failure -> message.set("Could not add “" + word + "” to your dictionary: " + failure.getMessage()
                + ". It stays underlined; check that the data folder is writable."));
    }

    /** Stops underlining {@code word} until BlogDesk quits. */
    public void ignore(String word) {
        SpellChecker c = checker;
        if (c != null) {
            c.ignore(word);
            changed();
        }
    }

    /** Whether a dictionary is loaded and checking. */
    public boolean isChecking() {
        return checker != null;
    }

    public ObjectProperty<SpellLanguage> languageProperty() {
        return language;
    }

    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Misspelling>> titleMisspellingsProperty() {
        return titleMisspellings.getReadOnlyProperty();
    }
}
