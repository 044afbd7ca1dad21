package org.smallwins.command.journal;

/**
 * An import was refused because the journal holds entries that are not in the imported file (or differ from it): an
 * import goes into an empty journal only. Names nothing of the journal's content.
 */
public class JournalHoldsOtherEntriesException extends RuntimeException {

    public JournalHoldsOtherEntriesException() {
        super("the journal holds entries that are not in the imported file", null, false, false);
    }
}
