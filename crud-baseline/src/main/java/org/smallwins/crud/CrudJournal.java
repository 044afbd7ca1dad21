package org.smallwins.crud;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.smallwins.command.journal.CrudJournalRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Writes: validate with the journal's rules, then one transaction per entry that reads the id and inserts one row. */
@Service
public class CrudJournal {

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    static final ObjectMapper JSON = JsonMapper.builder().build();

    @PersistenceContext
    private EntityManager em;
    private final Clock clock;

    public CrudJournal(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Outcome logWin(String userId, LogWinRequest body) {
        CrudJournalRules.Win win = CrudJournalRules.win(body.winId(), body.text(), body.focusArea(), body.tags(),
                body.day(), body.zone(), () -> previousZone(userId), clock);
        if (isRetry(userId, win.winId(), CrudJournalRules.WIN, win.digest(), win.requestedWhen(), win.requestedZone())) {
            return Outcome.ALREADY_RECORDED;
        }
        EntryRow row = new EntryRow();
        row.userId = userId;
        row.entryId = win.winId();
        row.kind = CrudJournalRules.WIN;
        row.digest = win.digest();
        row.whenValue = win.day().toString();
        row.zone = win.zone().getId();
        row.day = win.day();
        row.occurredAt = win.occurredAt();
        row.text = win.text();
        row.focusArea = win.focusArea().name();
        row.tags = JSON.writeValueAsString(win.tags());
        em.persist(row);
        em.flush();
        return Outcome.RECORDED;
    }

    @Transactional
    public Outcome recordCheckIn(String userId, RecordCheckInRequest body) {
        CrudJournalRules.CheckIn checkIn = CrudJournalRules.checkIn(body.checkInId(), body.mood(), body.energy(),
                body.window(), body.note(), body.at(), body.zone(), () -> previousZone(userId), clock);
        if (isRetry(userId, checkIn.checkInId(), CrudJournalRules.CHECK_IN, checkIn.digest(), checkIn.requestedWhen(),
                checkIn.requestedZone())) {
            return Outcome.ALREADY_RECORDED;
        }
        EntryRow row = new EntryRow();
        row.userId = userId;
        row.entryId = checkIn.checkInId();
        row.kind = CrudJournalRules.CHECK_IN;
        row.digest = checkIn.digest();
        row.whenValue = checkIn.at().toString();
        row.zone = checkIn.zone().getId();
        row.day = checkIn.at().atZone(checkIn.zone()).toLocalDate();
        row.occurredAt = checkIn.at();
        row.mood = checkIn.mood();
        row.energy = checkIn.energy();
        row.toleranceWindow = checkIn.window().name();
        row.note = checkIn.note();
        em.persist(row);
        em.flush();
        return Outcome.RECORDED;
    }

    private boolean isRetry(String userId, String entryId, String kind, String digest, String when, String zone) {
        List<EntryRow> existing = em.createQuery("select e from EntryRow e where e.userId = :u and e.entryId = :e", EntryRow.class)
                .setParameter("u", userId).setParameter("e", entryId).getResultList();
        if (existing.isEmpty()) {
            return false;
        }
        EntryRow row = existing.get(0);
        if (CrudJournalRules.isRetryOf(row.kind, row.digest, row.whenValue, row.zone, kind, digest, when, zone)) {
            return true;
        }
        throw new EntryIdTakenException();
    }

    private String previousZone(String userId) {
        List<String> zones = em.createQuery("select e.zone from EntryRow e where e.userId = :u order by e.id desc", String.class)
                .setParameter("u", userId).setMaxResults(1).getResultList();
        return zones.isEmpty() ? null : zones.get(0);
    }

    /** The id is taken by an entry with different content. */
    public static class EntryIdTakenException extends RuntimeException {
        EntryIdTakenException() {
            super("entry id taken", null, false, false);
        }
    }
}
