package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.AnalyticsTopic;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.query.analytics.Pseudonyms;
import org.smallwins.query.analytics.WeeklyFact;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.kafka.core.KafkaOperations;
import org.threeten.extra.YearWeek;

/**
 * Publishes the weekly facts of consenting people to {@value AnalyticsTopic#NAME}, as a step of the projection: after a
 * batch is applied to the read models, the weeks it touched of each consenting person are read back (their week
 * documents and focus history, by exact {@code _id}) and sent as facts, keyed {@code pseudonym|week}; a week left with
 * nothing (every entry retracted or moved) is sent as a tombstone. Giving consent sends all of the person's weeks (their
 * past is shared too); a focus choice, every week from the one it was made in; withdrawing consent, and erasing the
 * journal, a tombstone for every week under every pseudonym they were published under.
 *
 * <p>Exact under redelivery: what is sent is computed from the read store as the batch left it, never from the event
 * alone, and it is sent (and acknowledged) before the batch's checkpoint moves; a redelivered batch finds the same
 * documents and sends the same values under the same keys, which a compacted topic keeps once.
 *
 * <p>A new release period (a new pseudonym secret): the first batch of a consenting person after it sends tombstones
 * under their earlier pseudonyms and all their weeks under the new one.
 */
public class WeeklyFactsPublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final ReadStore store;
    private final Pseudonyms pseudonyms;
    private final KafkaOperations<String, byte[]> kafka;
    private final JournalSummaryReadModel summaries = new JournalSummaryReadModel();

    public WeeklyFactsPublisher(ReadStore store, Pseudonyms pseudonyms, KafkaOperations<String, byte[]> kafka) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.kafka = kafka;
    }

    /** What a batch asks of one person's facts. */
    private static final class Asked {
        boolean allWeeks;
        boolean withdrawn;
        YearWeek focusFrom;
        final Set<String> weeks = new LinkedHashSet<>();
    }

    /**
     * After a batch (no erasure in it) was applied: {@code summaries} are the batch's people's summaries as they are
     * now, {@code transitions} what each event did to its entry.
     */
    void published(List<EventEnvelope> events, Map<String, EntryTransition> transitions, Map<String, Document> people) {
        Map<String, Asked> asked = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            Asked person = asked.computeIfAbsent(envelope.userId(), u -> new Asked());
            if (envelope.payload() instanceof AnalyticsConsentGiven) {
                person.allWeeks = true;
            } else if (envelope.payload() instanceof AnalyticsConsentWithdrawn) {
                person.withdrawn = true;
            } else if (envelope.payload() instanceof FocusAreaChosen) {
                YearWeek week = YearWeek.from(envelope.occurred().localDate());
                person.focusFrom =
                        person.focusFrom == null || week.isBefore(person.focusFrom) ? week : person.focusFrom;
            }
            person.weeks.addAll(
                    summaries.weeksOf(envelope, transitions.getOrDefault(envelope.eventId(), EntryTransition.NONE)));
        }
        Map<String, List<String>> toPublish = new LinkedHashMap<>();
        List<Send> sends = new ArrayList<>();
        List<String> newPseudonyms = new ArrayList<>();
        for (Map.Entry<String, Asked> entry : asked.entrySet()) {
            String userId = entry.getKey();
            Asked person = entry.getValue();
            Document summary = people.get(userId);
            Document analytics =
                    summary == null ? null : summary.get(JournalSummaryReadModel.ANALYTICS, Document.class);
            if (analytics == null) {
                continue;
            }
            List<String> weeks = analytics.getList("weeks", String.class, List.of());
            List<String> published = analytics.getList("pseudonyms", String.class, List.of());
            String current = pseudonyms.of(userId);
            if (!analytics.getBoolean("consenting", false)) {
                if (person.withdrawn) {
                    tombstones(sends, union(published, current), weeks);
                }
                continue;
            }
            List<String> chosen;
            if (person.allWeeks || !published.contains(current)) {
                List<String> earlier = new ArrayList<>(published);
                earlier.remove(current);
                tombstones(sends, earlier, weeks);
                chosen = weeks;
                if (!published.contains(current)) {
                    newPseudonyms.add(userId);
                }
            } else {
                Set<String> some = new LinkedHashSet<>(person.weeks);
                if (person.focusFrom != null) {
                    for (String week : weeks) {
                        if (!YearWeek.parse(week).isBefore(person.focusFrom)) {
                            some.add(week);
                        }
                    }
                }
                some.retainAll(weeks);
                chosen = new ArrayList<>(some);
            }
            if (!chosen.isEmpty()) {
                toPublish.put(userId, chosen);
            }
        }
        facts(toPublish, sends);
        send(sends);
        for (String userId : newPseudonyms) {
            store.journals()
                    .updateOne(
                            eq("_id", userId),
                            Updates.addToSet(JournalSummaryReadModel.ANALYTICS + ".pseudonyms", pseudonyms.of(userId)));
        }
    }

    /**
     * Before a {@link JournalErased} deletes the person's documents: a tombstone for each of their weeks under each
     * pseudonym (whatever their consent: erasing removes them from everything derived).
     */
    void erased(String userId, Document summary) {
        Document analytics = summary == null ? null : summary.get(JournalSummaryReadModel.ANALYTICS, Document.class);
        if (analytics == null) {
            return;
        }
        List<Send> sends = new ArrayList<>();
        tombstones(
                sends,
                union(analytics.getList("pseudonyms", String.class, List.of()), pseudonyms.of(userId)),
                analytics.getList("weeks", String.class, List.of()));
        send(sends);
    }

    private record Send(String key, byte[] value) {}

    private static List<String> union(List<String> published, String current) {
        Set<String> all = new LinkedHashSet<>(published);
        all.add(current);
        return new ArrayList<>(all);
    }

    private static void tombstones(List<Send> sends, List<String> under, List<String> weeks) {
        for (String pseudonym : under) {
            for (String week : weeks) {
                sends.add(new Send(AnalyticsTopic.key(pseudonym, week), null));
            }
        }
    }

    /** The facts of these people's weeks, from their week documents and focus histories (exact {@code _id} reads). */
    private void facts(Map<String, List<String>> weeksByPerson, List<Send> sends) {
        if (weeksByPerson.isEmpty()) {
            return;
        }
        List<String> weekIds = new ArrayList<>();
        weeksByPerson.forEach((userId, weeks) -> weeks.forEach(w -> weekIds.add(userId + "|" + w)));
        Map<String, Document> weekDocuments = new HashMap<>();
        for (int from = 0; from < weekIds.size(); from += 64) {
            for (Document week :
                    store.weeks().find(in("_id", weekIds.subList(from, Math.min(weekIds.size(), from + 64))))) {
                weekDocuments.put(week.getString("_id"), week);
            }
        }
        Map<String, List<Document>> choices = new HashMap<>();
        for (Document focus : store.focus().find(in("_id", new ArrayList<>(weeksByPerson.keySet())))) {
            choices.put(
                    focus.getString("_id"), focus.getList(FocusHistoryReadModel.CHOICES, Document.class, List.of()));
        }
        weeksByPerson.forEach((userId, weeks) -> {
            String pseudonym = pseudonyms.of(userId);
            for (String week : weeks) {
                Document document = weekDocuments.get(userId + "|" + week);
                WeeklyFact fact = document == null
                        ? null
                        : fact(pseudonym, week, document, choices.getOrDefault(userId, List.of()));
                sends.add(new Send(AnalyticsTopic.key(pseudonym, week), fact == null ? null : fact.toJson()));
            }
        });
    }

    /** A week's facts; null for a week that holds nothing (no entry, no reflection). */
    private WeeklyFact fact(String pseudonym, String week, Document document, List<Document> choices) {
        int wins = intValue(document, "wins");
        int checkIns = intValue(document, "checkIns");
        boolean reflection = document.get(WeeklyTrendsReadModel.REFLECTION) != null;
        if (wins == 0 && checkIns == 0 && !reflection) {
            return null;
        }
        Map<String, Integer> areas = new TreeMap<>();
        Document byArea = document.get("winsByFocusArea", Document.class);
        if (byArea != null) {
            byArea.forEach((area, count) -> {
                if (count instanceof Number n && n.intValue() > 0) {
                    areas.put(area, n.intValue());
                }
            });
        }
        Document focus = focusAt(choices, YearWeek.parse(week));
        return WeeklyFact.of(
                pseudonym,
                pseudonyms.period(),
                week,
                wins,
                areas,
                intValue(document, "daysShownUp"),
                checkIns,
                intValue(document, "moodSum"),
                intValue(document, "energySum"),
                intValue(document, "checkInsWithinWindow"),
                focus == null ? null : focus.getString("area"),
                focus == null ? null : focus.getString("stage"),
                reflection);
    }

    /** The choice current at the end of {@code week}: the latest (by sequence) made in that week or before. */
    private static Document focusAt(List<Document> choices, YearWeek week) {
        Document current = null;
        for (Document choice : choices) {
            if (!YearWeek.parse(choice.getString("week")).isAfter(week)
                    && (current == null
                            || choice.get("sequence", Number.class).longValue()
                                    > current.get("sequence", Number.class).longValue())) {
                current = choice;
            }
        }
        return current;
    }

    private static int intValue(Document document, String field) {
        return document.get(field) instanceof Number n ? n.intValue() : 0;
    }

    /** Sends everything, then waits for every acknowledgement: a failure throws, and the batch is retried. */
    private void send(List<Send> sends) {
        if (sends.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(sends.size());
        for (Send send : sends) {
            acks.add(kafka.send(AnalyticsTopic.NAME, send.key(), send.value()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing weekly facts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the weekly facts could not be published; the batch is retried", e);
        }
    }
}
