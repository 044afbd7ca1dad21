package org.smallwins.contract;

/** Where a person is relative to their window of tolerance. Context, never a grade. */
public enum ToleranceWindow {
    /** Numb, shut down, flat. */
    HYPOAROUSED,
    /** Balanced, can think and learn. */
    WITHIN,
    /** Overwhelmed, anxious, reactive. */
    HYPERAROUSED
}
