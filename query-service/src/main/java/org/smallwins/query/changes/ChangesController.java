package org.smallwins.query.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.Problems;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sync for offline-first apps: what changed in the caller's own journal after a sequence, as pages or as a live stream
 * of server-sent events. There is no user id in any path or parameter: it is the token's subject, and a sequence is
 * always one of the caller's own journal.
 */
@RestController
@RequestMapping(path = "/api/changes")
class ChangesController {

    /** The request header a reconnecting {@code EventSource} sends: the id of the last event it received. */
    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** How long a client waits before it reconnects to a stream that ended (the {@code retry:} of the stream). */
    static final long RECONNECT_MILLIS = 2000;

    private final ChangeQueries queries;
    private final ChangeStreams streams;
    private final ReadYourWrites visibility;

    ChangesController(ChangeQueries queries, ChangeStreams streams, ReadYourWrites visibility) {
        this.queries = queries;
        this.streams = streams;
        this.visibility = visibility;
    }

    @Operation(
            summary = "What changed in your journal after a sequence, oldest first",
            description = "One change per event, in sequence order: a new or corrected entry as it now stands "
                    + "(ENTRY_SAVED), a retraction as a tombstone (ENTRY_RETRACTED), an erasure (JOURNAL_ERASED: "
                    + "forget everything kept before it). Keep `nextAfter` and pass it as `after` next time; ask again "
                    + "at once while `hasMore`. `after` is also a sequence to wait for: "
                    + ReadYourWrites.WAITS_DOC)
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ChangePage changes(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = "The sequence your copy holds (the nextAfter of your last read; 0 for all)")
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = "Most changes in one answer, 1–" + ChangeQueries.MAX_LIMIT)
                    @RequestParam(defaultValue = "" + ChangeQueries.DEFAULT_LIMIT)
                    int limit,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (limit < 1 || limit > ChangeQueries.MAX_LIMIT) {
            throw new InvalidQueryException(
                    "limit", "limit.range", "Use a page size from 1 to " + ChangeQueries.MAX_LIMIT + ".");
        }
        long from = ReadYourWrites.requested(after, null);
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.page(caller.getSubject(), from, limit);
    }

    @Operation(
            summary = "Your journal's changes as server-sent events, live while connected",
            description = "First every change after `after` (or after the `Last-Event-ID` a reconnecting client "
                    + "sends, which wins), then each new one as it becomes visible here. Each event's `id` is its "
                    + "sequence and its `data` one change as GET /api/changes answers it. Comments keep a quiet "
                    + "connection alive; the stream ends after a while (at the latest when the token expires), and "
                    + "a client reconnects with Last-Event-ID to resume exactly. At most a few streams per person.")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = "The sequence your copy holds (0 for all); Last-Event-ID wins when sent")
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = "The id of the last event received, sent by a reconnecting client")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    String lastEventId) {
        long from = lastEventId != null ? lastEventId(lastEventId) : ReadYourWrites.requested(after, null);
        Instant endsAt = caller.getExpiresAt() != null
                ? caller.getExpiresAt()
                : Instant.now().plus(streams.limits().maxLifetime());
        SseEmitter emitter =
                new SseEmitter(streams.limits().maxLifetime().plusMinutes(1).toMillis());
        ChangeStreams.Sink sink = sink(emitter);
        try {
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("changes after " + from));
        } catch (Exception e) {
            throw new IllegalStateException("the stream could not start", e);
        }
        ChangeStreams.Stream stream = streams.open(caller.getSubject(), from, endsAt, sink);
        emitter.onCompletion(stream::close);
        emitter.onError(error -> stream.close());
        emitter.onTimeout(() -> {
            stream.close();
            sink.end();
        });
        return emitter;
    }

    @ExceptionHandler(ChangeStreams.TooManyStreams.class)
    ResponseEntity<ProblemDetail> tooManyStreams(ChangeStreams.TooManyStreams e) {
        HttpStatus status = e.ofThisPerson() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = e.ofThisPerson()
                ? Problems.of(
                        status,
                        "too-many-streams",
                        "Too many streams",
                        "You have " + streams.limits().perPerson()
                                + " change streams open already. Close one, or read GET /api/changes instead.")
                : Problems.of(
                        status,
                        "streams-unavailable",
                        "No stream available",
                        "This service holds as many streams as it can. Please try again in a moment.");
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static long lastEventId(String raw) {
        if (raw.matches("0|[1-9][0-9]{0,17}")) {
            return Long.parseLong(raw);
        }
        throw new InvalidQueryException(
                LAST_EVENT_ID, "last-event-id.invalid", "Send back the id of an event this stream sent.");
    }

    /** A stream's changes as server-sent events: {@code id} the sequence, {@code data} the change as JSON. */
    private static ChangeStreams.Sink sink(SseEmitter emitter) {
        return ChangeStreams.Sink.of(
                change -> emitter.send(SseEmitter.event()
                        .id(Long.toString(change.sequence()))
                        .data(change, MediaType.APPLICATION_JSON)),
                () -> emitter.send(SseEmitter.event().comment("heartbeat")),
                () -> complete(emitter));
    }

    private static void complete(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyOver) {
            // completed, or failed, already
        }
    }
}
