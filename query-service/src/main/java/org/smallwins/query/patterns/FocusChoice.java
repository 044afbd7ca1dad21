package org.smallwins.query.patterns;

import org.smallwins.contract.FocusArea;
import org.threeten.extra.YearWeek;

/** One choice of focus area and stage of change, in the week (of the person's local day) it was made. */
public record FocusChoice(YearWeek week, FocusArea area, String stage) {}
