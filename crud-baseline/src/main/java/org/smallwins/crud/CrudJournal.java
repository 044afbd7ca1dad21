package org.smallwins.crud;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.Decision;
import org.smallwins.journal.EntryMark;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.JournalCommand;
import org.smallwins.journal.JournalDecider;
import org.smallwins.journal.JournalRequests;
import org.smallwins.journal.JournalState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes: parse the request and ask the journal's decider (the same code the command service's aggregate asks), with
 * the journal's state read from the table for the one id; then one transaction per entry that inserts one row.
 */
@Service
public class CrudJournal {

    static final String WIN = "W";
    static final String CHECK_IN = "C";

    static final ObjectMapper JSON = JsonMapper.builder().build();

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    public CrudJournal(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public EntryOutcome logWin(String userId, LogWinRequest body) {
        return decide(
                userId,
                JournalRequests.logWin(
                                body.winId(), body.text(), body.focusArea(), body.tags(), body.day(), body.zone())
                        .orThrow());
    }

    @Transactional
    public EntryOutcome recordCheckIn(String userId, RecordCheckInRequest body) {
        return decide(
                userId,
                JournalRequests.recordCheckIn(
                                body.checkInId(),
                                body.mood(),
                                body.energy(),
                                body.window(),
                                body.note(),
                                body.at(),
                                body.zone())
                        .orThrow());
    }

    private EntryOutcome decide(String userId, JournalCommand command) {
        Decision decision = JournalDecider.decide(command, state(userId), clock);
        for (Decision.Event event : decision.eventsOrThrow()) {
            em.persist(row(userId, event));
        }
        em.flush();
        return decision instanceof Decision.AlreadyRecorded ? EntryOutcome.ALREADY_RECORDED : EntryOutcome.RECORDED;
    }

    /** The journal's state as the decider asks for it: the row with the command's id, the zone of the latest row. */
    private JournalState state(String userId) {
        return JournalState.of(entryId -> mark(userId, entryId), () -> previousZone(userId));
    }

    private EntryMark mark(String userId, String entryId) {
        List<EntryRow> existing = em.createQuery(
                        "select e from EntryRow e where e.userId = :u and e.entryId = :e", EntryRow.class)
                .setParameter("u", userId)
                .setParameter("e", entryId)
                .getResultList();
        if (existing.isEmpty()) {
            return null;
        }
        EntryRow row = existing.get(0);
        // The baseline offers no corrections or retractions: every row is its entry as first logged.
        return EntryMark.logged(
                row.digest, row.whenValue, row.zone, WIN.equals(row.kind) ? EntryKind.WIN : EntryKind.CHECK_IN);
    }

    private String previousZone(String userId) {
        List<String> zones = em.createQuery(
                        "select e.zone from EntryRow e where e.userId = :u order by e.id desc", String.class)
                .setParameter("u", userId)
                .setMaxResults(1)
                .getResultList();
        return zones.isEmpty() ? null : zones.get(0);
    }

    private static EntryRow row(String userId, Decision.Event event) {
        EntryMark mark = EntryMark.of(event);
        EntryRow row = new EntryRow();
        row.userId = userId;
        row.entryId = event.payload().entryId();
        row.digest = mark.contentHash();
        row.whenValue = mark.when();
        row.zone = mark.zone();
        row.day = event.occurred().localDate();
        row.occurredAt = event.occurred().instant();
        event.payload().handleWith(new JournalEvent.Handler<Void>() {
            @Override
            public Void winLogged(WinLogged win) {
                row.kind = WIN;
                row.text = win.text();
                row.focusArea = win.focusArea().name();
                row.tags = JSON.writeValueAsString(win.tags());
                return null;
            }

            @Override
            public Void checkInRecorded(CheckInRecorded checkIn) {
                row.kind = CHECK_IN;
                row.mood = checkIn.mood();
                row.energy = checkIn.energy();
                row.toleranceWindow = checkIn.window().name();
                row.note = checkIn.note();
                return null;
            }

            @Override
            public Void journalErased(JournalErased erased) {
                // The baseline measures writes and reads only: it has no erasure, and its decider never decides one.
                throw new UnsupportedOperationException("the CRUD baseline records no erasures");
            }

            @Override
            public Void winCorrected(WinCorrected event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no corrections or retractions");
            }

            @Override
            public Void checkInCorrected(CheckInCorrected event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no corrections or retractions");
            }

            @Override
            public Void entryRetracted(EntryRetracted event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no corrections or retractions");
            }

            @Override
            public Void focusAreaChosen(FocusAreaChosen event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no focus area or reflection");
            }

            @Override
            public Void weeklyReflectionWritten(WeeklyReflectionWritten event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no focus area or reflection");
            }

            @Override
            public Void analyticsConsentGiven(AnalyticsConsentGiven event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no analytics");
            }

            @Override
            public Void analyticsConsentWithdrawn(AnalyticsConsentWithdrawn event) {
                throw new UnsupportedOperationException("the CRUD baseline offers no analytics");
            }
        });
        return row;
    }
}
