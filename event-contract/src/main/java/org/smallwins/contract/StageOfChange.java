package org.smallwins.contract;

/**
 * Where a person is with the area they chose to focus on (the transtheoretical model's stages of change). A stage
 * describes where someone is, never how well they are doing: moving back a stage is not failure.
 */
public enum StageOfChange {
    /** Not yet thinking of changing anything here. */
    PRECONTEMPLATION,
    /** Thinking about it, not ready to act. */
    CONTEMPLATION,
    /** Getting ready: small first steps. */
    PREPARATION,
    /** Actively practising. */
    ACTION,
    /** Keeping it going. */
    MAINTENANCE
}
