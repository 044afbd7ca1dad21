package org.smallwins.journal;

/**
 * Something a person asks their journal to do, with every value already parsed (see {@link JournalRequests}). The
 * {@link JournalDecider} checks the journal's rules on it and decides what, if anything, is recorded. The person is
 * not part of the command: whoever holds the journal knows whose it is.
 */
public sealed interface JournalCommand
        permits LogWin,
                RecordCheckIn,
                CorrectWin,
                CorrectCheckIn,
                RetractEntry,
                ChooseFocusArea,
                WriteWeeklyReflection,
                SetAnalyticsConsent {

    /**
     * The client-chosen id of the entry the command is about (what makes a retry safe); for a journal-level command, the
     * subject it sets (the {@link org.smallwins.contract.JournalEvent#entryId()} of the event it records).
     */
    String entryId();
}
