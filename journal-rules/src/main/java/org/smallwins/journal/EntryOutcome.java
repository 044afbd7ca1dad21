package org.smallwins.journal;

/** What accepting a journal command did (as the aggregate and the CRUD baseline answer it). */
public enum EntryOutcome {
    /** A new entry was recorded. */
    RECORDED,
    /** The same entry, with the same content, had been recorded before: nothing changed. */
    ALREADY_RECORDED
}
