package org.smallwins.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Every problem either service answers, by its stable machine {@link #code()}: the last segment of its {@link #type()}
 * URI and the problem's {@code code} member. Each has one status and one title. Clients branch on the code; a code is
 * never renamed or given another status (a new situation gets a new code).
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Unreadable body"),
    UNREADABLE_BODY("unreadable-body", HttpStatus.BAD_REQUEST, "Unreadable body"),
    WRONG_TYPE("wrong-type", HttpStatus.BAD_REQUEST, "Wrong type"),
    UNKNOWN_PROPERTY("unknown-property", HttpStatus.BAD_REQUEST, "Unknown property"),
    INVALID_TEXT("invalid-text", HttpStatus.BAD_REQUEST, "Invalid text"),
    INVALID_QUERY("invalid-query", HttpStatus.BAD_REQUEST, "Invalid query"),
    IF_MATCH_MALFORMED("if-match-malformed", HttpStatus.BAD_REQUEST, "If-Match malformed"),
    ERASURE_NOT_CONFIRMED("erasure-not-confirmed", HttpStatus.BAD_REQUEST, "Erasure not confirmed"),
    MALFORMED_IMPORT("malformed-import", HttpStatus.BAD_REQUEST, "Import not done"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Sign-in needed"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    ENTRY_NOT_FOUND("entry-not-found", HttpStatus.NOT_FOUND, "No such entry"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    ENTRY_ID_TAKEN("entry-id-taken", HttpStatus.CONFLICT, "Id already used"),
    ENTRY_RETRACTED("entry-retracted", HttpStatus.CONFLICT, "Entry retracted"),
    JOURNAL_NOT_EMPTY("journal-not-empty", HttpStatus.CONFLICT, "Journal not empty"),
    KEY_DESTROYED("key-destroyed", HttpStatus.GONE, "Key destroyed"),
    ENTRY_VERSION_MISMATCH("entry-version-mismatch", HttpStatus.PRECONDITION_FAILED, "Entry changed since you read it"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    ENTRY_REFUSED("entry-refused", HttpStatus.UNPROCESSABLE_CONTENT, "Entry not recorded"),
    IMPORT_REFUSED("import-refused", HttpStatus.UNPROCESSABLE_CONTENT, "Import not done"),
    IF_MATCH_REQUIRED("if-match-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match required"),
    TOO_MANY_WRITES("too-many-writes", HttpStatus.TOO_MANY_REQUESTS, "Slow down a little"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong"),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    NOT_YET_VISIBLE("not-yet-visible", HttpStatus.SERVICE_UNAVAILABLE, "Not visible yet"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    /** Internal only: a data key the query service asked for that was never made. */
    KEY_NOT_FOUND("key-not-found", HttpStatus.NOT_FOUND, "No such key");

    private static final Map<String, ProblemType> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProblemType::code, Function.identity()));

    private final String code;
    private final HttpStatus status;
    private final String title;

    ProblemType(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The stable machine code, such as {@code entry-not-found}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** {@code https://smallwins.dev/problems/{code}}. */
    public URI type() {
        return URI.create(Problems.TYPE_PREFIX + code);
    }

    public static Optional<ProblemType> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
