package org.smallwins.command.journal;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.smallwins.journal.SetAnalyticsConsent;

/**
 * A person's consent to analytics, addressed to their journal (issue 16). Its own command, not a {@link ForJournal}:
 * withdrawing a consent never given records nothing, even in a journal without any event, so its answer may carry
 * sequence 0 and no version.
 *
 * @param userId  whose journal (the token's subject)
 * @param consent what they say
 */
public record ForConsent(@TargetAggregateIdentifier String userId, SetAnalyticsConsent consent) {

    public ForConsent {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(consent, "consent");
    }
}
