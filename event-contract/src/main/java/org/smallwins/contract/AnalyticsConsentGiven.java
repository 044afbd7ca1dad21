package org.smallwins.contract;

/**
 * A person agreed that their weekly facts (counts, averages, their focus area and stage; never a sentence, a tag, a
 * time or a zone) may reach the pseudonymous analytics stream and the cohort figures built from it (issue 16). Until
 * they do, nothing of theirs reaches analytics; giving consent shares their past weeks as well as the weeks to come.
 * It is about the journal as a whole: {@link #entryId()} is the fixed {@value #SUBJECT}, shared with
 * {@link AnalyticsConsentWithdrawn} (the latest of the two is current).
 *
 * <p>Not personal data in the sense of {@link #containsPersonalData()}: it holds nothing the person wrote or rated, and
 * the record of a consent (and of its withdrawal) must stay demonstrable (GDPR article 7(1)) and readable after the
 * person's key is destroyed, so it travels as plain {@code json}, like an erasure record. The payload is empty: the
 * type says everything.
 */
public record AnalyticsConsentGiven() implements JournalEvent {

    public static final String TYPE = "AnalyticsConsentGiven";
    public static final int VERSION = 1;

    /** What {@link #entryId()} answers for both consent events: one subject per journal (the {@code ':'} names no entry). */
    public static final String SUBJECT = "journal:consent:analytics";

    @Override
    public String entryId() {
        return SUBJECT;
    }

    @Override
    public boolean aboutAnEntry() {
        return false;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.analyticsConsentGiven(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Holds no content, and must stay readable after the person's key is destroyed (see the class comment). */
    @Override
    public boolean containsPersonalData() {
        return false;
    }
}
