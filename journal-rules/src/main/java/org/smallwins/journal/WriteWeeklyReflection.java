package org.smallwins.journal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.WeeklyReflectionWritten;

/**
 * Write the reflection of one ISO week: the answer to "How did I learn to honor myself this week?", up to five of that
 * week's wins in the order chosen, and the affirmation "I'm proud of myself for showing up". The same content as the
 * week's current reflection changes nothing; any other replaces it.
 *
 * @param isoWeek          the week, as sent ({@code 2026-W48}; checked by the decider)
 * @param answer           the answer as written (trimmed and checked by the decider); empty or blank for none
 * @param winIds           the chosen wins' ids as sent, in order (checked by the decider)
 * @param proudOfShowingUp whether the person affirms it
 * @param zone             the person's zone (what "this week" means); empty means the zone of their latest event
 */
public record WriteWeeklyReflection(
        String isoWeek, Optional<String> answer, List<String> winIds, boolean proudOfShowingUp, Optional<ZoneId> zone)
        implements JournalCommand {

    public WriteWeeklyReflection {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(zone, "zone");
        // not List.copyOf: a null id is for the decider to refuse, not for the constructor to throw on
        winIds = winIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(winIds));
    }

    /** {@code journal:reflection:<isoWeek>}: one reflection per week. */
    @Override
    public String entryId() {
        return WeeklyReflectionWritten.subject(isoWeek);
    }

    /** Never prints the answer or the ids. */
    @Override
    public String toString() {
        return "WriteWeeklyReflection[isoWeek=" + isoWeek + ", winIds=" + winIds.size() + "]";
    }
}
