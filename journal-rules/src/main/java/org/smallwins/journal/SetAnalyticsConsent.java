package org.smallwins.journal;

import org.smallwins.contract.AnalyticsConsentGiven;

/**
 * Say whether one's weekly facts may reach analytics (issue 16). Nobody consents until they say so; saying what is
 * already the case records nothing.
 *
 * @param analytics {@code true} to give consent, {@code false} to withdraw it
 */
public record SetAnalyticsConsent(boolean analytics) implements JournalCommand {

    /** {@value AnalyticsConsentGiven#SUBJECT}: one consent per journal. */
    @Override
    public String entryId() {
        return AnalyticsConsentGiven.SUBJECT;
    }
}
