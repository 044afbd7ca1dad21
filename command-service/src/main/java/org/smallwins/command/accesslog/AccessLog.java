package org.smallwins.command.accesslog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access log of each journal, in PostgreSQL beside the event store (table {@code journal_access_log}): exports,
 * imports and erasure requests, each with time, correlation id and counts, never content. It is not part of the
 * journal's events, so an export of a fresh journal holds exactly what the person recorded, and an erasure (which
 * destroys the journal's key) leaves the log, and the erasure's own record, readable.
 */
@Component
public class AccessLog {

    /** The most records one read answers. */
    public static final int MAX_READ = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(
            String userId,
            AccessRecord.Action action,
            String correlationId,
            String format,
            long events,
            String outcome,
            String keyId) {
        jdbc.sql("""
                        INSERT INTO journal_access_log
                            (user_id, action, occurred_at, correlation_id, format, events, outcome, key_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        userId,
                        action.name(),
                        Timestamp.from(clock.instant()),
                        correlationId,
                        format,
                        events,
                        outcome,
                        keyId)
                .update();
    }

    /** The person's own records, newest first, at most {@code limit} (1 to {@link #MAX_READ}). */
    public List<AccessRecord> of(String userId, int limit) {
        return jdbc.sql("""
                        SELECT occurred_at, action, correlation_id, format, events, outcome, key_id
                        FROM journal_access_log WHERE user_id = ? ORDER BY id DESC LIMIT ?""")
                .params(userId, Math.max(1, Math.min(limit, MAX_READ)))
                .query((row, n) -> new AccessRecord(
                        row.getTimestamp("occurred_at").toInstant(),
                        AccessRecord.Action.valueOf(row.getString("action")),
                        row.getString("correlation_id"),
                        row.getString("format"),
                        row.getLong("events"),
                        row.getString("outcome"),
                        row.getString("key_id")))
                .list();
    }
}
