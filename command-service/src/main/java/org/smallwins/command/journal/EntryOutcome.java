package org.smallwins.command.journal;

/** What accepting a journal command did. */
public enum EntryOutcome {
    /** A new entry was recorded. */
    RECORDED,
    /** The same entry, with the same content, had been recorded before: nothing changed. */
    ALREADY_RECORDED
}
