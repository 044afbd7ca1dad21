package org.smallwins.contract;

/**
 * Why a person took an entry back: a small fixed vocabulary, never the person's own words (a retraction carries no
 * free text).
 */
public enum RetractionReason {
    /** The same moment was logged twice. */
    DUPLICATE,
    /** It was not meant to be logged at all. */
    LOGGED_BY_MISTAKE,
    /** It was logged on the wrong day (a correction can also move it; this takes it back instead). */
    WRONG_DAY,
    /** Any other reason, unsaid. */
    OTHER
}
