package dev.blogdesk.testing;

import dev.blogdesk.app.DialogService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the view models' questions as the test says, and records what was asked. */
public final class ScriptedDialogs implements DialogService {

    public UnsavedChoice unsavedAnswer = UnsavedChoice.CANCEL;
    public RestoreChoice restoreAnswer = RestoreChoice.LATER;
    public final List<String> chooseAnswers = new ArrayList<>();
    public String lastDifferences;
    public boolean deleteAnswer;
    public String chooseAnswer;
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
    public Optional<String> choose(String title, String message, List<String> choices) {
        asked.add("choose:" + title);
        if (!chooseAnswers.isEmpty()) {
            return Optional.ofNullable(chooseAnswers.remove(0));
        }
        return Optional.ofNullable(chooseAnswer);
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
