package org.smallwins.query.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.StageOfChange;
import org.smallwins.platform.ApiHeaders;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "One change of your journal: what one event did, complete in itself. Exactly the member its "
                + "`change` names goes with it (`entry`, `retracted`, `focus`, `reflection`); an erasure has none.",
        requiredProperties = {"sequence", "type", "change", "recorded"})
public record Change(
        @Schema(
                description = "The event's journal sequence (gap-free; the stream's event id)",
                minimum = "1",
                example = "7")
        long sequence,

        @Schema(description = "The event type as recorded", example = "WinCorrected")
        String type,

        Kind change,

        @Schema(description = "When it was recorded", example = "2026-11-24T09:00:01Z")
        Instant recorded,

        TimelineEntry entry,
        Tombstone retracted,
        Focus focus,
        Reflection reflection) {

    /** What a change asks an app to do to its local copy. */
    @Schema(name = "ChangeKind", description = "What an app does with a change", example = "ENTRY_SAVED")
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
        JOURNAL_ERASED
    }

    /** A retracted entry: its id, kind, the version the retraction gave it, and the reason given (if any). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Tombstone",
            description = "A retracted entry: remove the entry with this id.",
            requiredProperties = {"id", "kind", "version"})
    public record Tombstone(
            @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
            String id,

            @Schema(implementation = EntryKind.class) String kind,

            @Schema(description = "The version the retraction gave it", minimum = "2", example = "2")
            int version,

            @Schema(implementation = RetractionReason.class) String reason) {}

    /** A focus choice: the area, the stage of change, and the ISO week it was chosen in (as the week view names it). */
    @Schema(
            name = "FocusChoice",
            description = "A focus choice: the area, the stage of change, and the ISO week it was chosen in.",
            requiredProperties = {"area", "stage", "since"})
    public record Focus(
            @Schema(implementation = FocusArea.class) String area,
            @Schema(implementation = StageOfChange.class) String stage,

            @Schema(pattern = ApiHeaders.ISO_WEEK_PATTERN, example = "2026-W47")
            String since) {}

    /** A weekly reflection: its ISO week, the answer (absent when none), the wins chosen by id, and the affirmation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "ReflectionChange",
            description = "A weekly reflection as written: it replaces whatever reflection its week had.",
            requiredProperties = {"week", "winIds", "proudOfShowingUp"})
    public record Reflection(
            @Schema(pattern = ApiHeaders.ISO_WEEK_PATTERN, example = "2026-W47")
            String week,

            @Schema(description = "Absent when none was given", maxLength = 2000, example = "I said no twice.")
            String answer,

            @ArraySchema(
                    arraySchema = @Schema(description = "The wins chosen, in the order chosen, by id"),
                    maxItems = 5,
                    schema = @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "w1"))
            List<String> winIds,

            @Schema(example = "true") boolean proudOfShowingUp) {}
}
