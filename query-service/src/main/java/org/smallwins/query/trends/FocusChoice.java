package org.smallwins.query.trends;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.threeten.extra.YearWeek;

/**
 * One focus area and stage of change a person chose, in the week (and local day, in their zone) they chose it. A
 * person's choices, oldest first, are their focus over time; a choice applies from its own week on.
 *
 * @param sequence the sequence of its event in the person's journal
 */
public record FocusChoice(long sequence, String week, String day, String area, String stage, Instant recorded) {

    /**
     * The choice current at the end of {@code week}: the latest one (by sequence) made in that week or before it;
     * empty before the first choice.
     */
    public static Optional<FocusChoice> currentAt(List<FocusChoice> choices, YearWeek week) {
        FocusChoice current = null;
        for (FocusChoice choice : choices) {
            if (!YearWeek.parse(choice.week()).isAfter(week)
                    && (current == null || choice.sequence() > current.sequence())) {
                current = choice;
            }
        }
        return Optional.ofNullable(current);
    }
}
