package org.smallwins.query.visibility;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.NotYetVisibleException;

/**
 * Read-your-writes: a read that passes the journal sequence a write answered with ({@code ?after=} or the
 * {@code Journal-Sequence} header) is answered only once the person's read models have reached it. It waits at most
 * {@code wait}; if the read models are still behind, the read is refused as not yet visible (503 with Retry-After)
 * rather than answered without the write.
 *
 * <p>How it waits: it reads the person's position (one small document by its exact {@code _id}) and, while it is
 * behind, sleeps with a doubling pause (from {@code firstPause} up to {@code longestPause}), so a waiting read costs a
 * sleeping request thread and a few indexed reads (about 25 in the whole 2 s bound), not a spinning core. The position
 * is read from the read store rather than signalled by this instance's projection, because with several query-service
 * instances the one answering a read is often not the one projecting that person's partition; the store is the one
 * place every instance sees.
 */
public class ReadYourWrites {

    /** For the API documents of each read that waits: the parameter and the header. */
    public static final String AFTER_DOC =
            "The `sequence` a write answered with: answer only once that write is visible (0 or more)";
    /** For the API documents of each read that waits: the operation. */
    public static final String WAITS_DOC = "Pass the `sequence` a write answered with (`?after=` or the "
            + "`Journal-Sequence` header) to wait, at most about 2 s, until that write is visible here; if it is not by "
            + "then, the answer is a 503 problem `not-yet-visible` with Retry-After, never data without it.";

    private final ToLongFunction<String> positions;
    private final long waitNanos;
    private final long firstPauseNanos;
    private final long longestPauseNanos;
    private final long retryAfterSeconds;

    public ReadYourWrites(ToLongFunction<String> positions, Duration wait, Duration firstPause, Duration longestPause) {
        this.positions = positions;
        this.waitNanos = wait.toNanos();
        this.firstPauseNanos = Math.max(1, firstPause.toNanos());
        this.longestPauseNanos = Math.max(firstPauseNanos, longestPause.toNanos());
        this.retryAfterSeconds = Math.max(1, wait.toSeconds());
    }

    /**
     * The sequence a read asks to see, from either way of passing it (both may be absent; 0 then).
     *
     * @throws InvalidQueryException a negative sequence, named by the parameter or header it came in
     */
    public static long requested(Long afterParameter, Long afterHeader) {
        return Math.max(valid(JournalSequence.PARAMETER, afterParameter), valid(JournalSequence.HEADER, afterHeader));
    }

    /**
     * Returns once the person's read models include the given sequence (at once for 0).
     *
     * @throws NotYetVisibleException the read models did not reach it within the wait
     */
    public void awaitSequence(String userId, long after) {
        if (after <= 0) {
            return;
        }
        long deadline = System.nanoTime() + waitNanos;
        long pause = firstPauseNanos;
        while (positions.applyAsLong(userId) < after) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NotYetVisibleException(retryAfterSeconds);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetVisibleException(retryAfterSeconds);
            }
            pause = Math.min(pause * 2, longestPauseNanos);
        }
    }

    private static long valid(String name, Long sequence) {
        if (sequence == null) {
            return 0;
        }
        if (sequence < 0) {
            throw new InvalidQueryException(
                    name, "sequence.negative", "Use the sequence a write answered with (0 or more).");
        }
        return sequence;
    }
}
