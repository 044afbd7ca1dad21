package org.smallwins.contract;

/**
 * A person took back their consent to analytics (issue 16): from this event on nothing of theirs reaches analytics, and
 * every weekly fact of theirs already on the pseudonymous stream is removed (a tombstone per key). Same subject as
 * {@link AnalyticsConsentGiven} ({@value AnalyticsConsentGiven#SUBJECT}); plain {@code json} for the same reasons.
 */
public record AnalyticsConsentWithdrawn() implements JournalEvent {

    public static final String TYPE = "AnalyticsConsentWithdrawn";
    public static final int VERSION = 1;

    @Override
    public String entryId() {
        return AnalyticsConsentGiven.SUBJECT;
    }

    @Override
    public boolean aboutAnEntry() {
        return false;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.analyticsConsentWithdrawn(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Holds no content, and must stay readable after the person's key is destroyed. */
    @Override
    public boolean containsPersonalData() {
        return false;
    }
}
