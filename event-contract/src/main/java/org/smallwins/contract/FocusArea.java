package org.smallwins.contract;

/** The fixed vocabulary of areas a person can choose to focus on. */
public enum FocusArea {
    REST,
    BOUNDARIES,
    SELF_COMPASSION,
    FEELINGS,
    ASKING_FOR_HELP,
    NOTICING_PATTERNS,
    CONNECTION,
    MOVEMENT,
    OTHER
}
