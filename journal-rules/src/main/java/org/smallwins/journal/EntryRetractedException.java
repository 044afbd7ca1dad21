package org.smallwins.journal;

/** The entry was retracted: it can be neither corrected nor logged again under its id. */
public class EntryRetractedException extends EntryConflictException {

    public EntryRetractedException(String entryId) {
        super(entryId, "entry " + entryId + " was retracted");
    }
}
