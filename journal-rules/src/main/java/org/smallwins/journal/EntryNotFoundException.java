package org.smallwins.journal;

/**
 * The person's journal has no entry of this kind with this id (or it was retracted): to the person, it does not exist.
 * Another person's entry is never looked at, so it is not found either.
 */
public class EntryNotFoundException extends RuntimeException {

    private final String entryId;

    public EntryNotFoundException(String entryId) {
        super("no entry " + entryId, null, false, false);
        this.entryId = entryId;
    }

    public String entryId() {
        return entryId;
    }
}
