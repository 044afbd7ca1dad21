package org.smallwins.command.journal;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Log a small win. Carries the request as the person sent it; every rule is checked by the journal, so a refusal is
 * decided in exactly one place.
 *
 * @param day  the local day the win belongs to (ISO date); {@code null} means today in {@code zone}
 * @param zone the IANA zone the person is in; {@code null} means the zone of their previous entry
 */
public record LogWinCommand(
        @TargetAggregateIdentifier String userId,
        String winId,
        String text,
        String focusArea,
        List<String> tags,
        String day,
        String zone) {

    @Override
    public String toString() {
        return "LogWinCommand[userId=" + userId + ", winId=" + winId + "]";
    }
}
