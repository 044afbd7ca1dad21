package org.smallwins.query.analytics;

import org.slf4j.MDC;
import org.smallwins.platform.InvalidQueryException;

/** Cohort questions of analysts: checked, answered from the pseudonymous facts only, and audited every time. */
public class CohortQueries {

    private final Cohorts cohorts;
    private final FactsSource facts;
    private final AnalyticsAudit audit;

    public CohortQueries(Cohorts cohorts, FactsSource facts, AnalyticsAudit audit) {
        this.cohorts = cohorts;
        this.facts = facts;
        this.audit = audit;
    }

    public CohortReport cohorts(String analyst, String from, String to, String groupBy) {
        String correlationId = MDC.get("correlationId");
        Cohorts.Query query;
        try {
            query = cohorts.query(from, to, groupBy);
        } catch (InvalidQueryException refused) {
            audit.record(analyst, correlationId, from, to, groupBy, "REFUSED " + refused.getMessage(), 0);
            throw refused;
        }
        CohortReport report = cohorts.report(query, facts.facts());
        audit.record(
                analyst,
                correlationId,
                from,
                to,
                groupBy,
                "ANSWERED",
                report.cells().size());
        return report;
    }
}
