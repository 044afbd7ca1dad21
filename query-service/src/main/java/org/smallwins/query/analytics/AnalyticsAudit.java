package org.smallwins.query.analytics;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.query.readstore.ReadStore;

/**
 * The audit log of analytics requests: who asked (the token's subject), what (the range and grouping as asked, each
 * cut to 32 characters), when, by which request (correlation id), and how it ended ({@code ANSWERED} with how many
 * cells, or {@code REFUSED} with the rule). Never a figure: the log says who looked, not what they saw. Kept in the read
 * store's {@value ReadStore#ANALYTICS_AUDIT} (never wiped with the read models) and written to the log.
 */
public class AnalyticsAudit {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsAudit.class);

    private final ReadStore store;
    private final Clock clock;

    public AnalyticsAudit(ReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One request. */
    public void record(
            String analyst, String correlationId, String from, String to, String groupBy, String outcome, int cells) {
        Document entry = new Document("at", Date.from(clock.instant()))
                .append("analyst", cut(analyst))
                .append("correlationId", cut(correlationId))
                .append("request", "cohorts")
                .append("from", cut(from))
                .append("to", cut(to))
                .append("groupBy", cut(groupBy))
                .append("outcome", outcome)
                .append("cells", cells);
        store.analyticsAudit().insertOne(entry);
        log.info(
                "analytics request cohorts by {} from={} to={} groupBy={}: {} ({} cells, correlation {})",
                entry.get("analyst"),
                entry.get("from"),
                entry.get("to"),
                entry.get("groupBy"),
                outcome,
                cells,
                entry.get("correlationId"));
    }

    private static String cut(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 32 ? printable : printable.substring(0, 32);
    }
}
