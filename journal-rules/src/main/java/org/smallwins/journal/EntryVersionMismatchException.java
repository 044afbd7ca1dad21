package org.smallwins.journal;

/** The person changed an entry from a version that is no longer its current one; nothing was recorded. */
public class EntryVersionMismatchException extends RuntimeException {

    private final String entryId;
    private final int currentVersion;

    public EntryVersionMismatchException(String entryId, int currentVersion) {
        super("entry " + entryId + " is at version " + currentVersion, null, false, false);
        this.entryId = entryId;
        this.currentVersion = currentVersion;
    }

    public String entryId() {
        return entryId;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
