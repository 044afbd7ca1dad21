package org.smallwins.contract;

/** The kinds of journal entry, as a retraction names the one it takes back. */
public enum EntryKind {
    /** A small win ({@link WinLogged}, {@link WinCorrected}). */
    WIN,
    /** A check-in ({@link CheckInRecorded}, {@link CheckInCorrected}). */
    CHECK_IN
}
