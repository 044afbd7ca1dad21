package org.smallwins.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a check-in as the person sent it.
 *
 * @param at   the instant it was made (ISO-8601); {@code null} means now
 * @param zone the IANA zone it was made in; {@code null} means the zone of the previous entry
 */
public record RecordCheckInCommand(
        @TargetAggregateIdentifier String userId,
        String checkInId,
        Integer mood,
        Integer energy,
        String window,
        String note,
        String at,
        String zone) {

    @Override
    public String toString() {
        return "RecordCheckInCommand[userId=" + userId + ", checkInId=" + checkInId + "]";
    }
}
