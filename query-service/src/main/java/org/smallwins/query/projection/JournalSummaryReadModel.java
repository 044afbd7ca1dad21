package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.query.readstore.ReadStore;

/**
 * Each person's journal summary: the zone of their latest event (their "this week") and when it was recorded. Its
 * {@value ReadModel#POSITION} is the person's latest projected sequence (what read-your-writes and the history's first
 * page start from).
 */
class JournalSummaryReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.journals();
    }

    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        return List.of(envelope.userId());
    }

    /**
     * Issue 16: {@code analytics: {consenting, weeks}}: whether the person consents to analytics now (false until they
     * say so), and every ISO week they have a week document for (what a consent shares and a withdrawal takes back), as
     * {@code 2026-W05}, in order. {@code pseudonyms}: those their weeks were published under (written by
     * {@link WeeklyFactsPublisher}, not by an event).
     */
    static final String ANALYTICS = "analytics";

    private final WeeklyTrendsReadModel weeks = new WeeklyTrendsReadModel();

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        Document journal = document != null ? document : new Document("_id", envelope.userId());
        JournalEvent event = envelope.payload();
        boolean consent = event instanceof AnalyticsConsentGiven || event instanceof AnalyticsConsentWithdrawn;
        // A consent is made in no zone the person chose: it keeps the zone they have (UTC only for a journal with
        // none).
        if (!consent || !journal.containsKey("zone")) {
            journal.put("zone", envelope.occurred().zone());
        }
        journal.put("lastRecordedAt", Date.from(envelope.recordedAt()));
        Document analytics = subDocument(journal, ANALYTICS);
        if (consent) {
            analytics.put("consenting", event instanceof AnalyticsConsentGiven);
        }
        analytics.putIfAbsent("consenting", false);
        List<String> touched = weeksOf(envelope, transition);
        if (!touched.isEmpty()) {
            TreeSet<String> all = new TreeSet<>(analytics.getList("weeks", String.class, List.of()));
            if (all.addAll(touched)) {
                analytics.put("weeks", new ArrayList<>(all));
            }
        }
        return journal;
    }

    /** The ISO weeks ({@code 2026-W05}) whose week documents the event changes. */
    List<String> weeksOf(EventEnvelope envelope, EntryTransition transition) {
        List<String> ids = weeks.documentIds(envelope, transition);
        List<String> result = new ArrayList<>(ids.size());
        for (String weekId : ids) {
            result.add(weekId.substring(weekId.lastIndexOf('|') + 1));
        }
        return result;
    }

    /** {@inheritDoc}: the person's summary (the projection writes it again with only the erasure's sequence, the person's position). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("_id", userId);
    }
}
