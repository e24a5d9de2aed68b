package dev.blogdesk.ui.editor;

/** What to do when a save failed for another reason (cancel: keep the text, do nothing more). */
public enum FailedSaveChoice { RETRY }
