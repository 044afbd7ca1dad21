package org.smallwins.command.journal.web;

import java.util.List;

/**
 * The answer to a week's reflection. The answer's text is not repeated (it is shown by the week view).
 *
 * @param isoWeek          the week
 * @param winIds           the chosen wins, in the order chosen
 * @param proudOfShowingUp whether it was affirmed
 * @param answered         whether the reflection holds an answer
 * @param outcome          {@code RECORDED}, or {@code ALREADY_RECORDED} when the week's reflection was already this
 * @param sequence         the person's journal sequence after this write (also in the {@code Journal-Sequence} header)
 * @param version          how many times this week's reflection was written, this one included
 */
public record ReflectionResponse(
        String isoWeek,
        List<String> winIds,
        boolean proudOfShowingUp,
        boolean answered,
        String outcome,
        long sequence,
        int version) {}
