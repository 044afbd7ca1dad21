package org.smallwins.contract;

/** Where journal events travel. Keyed by user id so one user's events stay in order. */
public final class JournalTopic {

    /** Every journal event, forever (no time or size retention): the source every read model is rebuilt from. */
    public static final String NAME = "smallwins.journal-events";

    /** Records the query side could not read, each with the reason in the {@link #REASON_HEADER} header. */
    public static final String DEAD_LETTERS = NAME + ".dead-letters";

    public static final String REASON_HEADER = "smallwins-rejection-reason";

    private JournalTopic() {}
}
