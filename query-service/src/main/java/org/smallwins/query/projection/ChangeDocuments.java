package org.smallwins.query.projection;

import java.util.Date;
import org.bson.Document;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.threeten.extra.YearWeek;

/**
 * What one event changed in its person's journal, as the changes feed ({@code GET /api/changes}) tells it to an app
 * that keeps a local copy: kept on the event's own document of the whole history ({@link HistoryReadModel}, member
 * {@value #FIELD}), so the feed is read by the same exact {@code _id}s as the history, and purged with it by an erasure.
 *
 * <p>One change per event, in sequence order, each complete in itself: a new or corrected entry is the entry as that
 * event left it (the timeline's shape, whole, never a difference), a retraction a tombstone (id, kind, version, reason),
 * a focus choice the area and stage (current from the week it was chosen in on), a weekly reflection the whole
 * reflection of its week (it replaces the week's earlier one), an erasure a marker that the journal before it is gone.
 * An app that applies them in order holds exactly the journal's current state.
 */
final class ChangeDocuments {

    /** The member of a history document that holds its change. */
    static final String FIELD = "change";

    static final String ENTRY_SAVED = "ENTRY_SAVED";
    static final String ENTRY_RETRACTED = "ENTRY_RETRACTED";
    static final String JOURNAL_ERASED = "JOURNAL_ERASED";
    static final String FOCUS_CHOSEN = "FOCUS_CHOSEN";
    static final String REFLECTION_WRITTEN = "REFLECTION_WRITTEN";
    static final String CONSENT_SET = "CONSENT_SET";

    private ChangeDocuments() {}

    /**
     * The change the event made, from the event and what it did to its entry ({@code transition}, read from the
     * timeline document, which keeps every version with its sequence).
     */
    static Document of(EventEnvelope envelope, EntryTransition transition) {
        return envelope.payload().handleWith(new JournalEvent.Handler<>() {
            @Override
            public Document winLogged(WinLogged event) {
                return saved(envelope, transition, 1);
            }

            @Override
            public Document checkInRecorded(CheckInRecorded event) {
                return saved(envelope, transition, 1);
            }

            @Override
            public Document winCorrected(WinCorrected event) {
                return saved(envelope, transition, event.version());
            }

            @Override
            public Document checkInCorrected(CheckInCorrected event) {
                return saved(envelope, transition, event.version());
            }

            @Override
            public Document entryRetracted(EntryRetracted event) {
                Document tombstone = new Document("id", event.entryId())
                        .append("kind", event.kind().name())
                        .append("version", event.version());
                if (event.reason() != null) {
                    tombstone.append("reason", event.reason().name());
                }
                return new Document("op", ENTRY_RETRACTED).append("retracted", tombstone);
            }

            @Override
            public Document journalErased(JournalErased event) {
                return new Document("op", JOURNAL_ERASED);
            }

            @Override
            public Document focusAreaChosen(FocusAreaChosen event) {
                // the week it was chosen in, as the week view names it: current from that week on
                String since = YearWeek.from(envelope.occurred().localDate()).toString();
                return new Document("op", FOCUS_CHOSEN)
                        .append(
                                "focus",
                                new Document("area", event.area().name())
                                        .append("stage", event.stage().name())
                                        .append("since", since));
            }

            @Override
            public Document weeklyReflectionWritten(WeeklyReflectionWritten event) {
                Document reflection = new Document("week", event.isoWeek());
                if (event.answer() != null) {
                    reflection.append("answer", event.answer());
                }
                reflection.append("winIds", event.winIds()).append("proudOfShowingUp", event.proudOfShowingUp());
                return new Document("op", REFLECTION_WRITTEN).append("reflection", reflection);
            }

            @Override
            public Document analyticsConsentGiven(AnalyticsConsentGiven event) {
                return new Document("op", CONSENT_SET).append("consent", new Document("analytics", true));
            }

            @Override
            public Document analyticsConsentWithdrawn(AnalyticsConsentWithdrawn event) {
                return new Document("op", CONSENT_SET).append("consent", new Document("analytics", false));
            }
        });
    }

    /**
     * A new entry, or a corrected one: the entry as this event left it, as the timeline shows an entry (its current
     * state at that version: kind, day, time, zone, the sequence it was logged with, version, when corrected, values),
     * in the fields of a timeline document, so the timeline's own mapping reads it.
     */
    private static Document saved(EventEnvelope envelope, EntryTransition transition, int version) {
        Document change = new Document("op", ENTRY_SAVED);
        Document state = transition.after();
        if (state == null) {
            // Only in a read store emptied under a batch, whose documents JournalProjection#forget then removes.
            return change.append("entryId", envelope.payload().entryId());
        }
        String values = "WIN".equals(state.getString("kind")) ? "win" : "checkIn";
        Document entry = new Document("entryId", envelope.payload().entryId())
                .append("kind", state.getString("kind"))
                .append("day", state.getString("day"))
                .append("occurredAt", state.getDate("occurredAt"))
                .append("zone", state.getString("zone"))
                .append("sequence", transition.loggedAs() > 0 ? transition.loggedAs() : envelope.sequence())
                .append("version", version);
        if (version > 1) {
            entry.append("corrected", new Document("at", Date.from(envelope.recordedAt())).append("version", version));
        }
        entry.append(values, state.get(values, Document.class));
        return change.append("entry", entry);
    }
}
