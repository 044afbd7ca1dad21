package org.smallwins.query.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.smallwins.query.timeline.TimelineEntry;

/**
 * One change of a person's journal: what one event did, complete in itself, so an app that applies the changes in
 * sequence order keeps an exact local copy. Exactly one of {@code entry}, {@code retracted} (and, for the journal-level
 * events, their own member) goes with each kind of change; an erasure carries none.
 *
 * @param sequence  the journal sequence of the event (gap-free per person; the {@code after} of the next read, and the
 *                  stream's event id)
 * @param type      the event type as recorded, e.g. {@code WinCorrected}
 * @param change    what an app does with it
 * @param recorded  when it was recorded
 * @param entry     {@link Kind#ENTRY_SAVED}: the entry as this event left it, in the timeline's shape; put it in place of
 *                  the entry with the same id
 * @param retracted {@link Kind#ENTRY_RETRACTED}: the tombstone; remove the entry with this id
 * @param focus     {@link Kind#FOCUS_CHOSEN}: the focus area and stage chosen, and the ISO week it was chosen in
 * @param reflection {@link Kind#REFLECTION_WRITTEN}: the week's reflection as written (the answer is absent when there
 *                  is none; the wins chosen, in the order chosen, by id)
 * @param consent   {@link Kind#CONSENT_SET}: whether the person consents to analytics now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
        long sequence,
        String type,
        Kind change,
        Instant recorded,
        TimelineEntry entry,
        Tombstone retracted,
        Focus focus,
        Reflection reflection,
        Consent consent) {

    /** What a change asks an app to do to its local copy. */
    public enum Kind {
        /** A new entry, or a corrected one: put {@code entry} in place of the entry with its id. */
        ENTRY_SAVED,
        /** An entry was retracted: remove the entry with the tombstone's id (its id is never used again). */
        ENTRY_RETRACTED,
        /** A focus area was chosen, at a stage of change: it is the current focus from now on (the latest wins). */
        FOCUS_CHOSEN,
        /** A weekly reflection was written: it replaces whatever reflection its week had. */
        REFLECTION_WRITTEN,
        /** The journal was erased: remove everything kept of it; what follows is a new journal. */
        JOURNAL_ERASED,
        /** The consent to analytics was given or withdrawn (issue 16): {@code consent} is now current. */
        CONSENT_SET
    }

    /** Whether the person consents to analytics (issue 16). */
    public record Consent(boolean analytics) {}

    /** A retracted entry: its id, kind, the version the retraction gave it, and the reason given (if any). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tombstone(String id, String kind, int version, String reason) {}

    /** A focus choice: the area, the stage of change, and the ISO week it was chosen in (as the week view names it). */
    public record Focus(String area, String stage, String since) {}

    /** A weekly reflection: its ISO week, the answer (absent when none), the wins chosen by id, and the affirmation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reflection(String week, String answer, List<String> winIds, boolean proudOfShowingUp) {}
}
