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
 * sequence order keeps an exact local copy. The member that goes with the kind of change is present ({@code entry},
 * {@code retracted}, {@code focus} or {@code reflection}); an erasure carries none.
 *
 * @param sequence   the journal sequence of the event (gap-free per person; the stream's event id)
 * @param type       the event type as recorded, e.g. {@code WinCorrected}
 * @param change     what an app does with it
 * @param recorded   when it was recorded
 * @param entry      {@link Kind#ENTRY_SAVED}: the entry as this event left it, in the timeline's shape; put it in place
 *                   of the entry with the same id
 * @param retracted  {@link Kind#ENTRY_RETRACTED}: the tombstone; remove the entry with this id
 * @param focus      {@link Kind#FOCUS_CHOSEN}: the focus area and stage chosen, and the ISO week it was chosen in
 * @param reflection {@link Kind#REFLECTION_WRITTEN}: the week's reflection as written (the answer is absent when there
 *                   is none; the wins chosen, in the order chosen, by id)
 * @param consent    {@link Kind#CONSENT_SET}: whether the person consents to analytics now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description =
                "What one event changed in your journal, complete in itself: apply the changes in sequence order. "
                        + "The member that goes with `change` is present: `entry` (ENTRY_SAVED), `retracted` "
                        + "(ENTRY_RETRACTED), `focus` (FOCUS_CHOSEN), `reflection` (REFLECTION_WRITTEN), `consent` (CONSENT_SET); JOURNAL_ERASED has "
                        + "none.",
        requiredProperties = {"sequence", "type", "change", "recorded"})
public record Change(
        @Schema(description = "The event's sequence in your journal", minimum = "1", example = "42")
        long sequence,

        @Schema(description = "The event type as recorded", example = "WinCorrected")
        String type,

        Kind change,

        @Schema(description = "When it was recorded", example = "2026-11-24T09:00:01Z")
        Instant recorded,

        @Schema(description = "ENTRY_SAVED: the entry as this event left it")
        TimelineEntry entry,

        @Schema(description = "ENTRY_RETRACTED: the retracted entry")
        Tombstone retracted,

        @Schema(description = "FOCUS_CHOSEN: the focus chosen")
        Focus focus,

        @Schema(description = "REFLECTION_WRITTEN: the week's reflection as written")
        Reflection reflection,

        @Schema(description = "CONSENT_SET: whether you consent to analytics now")
        Consent consent) {

    /** What a change asks an app to do to its local copy. */
    @Schema(
            name = "ChangeKind",
            description = "ENTRY_SAVED: put `entry` in place of the entry with its id. ENTRY_RETRACTED: remove the "
                    + "entry with the tombstone's id. FOCUS_CHOSEN: `focus` is the current focus. REFLECTION_WRITTEN: "
                    + "`reflection` replaces its week's reflection. JOURNAL_ERASED: forget everything kept before it. "
                    + "CONSENT_SET: `consent` is your current answer.",
            example = "ENTRY_SAVED")
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
    @Schema(
            name = "ChangedConsent",
            description = "Whether you consent to analytics now.",
            requiredProperties = {"analytics"})
    public record Consent(@Schema(example = "true") boolean analytics) {}

    /** A retracted entry: its id, kind, the version the retraction gave it, and the reason given (if any). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Tombstone",
            description = "A retracted entry: remove it from your copy; its id is never used again.",
            requiredProperties = {"id", "kind", "version"})
    public record Tombstone(
            @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "w-001")
            String id,

            @Schema(implementation = EntryKind.class) String kind,

            @Schema(description = "The version the retraction gave the entry", minimum = "2", example = "3")
            int version,

            @Schema(implementation = RetractionReason.class) String reason) {}

    /** A focus choice: the area, the stage of change, and the ISO week it was chosen in (as the week view names it). */
    @Schema(
            name = "ChangedFocus",
            description = "A focus area chosen at a stage of change; the latest is the current focus.",
            requiredProperties = {"area", "stage", "since"})
    public record Focus(
            @Schema(implementation = FocusArea.class) String area,
            @Schema(implementation = StageOfChange.class) String stage,

            @Schema(
                    description = "The ISO week it was chosen in",
                    pattern = ApiHeaders.ISO_WEEK_PATTERN,
                    example = "2026-W48")
            String since) {}

    /** A weekly reflection: its ISO week, the answer (absent when none), the wins chosen by id, and the affirmation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "ChangedReflection",
            description = "A week's reflection as written; it replaces the week's earlier one.",
            requiredProperties = {"week", "winIds", "proudOfShowingUp"})
    public record Reflection(
            @Schema(
                    description = "The ISO week it is about",
                    pattern = ApiHeaders.ISO_WEEK_PATTERN,
                    example = "2026-W48")
            String week,

            @Schema(
                    description = "The answer to \"How did I learn to honor myself this week?\"; absent when none",
                    maxLength = 2000,
                    example = "I rested without apologising.")
            String answer,

            @ArraySchema(
                    maxItems = 5,
                    arraySchema = @Schema(description = "The wins chosen, by id, in the order chosen"),
                    schema = @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "w-001"))
            List<String> winIds,

            @Schema(description = "\"I'm proud of myself for showing up.\"", example = "true")
            boolean proudOfShowingUp) {}
}
