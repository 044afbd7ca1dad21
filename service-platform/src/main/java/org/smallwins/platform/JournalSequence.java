package org.smallwins.platform;

/**
 * Read-your-writes between the two services. A write's answer carries the person's journal sequence after it (the
 * gap-free per-person number of the event envelope) in this header and in its body; a read that sends it back (this
 * header, or {@code ?after=}) waits, bounded, until the person's read model has reached it.
 */
public final class JournalSequence {

    /** The response header of a write, and the request header a read may send it back in. */
    public static final String HEADER = "Journal-Sequence";

    /** The query parameter a read may send it back in. */
    public static final String PARAMETER = "after";

    private JournalSequence() {}
}
