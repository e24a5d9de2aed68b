package dev.blogdesk.testing;

import dev.blogdesk.app.DialogService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the view models' questions as the test says, and records what was asked. */
public final class ScriptedDialogs implements DialogService {

    public UnsavedChoice unsavedAnswer = UnsavedChoice.CANCEL;
    public RestoreChoice restoreAnswer = RestoreChoice.LATER;
    /** Answers to {@link #choose}, in order, by value (an enum constant); then {@link #chooseAnswer}. */
    public final List<Object> chooseAnswers = new ArrayList<>();
    public String lastDifferences;
    public boolean deleteAnswer;
    public Object chooseAnswer;
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public UnsavedChoice askUnsavedChanges(String postTitle) {
        asked.add("unsaved:" + postTitle);
        return unsavedAnswer;
    }

    @Override
    public boolean confirmDelete(String postTitle) {
        asked.add("delete:" + postTitle);
        return deleteAnswer;
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<Choice<T>> choices) {
        asked.add("choose:" + title);
        Object answer = !chooseAnswers.isEmpty() ? chooseAnswers.remove(0) : chooseAnswer;
        if (answer == null) {
            return Optional.empty();
        }
        // Only a value that was offered can come back, as from a real dialog.
        return Optional.of(choices.stream().map(Choice::value).filter(answer::equals).findFirst()
                .orElseThrow(() -> new AssertionError("not offered: " + answer + " in " + choices)));
    }

    @Override
    public RestoreChoice askRestoreDraft(String postTitle, String savedAt, String differences) {
        asked.add("restore:" + postTitle);
        lastDifferences = differences;
        return restoreAnswer;
    }

    @Override
    public void showComparison(String title, String mine, String theirs) {
        asked.add("compare:" + mine.length() + ":" + theirs.length());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
