package org.smallwins.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One event of a person's journal as recorded. Holds nothing a person wrote or rated: the summary names the event and
 * the fields it changed ("Win corrected: text, day"), never their values.
 *
 * @param entryId the entry it was about; absent for an event about the whole journal (an erasure, a focus area
 *     chosen, a weekly reflection)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(
        long sequence,
        String type,
        int typeVersion,
        String entryId,
        Instant occurred,
        Instant recorded,
        String correlationId,
        String summary) {}
