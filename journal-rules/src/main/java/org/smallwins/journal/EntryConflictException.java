package org.smallwins.journal;

/** An entry with this id exists with different content. Corrections are their own events, never overwrites. */
public class EntryConflictException extends RuntimeException {

    private final String entryId;

    public EntryConflictException(String entryId) {
        this(entryId, "entry " + entryId + " already exists with different content");
    }

    protected EntryConflictException(String entryId, String message) {
        super(message, null, false, false);
        this.entryId = entryId;
    }

    public String entryId() {
        return entryId;
    }
}
