package org.smallwins.query.analytics;

import java.util.Collection;

/** Where cohort figures come from: the current weekly facts of the analytics stream, nothing else. */
public interface FactsSource {

    /** Every current fact (a snapshot: later changes are not seen through it). */
    Collection<WeeklyFact> facts();
}
