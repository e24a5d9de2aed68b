package dev.blogdesk.ui.editor;

/** What to do when the post was changed or deleted elsewhere since it was opened. */
public enum ConflictChoice { OVERWRITE, SAVE_AS_COPY, COMPARE, LOAD_STORED }
